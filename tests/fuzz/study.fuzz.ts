import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { jsonPath } from "../../src/errors.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import type { Study } from "../../src/schema/study.js";
import { checkStudy } from "../../src/checks/check-study.js";
import { CheckResult } from "../../src/schema/check-result.js";
import { stableJson } from "../../src/io/stable-json.js";
import { seedJson, studyA, studyB } from "../helpers/fixtures.js";
import { expectCohortErrorOrValue, hostileJsonValue, hostileText, reportTried, runs, tried } from "./harness.js";

const registry = loadInstruments();
const seeds = [seedJson(studyA), seedJson(studyB)];

type Key = string | number;
/** Every path to a value inside a JSON document (the root excluded). */
function pathsOf(value: unknown, prefix: Key[] = [], out: Key[][] = []): Key[][] {
  if (Array.isArray(value)) value.forEach((item, index) => (out.push([...prefix, index]), pathsOf(item, [...prefix, index], out)));
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) (out.push([...prefix, key]), pathsOf(item, [...prefix, key], out));
  return out;
}
const seedPaths = seeds.map((seed) => pathsOf(seed));

function parentOf(root: any, path: Key[]): any {
  let node = root;
  for (const key of path.slice(0, -1)) node = node?.[key];
  return node;
}

type Mutation =
  | { op: "replace"; pick: number; value: unknown }
  | { op: "delete"; pick: number }
  | { op: "add-key"; pick: number; key: string; value: unknown }
  | { op: "empty"; pick: number }
  | { op: "duplicate"; pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("replace" as const), pick: fc.nat(), value: hostileJsonValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("add-key" as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "extra", "$schema"), hostileText), value: hostileJsonValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("empty" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("duplicate" as const), pick: fc.nat() }) },
);

