import { countRangeForPercent } from "../checks/percent.js";
import { parseDecimal, type RoundingMode } from "../stats/rounding.js";
import { digitSlips } from "./digit-slips.js";
import type { Figure, LocalisationProblem, Reading, ReadingOutcome } from "./reading.js";

export interface CompositionProblemInput {
  n: number;
  categories: { id: string; label?: string; count?: number; percent?: string }[];
  overlapping?: boolean;
  /** Only some of the variable's categories are listed: their counts may sum to less than n, never more. */
  allCategoriesListed?: boolean;
  rounding?: RoundingMode;
  threshold?: number;
  /** Other denominators a percentage may be of, besides n − 1 and n − 2: the analysed n, another arm's n. */
  otherDenominators?: { n: number; what: string }[];
  subject?: string[];
}

export type CompositionReading = { kind: "denominator"; n: number } | { kind: "truncated" } | { kind: "printed"; value: string } | { kind: "count"; value: number } | { kind: "n"; n: number };

/** The count range of one category under its readings, as [lowest, highest] (empty when lowest > highest). */
interface Range {
  lowest: number;
  highest: number;
}

/**
 * A composition (counts and/or percentages of one group over categories) as a localisation problem.
 * Figures: each category's count and percentage, and n. Readings: a percentage of another
 * denominator (n − 1, n − 2, the analysed n, another arm's n), truncated instead of rounded, or
 * misprinted by one digit; a count misprinted by one digit; n itself short by one or two. The test is
 * the composition check's own question, exactly: does every category have a whole count fitting its
 * numbers, and (exclusive categories) do such counts add up to n? (Consecutive ranges sum to
 * consecutive totals, so Σlowest ≤ n ≤ Σhighest decides it.)
 *
 * @example
 * localise(compositionProblem({ n: 20, categories: [{ id: "a", count: 11, percent: "55" }, { id: "b", count: 9, percent: "54" }] })).explanations[0].sentence;
 * // => "if b: 54% is a misprint of 45%" (hand: 9/20 = 45%)
 */
export function compositionProblem(input: CompositionProblemInput): LocalisationProblem<CompositionReading> {
  const rounding = input.rounding ?? "up_or_down";
  const threshold = input.threshold ?? 5;
  const n = input.n;
  const name = (c: CompositionProblemInput["categories"][number]) => c.label ?? c.id;
  const figures: Figure[] = [];
  const readings: Reading<CompositionReading>[] = [];
  for (const c of input.categories) {
    if (c.count !== undefined) {
      const figure = `${c.id}.count`;
      figures.push({ id: figure, label: `${name(c)}: count ${c.count}`, printed: String(c.count) });
      for (const d of digitSlips(String(c.count))) readings.push({ figure, slip: d.slip, label: `is a misprint of ${d.value}`, params: { kind: "count", value: Number(d.value) } });
    }
    if (c.percent !== undefined) {
      const figure = `${c.id}.percent`;
      figures.push({ id: figure, label: `${name(c)}: ${c.percent}%`, printed: `${c.percent}%` });
      const denominators = [
        { n: n - 1, what: "n − 1" },
        { n: n - 2, what: "n − 2" },
        ...(input.otherDenominators ?? []),
      ].filter((d, i, all) => d.n >= 1 && d.n !== n && all.findIndex((x) => x.n === d.n) === i);
      for (const d of denominators) readings.push({ figure, slip: "other-denominator", label: `is a percentage of ${d.n} (${d.what}), not of ${n}`, params: { kind: "denominator", n: d.n } });
      readings.push({ figure, slip: "truncated", label: "was truncated instead of rounded", params: { kind: "truncated" } });
      for (const d of digitSlips(c.percent)) if (Number(d.value) <= 100) readings.push({ figure, slip: d.slip, label: `is a misprint of ${d.value}%`, params: { kind: "printed", value: d.value } });
    }
  }
  figures.push({ id: "n", label: `the group size n = ${n}`, printed: String(n) });
  for (const drop of [1, 2]) if (n - drop >= 1) readings.push({ figure: "n", slip: "missing-patients", label: `is ${n - drop} in these counts (${drop} patient${drop === 1 ? "" : "s"} missing)`, params: { kind: "n", n: n - drop } });

  const evaluate = (set: readonly Reading<CompositionReading>[]) => {
    const of = (figure: string) => set.find((r) => r.figure === figure)?.params;
    const nr = of("n");
    const total = nr?.kind === "n" ? nr.n : n;
    const ranges: Range[] = input.categories.map((c) => {
      let range: Range = { lowest: 0, highest: total };
      const cr = of(`${c.id}.count`);
      const count = cr?.kind === "count" ? cr.value : c.count;
      if (count !== undefined) range = { lowest: count, highest: count };
      if (c.percent !== undefined) {
        const pr = of(`${c.id}.percent`);
        const denominator = pr?.kind === "denominator" ? pr.n : total;
        const percent = pr?.kind === "printed" ? pr.value : c.percent;
        const r = countRangeForPercent(percent, denominator, pr?.kind === "truncated" ? "trunc" : rounding, threshold);
        if (r.lowest === null || r.highest === null) return { lowest: 1, highest: 0 };
        range = { lowest: Math.max(range.lowest, r.lowest), highest: Math.min(range.highest, r.highest) };
      }
      return range;
    });
    const empty = ranges.some((r) => r.lowest > r.highest);
    const low = ranges.reduce((s, r) => s + r.lowest, 0);
    const high = ranges.reduce((s, r) => s + r.highest, 0);
    const fits = !empty && (input.overlapping || (low <= total && (input.allCategoriesListed === false || total <= high)));
    return { total, ranges, fits };
  };

  return {
    check: "composition",
    subject: input.subject ?? [],
    figures,
    readings,
    cost: () => input.categories.length,
    test(set): ReadingOutcome {
      const { total, ranges, fits } = evaluate(set);
      if (!fits) return { status: "inconsistent", implies: [], corrected: {} };
      const counts = exampleCounts(ranges, total, (input.overlapping ?? false) || input.allCategoriesListed === false);
      const corrected: Record<string, string> = {};
      for (const r of set) {
        const p = r.params;
        if (p.kind === "n") corrected[r.figure] = `n = ${p.n}`;
        else if (p.kind === "count" || p.kind === "printed") corrected[r.figure] = p.kind === "count" ? String(p.value) : `${p.value}%`;
        else {
          const i = input.categories.findIndex((c) => `${c.id}.percent` === r.figure);
          const printed = input.categories[i]!.percent!;
          corrected[r.figure] = `${((100 * counts[i]!) / total).toFixed(parseDecimal(printed).digits)}%`;
        }
      }
      return {
        status: "consistent",
        implies: [`counts ${input.categories.map((c, i) => `${name(c)} ${counts[i]}`).join(", ")}${input.overlapping ? "" : ` (sum ${total})`}`],
        corrected,
        details: { counts: Object.fromEntries(input.categories.map((c, i) => [c.id, counts[i]])), n: total },
      };
    },
  };
}

/** One count per category from its range, summing to n for exclusive categories (start low, fill in order). */
function exampleCounts(ranges: Range[], n: number, overlapping: boolean): number[] {
  if (overlapping) return ranges.map((r) => r.lowest);
  let rest = n - ranges.reduce((s, r) => s + r.lowest, 0);
  return ranges.map((r) => {
    const take = Math.min(rest, r.highest - r.lowest);
    rest -= take;
    return r.lowest + take;
  });
}
