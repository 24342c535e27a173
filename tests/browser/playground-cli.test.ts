// The playground's answers against the CLI's: a seeded random sample of inputs per check kind, each run
// on the page (opened through its link, as a shared link opens it) and by `cohort … --json`, with the
// verdicts and explanations compared word for word. The CLI runs in this process (tests/helpers/
// cli-in-process.ts: the code bin/cohort.js runs); a few runs are checked against a spawned CLI too.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jstat from "jstat";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdBoundsCheck } from "../../src/checks/sd-bounds.js";
import { formatProblem } from "../../src/errors.js";
import * as msg from "../../src/messages/playground.js";
import { createRng, type Rng } from "../../src/stats/rng.js";
import { ROUNDING_MODES } from "../../src/stats/rounding.js";
import { cohortInProcess } from "../helpers/cli-in-process.js";
import { root } from "../helpers/fixtures.js";
import { launchChromium, openPlayground, readFindings, readStatistics, runThroughLink, type OpenPage, type PageFinding, type PageStatistic } from "../helpers/playground-browser.js";

const { jStat } = jstat as unknown as { jStat: any };
/** Inputs per check kind (the brief: 50); the passage kind composes several statistics per input. */
const SAMPLE = 50;
const PASSAGES = 12;

let browser: Browser;
let open: OpenPage;
let folder: string;
beforeAll(async () => {
  browser = await launchChromium();
  open = await openPlayground(browser);
  folder = mkdtempSync(join(tmpdir(), "cohortcheck-playground-"));
});
afterAll(async () => {
  // Nothing on the page may have failed or reached out, across every run below.
  expect(open?.problems ?? []).toEqual([]);
  expect(open?.offline ?? []).toEqual([]);
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(0, items.length - 1)]!;

/** A printed decimal nudged by a few units of its last digit (a slip, or a different rounding). */
function nudge(rng: Rng, printed: string): string {
  const decimals = printed.includes(".") ? printed.split(".")[1]!.length : 0;
  const value = Number(printed) + rng.int(-3, 3) * 10 ** -decimals;
  return Math.max(0, value).toFixed(decimals);
}

/** The rounding assumption: the default mostly, otherwise any mode (with a threshold for the *_from ones). */
function rounding(rng: Rng): Record<string, string> {
  if (rng.next() < 0.6) return {};
  const mode = pick(rng, ROUNDING_MODES);
  return mode.includes("from") ? { rounding: mode, threshold: String(rng.int(1, 9)) } : { rounding: mode };
}

const hashOf = (tab: string, fields: Record<string, string>) => new URLSearchParams({ tab, ...fields }).toString();
const roundingArgs = (fields: Record<string, string>) => [...(fields.rounding ? ["--rounding", fields.rounding] : []), ...(fields.threshold ? ["--threshold", fields.threshold] : [])];

/** A CLI --json result as the page words it: the check's verdict and explanation, or its error. */
async function cliFinding(check: string, args: string[]): Promise<PageFinding> {
  const run = await cohortInProcess([...args, "--json"]);
  const json = JSON.parse(run.stdout);
  if (json.status === "error") return { check, status: "error", explanation: json.problems.map(formatProblem).join("; ") };
  expect(run.status).toBe(0);
  return { check: json.check, status: json.status, explanation: json.explanation };
}

async function pageFindings(page: Page, tab: string, fields: Record<string, string>): Promise<PageFinding[]> {
  await runThroughLink(page, tab, hashOf(tab, fields));
  return readFindings(page, tab);
}

function meanCase(rng: Rng): Record<string, string> {
  const decimals = pick(rng, [1, 2, 2, 2, 3]);
  const n = rng.next() < 0.05 ? 1 : rng.int(2, 60);
  const scale = pick(rng, [undefined, undefined, [1, 5], [1, 7], [0, 10], [1, 10], [0, 1], [0, 1]] as const);
  const binary = scale?.[0] === 0 && scale[1] === 1;
  const items = binary || rng.next() < 0.8 ? 1 : rng.int(2, 5);
  const [min, max] = scale ?? [0, 20];
  const total = rng.int(n * items * min, n * items * max);
  let mean = (total / (n * items)).toFixed(decimals);
  if (rng.next() < 0.4) mean = nudge(rng, mean);
  const fields: Record<string, string> = { mean, n: String(n), ...(items > 1 ? { items: String(items) } : {}), ...(scale ? { min: String(min), max: String(max) } : {}), ...rounding(rng) };
  if (rng.next() < 0.85) {
    const sd = binary && n > 1 ? Math.sqrt((total * (n - total)) / (n * (n - 1))) : rng.next() * ((max - min) / 2);
    fields.sd = rng.next() < 0.3 ? nudge(rng, sd.toFixed(decimals)) : sd.toFixed(decimals);
  }
  return fields;
}

/** What the CLI says of a mean: the commands of the checks the page runs, in its order. */
async function cliMean(fields: Record<string, string>): Promise<PageFinding[]> {
  const common = ["--mean", fields.mean!, "--n", fields.n!, ...roundingArgs(fields)];
  const items = fields.items ? ["--items", fields.items] : [];
  const scale = fields.min !== undefined ? ["--min", fields.min, "--max", fields.max!] : [];
  const out = [await cliFinding("grim", ["grim", ...common, ...items])];
  if (fields.sd === undefined) return out;
  out.push(await cliFinding("grimmer", ["grimmer", ...common, "--sd", fields.sd, ...items, ...scale]));
  if (fields.min === undefined) return out;
  // No command runs the SD bounds alone (cohort check runs them on a study file's means): the library's
  // sdBoundsCheck, which check-study.ts calls, stands in for it.
  try {
    const result = sdBoundsCheck({ mean: fields.mean!, sd: fields.sd, n: Number(fields.n), items: Number(fields.items ?? 1), min: Number(fields.min), max: Number(fields.max), rounding: (fields.rounding ?? "up_or_down") as never, threshold: Number(fields.threshold ?? 5) });
    out.push({ check: result.check, status: result.status, explanation: result.explanation });
  } catch (error) {
    out.push({ check: "sd-bounds", status: "error", explanation: (error as { problems: { message: string }[] }).problems.map(formatProblem).join("; ") });
  }
  if (fields.min === "0" && fields.max === "1" && fields.items === undefined) out.push(await cliFinding("debit", ["debit", ...common, "--sd", fields.sd]));
  return out;
}

function percentCase(rng: Rng): Record<string, string> {
  const n = rng.int(1, 400);
  const count = rng.int(0, n);
  let percent = ((100 * count) / n).toFixed(pick(rng, [0, 0, 1, 1, 2]));
  if (rng.next() < 0.3) percent = nudge(rng, percent);
  const reported: Record<string, string> = rng.next() < 0.5 ? {} : { count: String(Math.min(n, Math.max(0, count + pick(rng, [0, 0, 0, 1, -1])))) };
  return { percent, n: String(n), ...reported, ...rounding(rng) };
}

const NAMES: Record<string, string> = { t: "t", F: "F", chi2: "χ²", r: "r" };

/** A statistic with its df and p, its p mostly recomputed and printed as papers do, sometimes off. */
function statisticCase(rng: Rng): { fields: Record<string, string>; text: string } {
  const test = pick(rng, ["t", "t", "F", "chi2", "r"]);
  const df = test === "t" ? (rng.next() < 0.15 ? (rng.int(100, 1200) / 10).toFixed(1) : String(rng.int(5, 120))) : test === "F" ? String(rng.int(1, 5)) : test === "chi2" ? String(rng.int(1, 6)) : String(rng.int(5, 200));
  const df2 = test === "F" ? String(rng.int(10, 120)) : undefined;
  const value = test === "r" ? (rng.next() * 0.6).toFixed(2) : (rng.next() * (test === "t" ? 4 : test === "F" ? 8 : 15)).toFixed(pick(rng, [2, 2, 3]));
  const v = Number(value);
  const d = Number(df);
  const p =
    test === "t" ? 2 * (1 - jStat.studentt.cdf(v, d))
    : test === "F" ? 1 - jStat.centralF.cdf(v, d, Number(df2))
    : test === "chi2" ? 1 - jStat.chisquare.cdf(v, d)
    : 2 * (1 - jStat.studentt.cdf((v * Math.sqrt(d)) / Math.sqrt(1 - v * v), d));
  let relation = "=";
  let printed = p.toFixed(pick(rng, [2, 3, 3]));
  if (p < 0.001) [relation, printed] = ["<", "0.001"];
  const slip = rng.next();
  if (slip < 0.2) printed = Math.min(1, Math.max(0, Number(printed) + pick(rng, [-0.02, -0.01, 0.01, 0.03]))).toFixed(printed.split(".")[1]!.length);
  else if (slip < 0.3) [relation, printed] = [pick(rng, ["<", ">", "≤"]), "0.05"];
  if (rng.next() < 0.5) printed = printed.replace(/^0\./, ".");
  const dfText = test === "F" ? `${df}, ${df2}` : df;
  const composed = `${NAMES[test]}(${dfText}) = ${value}, p ${relation} ${printed}`;
  const roundingFields = rounding(rng);
  if (rng.next() < 0.5) return { fields: { entry: "parts", test, value, df, ...(df2 ? { df2 } : {}), relation, p: printed, ...roundingFields }, text: composed };
  // As printed, in the spellings papers use: tight or spaced, "chi2" or "χ2".
  const spelled = rng.next() < 0.3 ? composed.replace(/ = /g, "=").replace(", p", ",p") : composed;
  const text = test === "chi2" && rng.next() < 0.5 ? spelled.replace("χ²", "χ2") : spelled;
  return { fields: { printed: text, ...roundingFields }, text };
}

const VERDICT: Record<string, string> = { ok: "consistent", INCONSISTENT: "inconsistent", undetermined: "undetermined", "—": "not checked" };

/** `cohort scan --json` on a text, as the page words it. */
async function cliScan(text: string, fields: Record<string, string>): Promise<PageStatistic[]> {
  const file = join(folder, "source.txt");
  writeFileSync(file, text);
  const run = await cohortInProcess(["scan", file, ...roundingArgs(fields), "--json"]);
  expect(run.status, run.stderr).toBe(0);
  const statistics = JSON.parse(run.stdout).files[0].statistics as { kind: string; verdict: string; quote: string; checks: { check: string; status: string; explanation: string }[] }[];
  return statistics.map((s) => ({ kind: s.kind, verdict: VERDICT[s.verdict]!, quote: s.quote, checks: s.checks.map((c) => ({ check: c.check, status: c.status, explanation: c.explanation })) }));
}

function closureCase(rng: Rng): Record<string, string> {
  const [min, max] = pick(rng, [[1, 5], [1, 7], [0, 3], [1, 4]] as const);
  const n = rng.next() < 0.04 ? 1 : rng.int(5, 40);
  const decimals = pick(rng, [1, 1, 2]);
  const mean = (rng.int(n * min, n * max) / n).toFixed(decimals);
  const sd = (rng.next() * ((max - min) / 2) + 0.05).toFixed(decimals);
  return { mean, sd, n: String(n), min: String(min), max: String(max) };
}

const SENTENCES: ((rng: Rng) => string)[] = [
  (rng) => {
    const n = rng.int(10, 120);
    const k = rng.int(0, n);
    const p = ((100 * k) / n).toFixed(pick(rng, [0, 1]));
    return `Response occurred in ${k}/${n} (${rng.next() < 0.3 ? nudge(rng, p) : p}%) of patients.`;
  },
  (rng) => `The groups differed, ${statisticCase(rng).text}.`,
  (rng) => `Mean age was ${(rng.int(300, 700) / 10).toFixed(1)} years (SD ${(rng.int(30, 150) / 10).toFixed(1)}).`,
  (rng) => {
    const est = rng.int(50, 400) / 100;
    const lo = (est * (0.3 + rng.next() * 0.5)).toFixed(2);
    const hi = (est * (1.4 + rng.next() * 1.5)).toFixed(2);
    return `The odds ratio was ${est.toFixed(2)} (95% CI ${lo} to ${hi}), p = ${pick(rng, [".04", ".01", ".20", "0.003"])}.`;
  },
  (rng) => `Of ${rng.int(40, 300)} screened, ${rng.int(10, 39)} were randomised.`,
];

describe("playground and CLI agree on a seeded random sample", () => {
  it(`mean and SD: GRIM, GRIMMER, SD bounds and DEBIT on ${SAMPLE} inputs`, async () => {
    const rng = createRng(16_501);
    const seen = new Set<string>();
    for (let index = 0; index < SAMPLE; index++) {
      const fields = meanCase(rng);
      const page = await pageFindings(open.page, "mean", fields);
      expect(page, JSON.stringify(fields)).toEqual(await cliMean(fields));
      page.forEach((finding) => seen.add(`${finding.check} ${finding.status}`));
    }
    // The sample reaches every check and both verdicts of each (else it tests less than it claims).
    for (const check of ["grim", "grimmer", "sd-bounds", "debit"]) for (const status of ["consistent", "inconsistent"]) expect(seen, `${check} ${status}`).toContain(`${check} ${status}`);
  });

  it(`percentage: which counts fit on ${SAMPLE} inputs`, async () => {
    const rng = createRng(16_502);
    const statuses = new Set<string>();
    for (let index = 0; index < SAMPLE; index++) {
      const fields = percentCase(rng);
      const page = await pageFindings(open.page, "percent", fields);
      const args = ["percent", "--percent", fields.percent!, "--n", fields.n!, ...(fields.count !== undefined ? ["--count", fields.count] : []), ...roundingArgs(fields)];
      expect(page, JSON.stringify(fields)).toEqual([await cliFinding("percent", args)]);
      statuses.add(page[0]!.status);
    }
    expect([...statuses].sort()).toEqual(expect.arrayContaining(["consistent", "inconsistent"]));
  });

  it(`test statistic: p recomputed, decision errors, on ${SAMPLE} inputs typed as printed or in parts`, async () => {
    const rng = createRng(16_503);
    const verdicts = new Set<string>();
    for (let index = 0; index < SAMPLE; index++) {
      const { fields, text } = statisticCase(rng);
      await runThroughLink(open.page, "statistic", hashOf("statistic", fields));
      const page = await readStatistics(open.page, "statistic");
      expect(page, JSON.stringify(fields)).toEqual(await cliScan(text, fields));
      expect(page.length, text).toBe(1);
      verdicts.add(page[0]!.verdict);
      const decision = await open.page.$$eval("#results-statistic dt", (terms) => terms.filter((t) => t.textContent === "Decision error").map((t) => t.nextElementSibling!.textContent!.startsWith("yes")));
      const cli = JSON.parse((await cohortInProcess(["scan", join(folder, "source.txt"), ...roundingArgs(fields), "--json"])).stdout).files[0].statistics[0].checks[0]?.details.decisionError;
      if (cli !== undefined) expect(decision, text).toEqual([cli]);
    }
    expect([...verdicts].sort()).toEqual(expect.arrayContaining(["consistent", "inconsistent"]));
  });

  it(`CLOSURE: count, shares, horns range and the first samples on ${SAMPLE} cases`, async () => {
    const rng = createRng(16_504);
    let withSamples = 0;
    for (let index = 0; index < SAMPLE; index++) {
      const fields = closureCase(rng);
      await runThroughLink(open.page, "closure", hashOf("closure", fields));
      expect(await open.page.getAttribute("#results-closure", "data-runner")).toBe("worker");
      const args = ["closure", "--mean", fields.mean!, "--sd", fields.sd!, "--n", fields.n!, "--min", fields.min!, "--max", fields.max!];
      const counted = await cohortInProcess([...args, "--count", "--frequencies"]);
      const listed = await cohortInProcess([...args, "--limit", "5", "--json"]);
      const shown = await open.page.$$eval("#results-closure > p", (nodes) => nodes.map((node) => node.textContent!));
      const samples = await open.page.$$eval("#results-closure ol.samples li", (nodes) => nodes.map((node) => node.textContent!));
      if (counted.status !== 0) {
        // The CLI's error (n = 1): the page shows the same message.
        expect(shown, JSON.stringify(fields)).toContain(counted.stderr.replace(/^cohort: /, "").trim());
        continue;
      }
      // The CLI's text lines, word for word: the count sentence, the horns range, each value's share.
      expect(shown.filter((line) => line !== msg.samplesNote()), JSON.stringify(fields)).toEqual(counted.stdout.trim().split("\n"));
      const json = JSON.parse(listed.stdout);
      expect(samples.length).toBe(json.visited);
      expect(samples.slice(0, 3)).toEqual(json.examples);
      if (samples.length > 0) withSamples += 1;
    }
    expect(withSamples).toBeGreaterThan(5);
  });

  it(`passage: every statistic cohort scan finds, with its checks, in ${PASSAGES} passages`, async () => {
    const rng = createRng(16_505);
    let statistics = 0;
    for (let index = 0; index < PASSAGES; index++) {
      const text = Array.from({ length: rng.int(3, 6) }, () => pick(rng, SENTENCES)(rng)).join(rng.next() < 0.5 ? " " : "\n");
      const fields = { text, ...rounding(rng) };
      await runThroughLink(open.page, "passage", hashOf("passage", fields));
      const page = await readStatistics(open.page, "passage");
      expect(page, text).toEqual(await cliScan(text, fields));
      statistics += page.length;
    }
    expect(statistics).toBeGreaterThan(PASSAGES * 3);
  });

  it("the CLI run in this process prints what a spawned `node bin/cohort.js` prints", async () => {
    const file = join(folder, "spawned.txt");
    writeFileSync(file, "t(28) = 2.20, p = .03; 11/22 (50%).");
    for (const args of [["grim", "--mean", "5.19", "--n", "28", "--json"], ["grimmer", "--mean", "3.44", "--sd", "2.47", "--n", "1", "--json"], ["closure", "--mean", "2.9", "--sd", "0.5", "--n", "25", "--min", "1", "--max", "5", "--limit", "5", "--json"], ["scan", file, "--json"]]) {
      const spawned = spawnSync(process.execPath, [join(root, "bin/cohort.js"), ...args], { cwd: root, encoding: "utf8" });
      const inProcess = await cohortInProcess(args);
      expect({ status: inProcess.status, stdout: inProcess.stdout }, args.join(" ")).toEqual({ status: spawned.status, stdout: spawned.stdout });
    }
  });
});
