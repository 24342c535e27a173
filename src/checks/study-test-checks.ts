import type { StatisticKind } from "../inference/statistic-p.js";
import type { CheckResult } from "../schema/check-result.js";
import type { Mean, MeanChange, Median, Proportion, TestResult } from "../schema/reported-statistics.js";
import type { PValue } from "../schema/statistic-parts.js";
import type { Study } from "../schema/study.js";
import { reportedNumber, type RoundingAssumption } from "../stats/reported-number.js";
import { parseReportedP } from "../stats/reported-p.js";
import { statisticP } from "./statistic-p.js";
import { summaryTReadings, type SpreadParsed } from "./summary-t-readings.js";
import { summaryT } from "./summary-t.js";
import { twoByTwo } from "./two-by-two.js";

/*
 * The checks of one reported test against what it is computed from: its p from its statistic and df
 * (printed or derived from the design), the t-test from the means or the mean change it is about, and
 * the 2×2 test of the proportions it is about.
 */

const STATISTICS: readonly string[] = ["t", "F", "chi2", "z", "r"];

/** A p-value of the data model as the checks read it ("<=" printed as ≤). */
export function pText(p: PValue): string {
  return `p ${p.relation === "<=" ? "≤" : p.relation === ">=" ? "≥" : p.relation} ${p.value}`;
}

/** The design a test's method names: Welch's, Student's, or not said. */
export function designOf(test: TestResult): { design?: "student" | "welch" } {
  if (test.method && /welch/i.test(test.method)) return { design: "welch" };
  if (test.method && /student|pooled|equal variance/i.test(test.method)) return { design: "student" };
  return {};
}

/** What the study-level checks need to know: every reported value by id, the n of a value, the size of a group. */
export interface StudyContext {
  byId: Map<string, Study["reported"][number]>;
  nOf: (value: { n?: number | undefined; group: string }) => number;
  groupSize: (group: string) => number;
  assumption: RoundingAssumption;
}

/**
 * Every check of one reported test: statisticP on a printed t, F, χ², z or r with its df (a derived df
 * is used and said to be derived); for a between-group test about two means, the t-test from their
 * summaries (every reading of a ± that is not a labelled SD); for a within-group test about one mean
 * change, the paired t-test from the change and its spread; for a between-group test about two
 * proportions with counts, Fisher's and χ² tests of the 2×2 table.
 */
export function testChecks(test: TestResult, context: StudyContext): CheckResult[] {
  const { assumption } = context;
  const out: CheckResult[] = [];
  const statistic = test.statistic;
  const tails = test.tails === "one" ? 1 : 2;
  if (statistic && test.p && STATISTICS.includes(statistic.name)) {
    const derived = statistic.df === undefined ? statistic.dfDerived : undefined;
    const df = (statistic.df ?? derived?.df ?? []).map(Number);
    const kind = statistic.name as StatisticKind;
    const dfs = kind === "F" ? { df1: df[0], df2: df[1] } : kind === "chi2" ? { df1: df[0] } : kind === "z" ? {} : { df2: df[0] };
    if (Object.values(dfs).every((d) => d !== undefined)) {
      const result = statisticP({ test: kind, statistic: statistic.value, ...(dfs as { df1?: number; df2?: number }), p: pText(test.p), tails, ...assumption });
      out.push({
        ...result,
        subject: [test.id],
        assumptions: {
          ...result.assumptions,
          ...(test.tails === "unstated" && kind !== "F" && kind !== "chi2" ? { tails: "two-tailed (the paper does not say; the one-tailed reading is in the details)" } : {}),
          ...(derived ? { df: `derived from the design, not printed: ${derived.from}` } : {}),
          ...(kind === "F" && test.comparison === "within-group" && dfs.df1! >= 2 ? { sphericity: "uncorrected df (a sphericity correction, df × ε, is tried by the localiser when these do not fit)" } : {}),
        },
      });
    }
  }
  const about = (test.about ?? []).map((id) => context.byId.get(id));
  if (test.comparison === "between-groups" && about.length === 2) {
    const [a, b] = about;
    if (a?.kind === "mean" && b?.kind === "mean" && (test.p || statistic?.name === "t")) {
      const t = meanT(test, a, b, context);
      if (t) out.push(t);
    }
    if (a?.kind === "proportion" && b?.kind === "proportion" && test.p) {
      const table = proportionsTable(a, b, context);
      if (table) {
        const method = test.method ?? "";
        const named = /fisher/i.test(method) ? "fisher" : /yates|continuity/i.test(method) ? "chi2-yates" : undefined;
        const result = twoByTwo({ table: table.table, p: pText(test.p), ...(named ? { test: named } : {}), ...assumption });
        out.push({ ...result, subject: [test.id, a.id, b.id], assumptions: { ...result.assumptions, denominators: table.denominators } });
      }
    }
  }
  if (test.comparison === "within-group" && about.length === 1 && about[0]?.kind === "mean-change" && (test.p || statistic?.name === "t")) {
    const paired = pairedT(test, about[0], context);
    if (paired) out.push(paired);
  }
  return out;
}

