import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidArgumentError } from "commander";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandShift } from "../../src/checks/band-shift.js";
import { composition } from "../../src/checks/composition.js";
import { debit } from "../../src/checks/debit.js";
import { grim } from "../../src/checks/grim.js";
import { grimmer } from "../../src/checks/grimmer.js";
import { percent } from "../../src/checks/percent.js";
import { percentChange } from "../../src/checks/percent-change.js";
import { percentChangeChain } from "../../src/checks/percent-change-chain.js";
import { sdBoundsCheck } from "../../src/checks/sd-bounds.js";
import { parseDecimalList, parseDecimalString, parseFiniteNumber, parseInteger, parseIntegerList, parsePositiveInteger } from "../../src/cli/options.js";
import * as inference from "../../src/inference/index.js";
import { stableJson } from "../../src/io/stable-json.js";
import { auditSources } from "../../src/provenance/audit-sources.js";
import { CheckResult } from "../../src/schema/check-result.js";
import { sourcesDir } from "../helpers/fixtures.js";
import { expectCohortErrorOrValue, hostileText, numericText, reportTried, runs, tried } from "./harness.js";

/** A parser outcome: the value, or commander's InvalidArgumentError (a usage error, exit 2). */
function parsed<T>(run: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof InvalidArgumentError && error.message.length > 0) return { ok: false };
    throw error;
  }
}

const optionText = fc.oneof(numericText, hostileText, fc.string({ unit: fc.constantFrom(..."0123456789+-. ,eE"), maxLength: 12 }));

describe("CLI option parsers (fuzz)", () => {
  it("parseInteger / parsePositiveInteger accept exactly the safe whole numbers (oracle: BigInt)", () => {
    fc.assert(
      fc.property(optionText, (text) => {
        tried("options: integers");
        const trimmed = text.trim();
        const whole = /^[+-]?[0-9]+$/.test(trimmed) ? BigInt(trimmed) : undefined;
        const safe = whole !== undefined && whole <= BigInt(Number.MAX_SAFE_INTEGER) && whole >= -BigInt(Number.MAX_SAFE_INTEGER);
        const integer = parsed(() => parseInteger(text));
        expect(integer.ok).toBe(safe);
        if (integer.ok) expect(integer.value + 0).toBe(Number(whole) + 0);
        const positive = parsed(() => parsePositiveInteger(text));
        expect(positive.ok).toBe(safe && whole! >= 1n);
      }),
      runs(1500),
    );
    reportTried("options: integers");
  });

  it("parseFiniteNumber returns a finite number or a usage error; decimal text keeps its value", () => {
    fc.assert(
      fc.property(fc.oneof(optionText, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)), (text) => {
        tried("options: finite numbers");
        const result = parsed(() => parseFiniteNumber(text));
        if (result.ok) expect(Number.isFinite(result.value)).toBe(true);
        // Text that is a finite decimal in JavaScript's own notation is always accepted, with that value.
        if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(text) && Number.isFinite(Number(text))) expect(result.ok && result.value).toBe(Number(text));
      }),
      runs(1000),
    );
    reportTried("options: finite numbers");
  });

  it("parseDecimalString keeps the text (trailing zeros) of every plain decimal and refuses everything else", () => {
    const plain = fc.tuple(fc.constantFrom("", "+", "-"), fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 6 }), fc.option(fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 4 }))).map(([sign, int, frac]) => (frac === null ? `${sign}${int}` : `${sign}${int}.${frac}`));
    fc.assert(
      fc.property(fc.oneof(plain, optionText), (text) => {
        tried("options: decimal strings");
        const result = parsed(() => parseDecimalString(text));
        const trimmed = text.trim();
        // Oracle, built without a regular expression: sign?, digits, optional "." and digits, at least one digit.
        const body = trimmed.startsWith("+") || trimmed.startsWith("-") ? trimmed.slice(1) : trimmed;
        const [int = "", frac, extra] = body.split(".");
        const digitsOnly = (s: string) => [...s].every((c) => c >= "0" && c <= "9");
        const isPlain = extra === undefined && digitsOnly(int) && (frac === undefined || digitsOnly(frac)) && int.length + (frac?.length ?? 0) > 0;
        expect(result.ok).toBe(isPlain);
        if (result.ok) expect(result.value).toBe(trimmed);
      }),
      runs(1500),
    );
    reportTried("options: decimal strings");
  });

  it("the list parsers accept comma-separated valid items only", () => {
    fc.assert(
      fc.property(fc.array(optionText, { minLength: 1, maxLength: 4 }).map((items) => items.join(",")), (text) => {
        tried("options: lists");
        const integers = parsed(() => parseIntegerList(text));
        const itemsOk = text.split(",").every((item) => parsed(() => parseInteger(item.trim())).ok && item.trim() !== "");
        expect(integers.ok).toBe(itemsOk);
        const decimals = parsed(() => parseDecimalList(text));
        if (decimals.ok) expect(decimals.value.length).toBe(text.split(",").length);
      }),
      runs(800),
    );
    reportTried("options: lists");
  });
});