/** Applies mutations to a deep copy of a seed study. Own "__proto__" keys are set with defineProperty, as JSON.parse does. */
function mutate(seedIndex: number, mutations: Mutation[]): unknown {
  const root = structuredClone(seeds[seedIndex]);
  const paths = seedPaths[seedIndex]!;
  for (const m of mutations) {
    const path = paths[m.pick % paths.length]!;
    const parent = parentOf(root, path);
    const key = path[path.length - 1]!;
    if (parent === null || typeof parent !== "object") continue;
    const target = parent[key];
    if (m.op === "replace") Object.defineProperty(parent, key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
    else if (m.op === "delete") Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (m.op === "add-key" && target !== null && typeof target === "object" && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
    else if (m.op === "empty" && Array.isArray(target)) target.length = 0;
    else if (m.op === "duplicate" && Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(target));
  }
  return root;
}

/**
 * Independent oracle for an accepted study: the cross-field rules, restated here from the data model
 * (arm sizes add up, exclusive counts add up, every instrument known, numbers as strings).
 */
function assertStudyInvariants(study: Study): void {
  const whole = (value: number) => Number.isSafeInteger(value) && value >= 0;
  expect(whole(study.design.sampleSize.value)).toBe(true);
  const armTotal = study.design.arms.reduce((sum, arm) => sum + arm.size.value, 0);
  if (study.design.acknowledgedDiscrepancy === undefined) expect(armTotal).toBe(study.design.sampleSize.value);
  for (const entry of study.instruments) expect(registry.has(entry.ref)).toBe(true);
  const listed = new Set(study.instruments.map((entry) => entry.ref));
  for (const value of study.reported) {
    if ("instrument" in value && value.instrument !== undefined) expect(listed.has(value.instrument)).toBe(true);
    if (value.kind === "composition") {
      for (const category of value.categories) {
        if (category.count !== undefined) expect(whole(category.count) && category.count <= value.n.value).toBe(true);
        if (category.percent !== undefined) expect(category.percent).toMatch(/^\d+(\.\d+)?$/);
      }
      const counts = value.categories.map((category) => category.count);
      if (value.categoriesAre === "exclusive" && value.acknowledgedDiscrepancy === undefined && counts.every((count) => count !== undefined)) {
        expect(counts.reduce((sum: number, count) => sum + count!, 0)).toBe(value.n.value);
      }
    }
    if (value.kind === "percent-change") expect(value.percent).toMatch(/^\d+(\.\d+)?$/);
    if (value.kind === "mean") expect(value.mean).toMatch(/^-?\d+(\.\d+)?$/);
  }
}

const folder = mkdtempSync(join(tmpdir(), "cohortcheck-fuzz-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("parseStudy (fuzz)", () => {
  it("mutated seed studies: a study that satisfies the data model's rules, or a CohortError with JSON paths", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (seedIndex, mutations) => {
        tried("parseStudy: mutated studies");
        const data = mutate(seedIndex, mutations);
        const outcome = expectCohortErrorOrValue(() => parseStudy(data, registry));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (outcome.ok) {
          accepted += 1;
          assertStudyInvariants(outcome.value);
          // Every sixth accepted study goes through every check (checkStudy takes ~20 ms a study):
          // results in the CheckResult shape, printable as JSON.
          if (accepted % 6 !== 0) return;
          tried("checkStudy: accepted mutated studies");
          const checked = expectCohortErrorOrValue(() => checkStudy(outcome.value, registry));
          if (checked.ok) for (const result of checked.value) expect(CheckResult.safeParse(JSON.parse(stableJson(result))).success).toBe(true);
        }
      }),
      runs(3000),
    );
    console.log(`fuzz: parseStudy accepted ${accepted} mutated studies (each checked against the invariants) and refused the rest`);
    reportTried("parseStudy: mutated studies");
    reportTried("checkStudy: accepted mutated studies");
  });

  it("a reported number written as a JSON number instead of a string is refused at its path, with the strings hint", () => {
    // Every string field that holds a reported decimal in the seed studies.
    const targets = seeds.flatMap((seed, seedIndex) =>
      seedPaths[seedIndex]!.filter((path) => ["percent", "mean", "sd"].includes(String(path[path.length - 1])) && typeof parentOf(seed, path)[path[path.length - 1]!] === "string").map((path) => ({ seedIndex, path })),
    );
    expect(targets.length).toBeGreaterThan(5);
    for (const { seedIndex, path } of targets) {
      tried("parseStudy: numbers for strings");
      const data = structuredClone(seeds[seedIndex]);
      const parent = parentOf(data, path);
      const key = path[path.length - 1]!;
      parent[key] = Number(parent[key]);
      const outcome = expectCohortErrorOrValue(() => parseStudy(data, registry));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        const problem = outcome.error.problems.find((p) => p.path === jsonPath(path));
        expect(problem?.message).toMatch(/written as strings/);
      }
    }
    reportTried("parseStudy: numbers for strings");
  });

  it("non-object documents and extreme sample sizes are refused with a path", () => {
    const extremes = [null, 0, "study", [], [seeds[0]], true, {}];
    for (const data of extremes) {
      tried("parseStudy: extremes");
      expect(expectCohortErrorOrValue(() => parseStudy(data, registry)).ok).toBe(false);
    }
    for (const n of [-1, 0.5, 1e308, Number.MAX_SAFE_INTEGER + 1, NaN, Infinity, -Infinity, -0]) {
      tried("parseStudy: extremes");
      const data = structuredClone(seeds[1]);
      data.design.sampleSize.value = n;
      const outcome = expectCohortErrorOrValue(() => parseStudy(data, registry));
      // -0 is the whole number 0, which no arm total of 5 + 5 matches: refused too, by the sum rule.
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.problems.some((p) => p.path?.startsWith("$.design"))).toBe(true);
    }
    reportTried("parseStudy: extremes");
  });
});

describe("loadStudy (fuzz, files on disk)", () => {
  it("mutated and truncated study files: a study, or a CohortError naming the file", () => {
    let index = 0;
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.array(mutation, { maxLength: 2 }), fc.option(fc.nat(), { nil: undefined }), (seedIndex, mutations, cut) => {
        tried("loadStudy: files");
        const text = JSON.stringify(mutate(seedIndex, mutations), null, 2);
        const file = join(folder, `study-${index++}.json`);
        writeFileSync(file, cut === undefined ? text : text.slice(0, cut % text.length));
        const outcome = expectCohortErrorOrValue(() => loadStudy(file, registry), file);
        if (outcome.ok) assertStudyInvariants(outcome.value);
      }),
      runs(250),
    );
    reportTried("loadStudy: files");
  });
});