/** Student's or Welch's t from two means with their ± (every reading when the ± is not a labelled SD). */
function meanT(test: TestResult, a: Mean, b: Mean, context: StudyContext): CheckResult | undefined {
  const { assumption } = context;
  if (!a.dispersion || !b.dispersion || a.dispersion.kind !== b.dispersion.kind) return undefined;
  const design = designOf(test).design ?? "student";
  const statistic = test.statistic?.name === "t" ? test.statistic : undefined;
  const df = statistic?.df?.[0];
  if (a.dispersion.kind === "sd") {
    const result = summaryT({
      design,
      groups: [
        { mean: a.mean, sd: a.dispersion.value, n: context.nOf(a) },
        { mean: b.mean, sd: b.dispersion.value, n: context.nOf(b) },
      ],
      ...(test.p ? { p: pText(test.p) } : {}),
      ...(statistic ? { t: statistic.value, ...(df !== undefined ? { df } : {}) } : {}),
      ...assumption,
    });
    return { ...result, subject: [test.id, a.id, b.id] };
  }
  const spread = (m: Mean): SpreadParsed => ({ mean: reportedNumber(m.mean, assumption, "mean"), spread: reportedNumber(m.dispersion!.value, assumption, "± value"), n: context.nOf(m), dispersion: m.dispersion!.kind });
  const result = summaryTReadings({
    design,
    groups: [spread(a), spread(b)],
    ...(test.p ? { p: parseReportedP(pText(test.p), assumption) } : {}),
    ...(statistic ? { t: reportedNumber(statistic.value, assumption, "t"), ...(df !== undefined ? { df: reportedNumber(df, assumption, "df") } : {}) } : {}),
  });
  return { ...result, subject: [test.id, a.id, b.id] };
}

/** The paired t-test from a mean change with its ± and n and a within-group test about it. */
function pairedT(test: TestResult, change: MeanChange, context: StudyContext): CheckResult | undefined {
  const { assumption } = context;
  if (!change.dispersion) return undefined;
  const n = context.nOf(change);
  if (n < 2) return undefined;
  const statistic = test.statistic?.name === "t" ? test.statistic : undefined;
  const df = statistic?.df?.[0];
  const result = summaryTReadings({
    design: "paired",
    change: { mean: reportedNumber(change.change, assumption, "mean change"), spread: reportedNumber(change.dispersion.value, assumption, "± value"), n, dispersion: change.dispersion.kind },
    ...(test.p ? { p: parseReportedP(pText(test.p), assumption) } : {}),
    ...(statistic ? { t: reportedNumber(statistic.value, assumption, "t"), ...(df !== undefined ? { df: reportedNumber(df, assumption, "df") } : {}) } : {}),
  });
  return { ...result, subject: [test.id, change.id] };
}

/** The 2×2 table of two proportions with counts (first group first), and the denominators used. */
export function proportionsTable(a: Proportion, b: Proportion, context: StudyContext): { table: [[number, number], [number, number]]; totals: [number, number]; denominators: string } | undefined {
  if (a.count === undefined || b.count === undefined || a.denominatorUnknown || b.denominatorUnknown) return undefined;
  const na = a.denominator ?? context.groupSize(a.group);
  const nb = b.denominator ?? context.groupSize(b.group);
  if (a.count > na || b.count > nb) return undefined;
  const said = (p: Proportion, n: number) => (p.denominator !== undefined ? `${n} (printed)` : `${n} (the size of group ${p.group}; no denominator is printed)`);
  return { table: [[a.count, na - a.count], [b.count, nb - b.count]], totals: [na, nb], denominators: `${said(a, na)} and ${said(b, nb)}` };
}

/** Medians a test is about (for reports: a p of medians cannot be recomputed from them). */
export function mediansOf(test: TestResult, context: StudyContext): Median[] {
  return (test.about ?? []).map((id) => context.byId.get(id)).filter((v): v is Median => v?.kind === "median");
}