describe("auditSources (fuzz)", () => {
  const documents = readdirSync(sourcesDir).filter((name) => name.endsWith(".txt"));
  const texts = documents.map((name) => readFileSync(join(sourcesDir, name), "utf8"));
  const quote = fc.oneof(
    fc.record({ doc: fc.nat(), start: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }).map(({ doc, start, length }) => {
      const text = texts[doc % texts.length]!;
      const at = start % Math.max(1, text.length - length);
      return text.slice(at, at + length);
    }),
    hostileText,
  );
  const source = fc.record({ file: fc.oneof(fc.constantFrom(...documents), hostileText), quote });
  const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 1 }), tie("owner"), fc.array(tie("value"), { maxLength: 3 })),
    owner: fc.record(
      { source, alsoQuoted: fc.array(fc.oneof(source, fc.jsonValue({ maxDepth: 1 })), { maxLength: 2 }), value: fc.oneof(numericText, fc.double(), fc.integer()), count: fc.integer(), nested: tie("value") },
      { requiredKeys: [] },
    ),
  })).value;

  it("any JSON with source objects: quotes judged verbatim exactly when they occur, problems with JSON paths, never a crash", () => {
    fc.assert(
      fc.property(node, (data) => {
        tried("auditSources: generated documents");
        const audit = auditSources(data, sourcesDir, "x.json");
        for (const entry of audit.quotes) {
          const index = documents.indexOf(entry.file);
          expect(entry.verbatim).toBe(index >= 0 && texts[index]!.includes(entry.quote));
        }
        for (const problem of audit.problems) expect(problem.path).toMatch(/^\$/);
      }),
      runs(800),
    );
    reportTried("auditSources: generated documents");
  });
});

/** Each value a check is asked about: mostly well-formed, often at the edges, sometimes nonsense. */
const reported = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("5.19", "3.20", "2.50", "0", "0.00", "100", "45.0", "21.88", "1.5", "-1.5", "0.125", "99.999") }, { weight: 1, arbitrary: numericText }, { weight: 1, arbitrary: hostileText });
const size = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, 1e9, 2 ** 31, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity) });
const small = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -5, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(0.5, NaN, Infinity, -1e9, 1e9) });
const mode = fc.oneof(fc.constantFrom("up_or_down", "up", "down", "even", "ceiling_or_floor", "trunc"), fc.constantFrom("bogus", ""));

/*
 * Bugs this suite found in the checks and fixed there (each input is generated again, so a regression
 * fails here): percent / composition with a huge n aborting the process (V8 "invalid size"); debit with
 * a huge n aborting likewise ({ mean: "0", sd: "99.999", n: 2147483648 }); grimmer with a scale and a huge
 * n · items hanging; sdBoundsCheck with n 1e9 on a wide scale hanging; grimmer / percentChange with an
 * infinite scale bound (RangeError from BigInt); percentChange with a one-point scale (−Infinity in its
 * details); bandShift with NaN / infinite band bounds; percentChangeChain on a fine grid (items 5,
 * n 1,000,000, or 4 decimals) running for minutes instead of being refused up front.
 */

/** A deferred call that prints as its input in fast-check's counterexamples. */
function call<T>(input: unknown, run: () => T): () => T {
  return Object.assign(run, { [fc.toStringMethod]: () => fc.stringify(input) });
}

/** A check's contract: a CheckResult (valid against its schema and printable as JSON), or a CohortError. */
function checkContract(name: string, run: () => unknown): void {
  tried(`checks: ${name}`);
  const outcome = expectCohortErrorOrValue(run);
  if (!outcome.ok) return;
  const results = Array.isArray(outcome.value) ? outcome.value : [outcome.value];
  for (const result of results) {
    expect(CheckResult.safeParse(result).success, `${name} returned a result outside the CheckResult schema`).toBe(true);
    stableJson(result); // throws on NaN/Infinity, which --json could not print
  }
}

describe("checks (fuzz: extreme and malformed arguments)", () => {
  const cases: Array<[string, fc.Arbitrary<() => unknown>, number]> = [
    ["grim", fc.record({ mean: reported, n: size, items: small, rounding: mode, percent: fc.boolean() }).map((input) => call(input, () => grim(input as never))), 1200],
    ["grimmer", fc.record({ mean: reported, sd: reported, n: size, items: small, rounding: mode, scale: fc.option(fc.record({ min: small, max: small }), { nil: undefined }) }).map((input) => call(input, () => grimmer(input as never))), 1000],
    ["percent", fc.record({ percent: reported, n: size, count: fc.option(size, { nil: undefined }), rounding: mode, alternativeDenominators: fc.option(fc.array(size, { maxLength: 3 }), { nil: undefined }) }).map((input) => call(input, () => percent(input as never))), 1000],
    ["composition", fc.record({ n: size, categories: fc.array(fc.record({ id: fc.constantFrom("a", "b", "__proto__", "constructor"), count: fc.option(size, { nil: undefined }), percent: fc.option(reported, { nil: undefined }) }), { maxLength: 4 }), overlapping: fc.boolean(), rounding: mode }).map((input) => call(input, () => composition(input as never))), 800],
    ["debit", fc.record({ mean: reported, sd: reported, n: size, rounding: mode }).map((input) => call(input, () => debit(input as never))), 600],
    ["sdBoundsCheck", fc.record({ mean: reported, sd: reported, n: size, min: small, max: small, items: small, rounding: mode }).map((input) => call(input, () => sdBoundsCheck(input as never))), 600],
    ["percentChange", fc.record({ from: reported, to: reported, percent: reported, direction: fc.option(fc.constantFrom("increase", "decrease", "sideways"), { nil: undefined }), rounding: mode, scale: fc.option(fc.record({ min: small, max: small }), { nil: undefined }) }).map((input) => call(input, () => percentChange(input as never))), 800],
    [
      "percentChangeChain",
      fc
        .record({
          changes: fc.array(fc.record({ percent: reported, direction: fc.constantFrom("increase", "decrease", "flat") }), { minLength: 0, maxLength: 3 }),
          grid: fc.oneof(
            fc.record({ kind: fc.constant("items"), items: fc.integer({ min: -1, max: 6 }), n: fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constantFrom(100, 1000, 1_000_000, NaN)), min: small, max: small, scoring: fc.constantFrom("mean", "sum") }),
            fc.record({ kind: fc.constant("precision"), decimals: fc.integer({ min: -1, max: 4 }), min: small, max: small }),
          ),
          rounding: mode,
        })
        .map(({ changes, grid, rounding }) => call({ changes, grid, rounding }, () =>
          percentChangeChain({ timepoints: changes.map((_, index) => `t${index}`).concat(`t${changes.length}`), changes: changes.map((change, index) => ({ ...change, from: `t${index}`, to: `t${index + 1}` })) as never, grid: grid as never, rounding: rounding as never })),
        ),
      400,
    ],
    [
      "bandShift",
      fc
        .record({ bands: fc.array(fc.record({ id: fc.constantFrom("mild", "moderate", "severe"), label: fc.constant("x"), min: small, max: small }), { maxLength: 4 }), from: fc.option(fc.constantFrom("mild", "moderate", "none"), { nil: undefined }), to: fc.constantFrom("mild", "severe", "none") })
        .map(({ bands, from, to }) => call({ bands, from, to }, () => bandShift({ from: from === undefined ? undefined : { label: from, band: from }, to: { label: to, band: to }, conventions: [{ id: "c", label: "c", bands }], statistic: "mean" } as never))),
      400,
    ],
  ];
  for (const [name, arbitrary, count] of cases) {
    it(`${name}: a CheckResult or a CohortError, never a crash or a non-finite number`, () => {
      fc.assert(fc.property(arbitrary, (run) => checkContract(name, run)), runs(count));
      reportTried(`checks: ${name}`);
    });
  }
});

/*
 * Bugs this suite found in src/inference and fixed there (generated again here, so a regression fails):
 * levels and alphas within 1e-12 of 0 or 1 giving an infinite critical value and NaN results (exit 70
 * through `cohort ci` / `cohort power`); t-tests overflowing or underflowing to NaN on extreme doubles
 * (pairedT([-2e-131, -3e-301], [4.5e-35, 1e308]), welchT([0, 0], [0, -4.67e-91])).
 */
const real = fc.oneof({ weight: 5, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e50, -1e50, 1e150, 1e308, -1e308, 0, 5e-324, -4.67e-91) });
const level = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.95, 0.9999999999999999, 1e-200, 5e-324, -0.5, 1.5, NaN));
const values = fc.array(real, { maxLength: 12 });
const design = fc.oneof(fc.constantFrom("two-group", "paired", "one-sample"), fc.constantFrom("bogus"));
const sizes = fc.oneof(size, fc.tuple(size, size));

describe("inference (fuzz: extreme and malformed arguments)", () => {
  const cases: Array<[string, fc.Arbitrary<() => unknown>, number]> = [
    ["wilson", fc.tuple(size, size, level).map(([k, n, l]) => call([k, n, l], () => inference.wilson(k, n, l))), 600],
    ["clopperPearson", fc.tuple(size, size, level).map(([k, n, l]) => call([k, n, l], () => inference.clopperPearson(k, n, l))), 600],
    ["ruleOfThree", fc.tuple(size, size).map(([n, k]) => call([n, k], () => inference.ruleOfThree(n, k))), 300],
    ["power", fc.tuple(design, sizes, real, level).map(([d, n, e, a]) => call([d, n, e, a], () => inference.power(d as never, n as never, e, a))), 500],
    ["mde", fc.tuple(design, sizes, level, level).map(([d, n, p, a]) => call([d, n, p, a], () => inference.mde(d as never, n as never, p, a))), 300],
    ["sampleSizeFor", fc.tuple(design, fc.oneof(real, fc.constantFrom(0.5, 0.2, 1e-3)), level, level).map(([d, e, p, a]) => call([d, e, p, a], () => inference.sampleSizeFor(d as never, e, p, a))), 300],
    ["welchT", fc.tuple(values, values, level).map(([x, y, l]) => call([x, y, l], () => inference.welchT(x, y, l))), 400],
    ["studentT", fc.tuple(values, values, level).map(([x, y, l]) => call([x, y, l], () => inference.studentT(x, y, l))), 300],
    ["pairedT", fc.tuple(values, values).map(([x, y]) => call([x, y], () => inference.pairedT(x, y))), 300],
    ["oneSampleT", fc.tuple(values, real).map(([x, mu]) => call([x, mu], () => inference.oneSampleT(x, mu))), 300],
    ["mannWhitney", fc.tuple(values, values).map(([x, y]) => call([x, y], () => inference.mannWhitney(x, y))), 400],
    ["wilcoxonSignedRank", fc.tuple(values, values).map(([x, y]) => call([x, y], () => inference.wilcoxonSignedRank(x, y))), 400],
    ["distributionSummary", values.map((x) => call(x, () => inference.distributionSummary(x))), 300],
  ];
  for (const [name, arbitrary, count] of cases) {
    it(`${name}: a finite, printable result or a CohortError`, () => {
      fc.assert(
        fc.property(arbitrary, (run) => {
          tried(`inference: ${name}`);
          const outcome = expectCohortErrorOrValue(run);
          if (outcome.ok) stableJson(outcome.value); // throws on NaN/Infinity, which --json could not print
        }),
        runs(count),
      );
      reportTried(`inference: ${name}`);
    });
  }
});
