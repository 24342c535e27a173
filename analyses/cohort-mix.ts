import { cohortMixChart } from "../src/charts/cohort-mix-chart.js";
import { percentConsistent } from "../src/checks/percent.js";
import { clopperPearson } from "../src/inference/clopper-pearson.js";
import { wilson } from "../src/inference/wilson.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import type { Artefact } from "../src/report/artefact.js";
import { describeCell } from "../src/report/describe-reported.js";
import { formatNumber, formatPercent, formatPercentInterval } from "../src/report/format-number.js";
import { groupColumns, NOT_REPORTED_MARK, rowsByGroup } from "../src/report/group-columns.js";
import { compositions, groupLabel, measureLabel, reportedOfKind } from "../src/report/study-lookup.js";
import type { Study } from "../src/schema/study.js";

const id = "cohort-mix";
const title = "Table 1: who was studied";
const sharesId = "cohort-mix-shares";
const sharesTitle = "Table 1 shares recomputed, with 95% intervals";

/** What the study file records about how the sample was drawn, and what that means for an interval. */
function samplingSentence(study: Study): string {
  const sampling = study.design.sampling;
  if (sampling.value === "not-reported") return "How the sample was selected is not reported; the intervals describe sampling error only, not who was selected.";
  if (sampling.value === "random") return `The study file records random sampling (${sampling.basis}), so the intervals describe the sampling error of that sample.`;
  return `The study file records ${sampling.value} sampling (${sampling.basis}); the intervals describe sampling error only, not who was selected.`;
}

/**
 * Table 1 as a paper prints it: every characteristic the source reports (compositions, and means or
 * medians not tied to a timepoint such as age), one column per arm plus the whole sample where
 * reported; then each reported share recomputed from its count with Wilson and exact 95% intervals.
 */
export default defineAnalysis({
  id,
  title,
  section: "reported",
  run({ study, instruments }) {
    const characteristics = study.reported.filter((v) => v.kind === "composition" || ((v.kind === "mean" || v.kind === "median") && v.timepoint === undefined));
    if (characteristics.length === 0) return skip(id, title, "the study reports no characteristics of its sample (compositions, or means or medians not tied to a timepoint)");
    const columns = groupColumns(study, characteristics.map((v) => ("group" in v ? v.group : "all")));
    const cells = characteristics.flatMap((v) => {
      if (v.kind === "composition") return v.categories.map((k) => ({ row: `c:${v.variable}:${k.label}`, fixed: { characteristic: v.variable, statistic: k.label }, group: v.group, text: describeCell(v, k) }));
      if (v.kind !== "mean" && v.kind !== "median") return [];
      const measure = measureLabel(study, instruments, v) ?? v.id;
      return [{ row: `${v.kind}:${measure}`, fixed: { characteristic: measure, statistic: v.kind }, group: v.group, text: describeCell(v) }];
    });
    const eligibility = reportedOfKind(study, "eligibility").map((e) => `${measureLabel(study, instruments, e) ?? e.id} ${e.bound === "min" ? (e.inclusive ? "≥" : ">") : e.inclusive ? "≤" : "<"} ${e.value}`);
    const table1: Artefact = {
      id,
      title,
      section: "reported",
      paragraphs: [
        columns.length === 1
          ? `Each characteristic as the source reports it, in one column for the study's single group (${columns[0]!.label}). A count is shown as count/denominator with the reported percentage; ${NOT_REPORTED_MARK} marks a value not reported.`
          : `Each characteristic as the source reports it, one column per group (${columns.map((c) => c.label).join("; ")}). A count is shown as count/denominator with the reported percentage; ${NOT_REPORTED_MARK} marks a value not reported for that group.`,
        ...(eligibility.length > 0 ? [`Entry criteria as reported: ${eligibility.join("; ")}.`] : []),
      ],
      table: { columns: [{ key: "characteristic", label: "characteristic" }, { key: "statistic", label: "category or statistic" }, ...columns], rows: rowsByGroup(cells, columns) },
    };
    const shares = sharesArtefact(study);
    return shares ? [table1, shares] : table1;
  },
});

/** Each reported category count as a share of its n, the reported % checked against it, and Wilson and Clopper–Pearson 95% intervals. */
function sharesArtefact(study: Study): Artefact | undefined {
  const counted = compositions(study).flatMap((c) => c.categories.filter((k) => k.count !== undefined).map((k) => ({ c, k, count: k.count! })));
  if (counted.length === 0) return undefined;
  const byGroup = new Set(counted.map(({ c }) => c.group)).size > 1;
  const rows = counted.map(({ c, k, count }) => ({
    c,
    k,
    count,
    group: groupLabel(study, c.group),
    wilson: wilson(count, c.n.value),
    exact: clopperPearson(count, c.n.value),
    matches: k.percent === undefined ? undefined : percentConsistent(k.percent, c.n.value, count),
  }));
  const mismatched = rows.filter((r) => r.matches === false);
  const checked = rows.filter((r) => r.matches !== undefined).length;
  const first = rows[0]!;
  const firstName = `${first.k.label}${byGroup ? ` (${first.group})` : ""}`;
  const width = formatNumber(100 * (first.wilson.interval[1] - first.wilson.interval[0]), 1);
  const fits = checked === 0 ? "no percentage is reported beside a count" : mismatched.length === 0 ? `all ${checked} reported percentages match their counts` : `${mismatched.length} of ${checked} reported percentages do not match their counts (${mismatched.map((r) => `${r.k.label}${byGroup ? ` (${r.group})` : ""}`).join(", ")})`;
  const chartRows = rows.map(({ c, k, count, group, wilson: w, exact }) => ({ variable: c.variable, category: byGroup ? `${k.label} (${group})` : k.label, count, n: c.n.value, wilson: w.interval, exact: exact.interval }));
  return {
    id: sharesId,
    title: sharesTitle,
    section: "reported",
    paragraphs: [
      "Each reported count as a share of its n, the percentage recomputed from the count, whether the reported percentage can come from that count at its reported precision (rounding up or down), and two 95% confidence intervals for the share in the population the sample stands for: Wilson (score) and Clopper–Pearson (exact).",
      `With n = ${first.c.n.value}, ${firstName} at ${first.count}/${first.c.n.value} has a 95% interval of ${formatPercentInterval(first.wilson.interval)}% (Wilson), ${width} percentage points wide. ${samplingSentence(study)}`,
    ],
    summary: `Table 1 recomputes: ${fits}; with n = ${first.c.n.value} a share such as ${firstName} ${first.count}/${first.c.n.value} has a 95% interval of ${formatPercentInterval(first.wilson.interval)}% (Wilson).`,
    table: {
      columns: [
        { key: "group", label: "group" },
        { key: "variable", label: "variable" },
        { key: "category", label: "category" },
        { key: "count", label: "count", align: "right" },
        { key: "n", label: "n", align: "right" },
        { key: "reported", label: "reported %", align: "right" },
        { key: "recomputed", label: "recomputed %", align: "right" },
        { key: "matches", label: "reported % fits count" },
        { key: "wilson", label: "Wilson 95% CI (%)", align: "right" },
        { key: "exact", label: "Clopper–Pearson 95% CI (%)", align: "right" },
        { key: "quote", label: "source quote" },
      ],
      rows: rows.map(({ c, k, count, group, wilson: w, exact, matches }) => ({
        group,
        variable: c.variable,
        category: k.label,
        count: String(count),
        n: String(c.n.value),
        reported: k.percent ?? "not reported",
        recomputed: formatPercent(count / c.n.value, 1),
        matches: matches === undefined ? "no % reported" : matches ? "yes" : "no",
        wilson: formatPercentInterval(w.interval),
        exact: formatPercentInterval(exact.interval),
        quote: k.source.quote,
      })),
    },
    figure: {
      spec: cohortMixChart(chartRows, `${sharesTitle}: shares of n`),
      narrowSpec: cohortMixChart(chartRows, `${sharesTitle}: shares of n`, "narrow"),
      alt: `Dot-and-interval chart of ${rows.length} reported categories with Wilson and Clopper–Pearson 95% intervals.`,
    },
    exercises: [
      {
        question: `What is the 95% confidence interval of ${first.count}/${first.c.n.value} (${firstName})?`,
        answer: `Wilson ${formatPercentInterval(first.wilson.interval)}%; Clopper–Pearson (exact) ${formatPercentInterval(first.exact.interval)}%. The point estimate is ${formatPercent(first.count / first.c.n.value, 1)}%.`,
        method: `wilson(${first.count}, ${first.c.n.value}) and clopperPearson(${first.count}, ${first.c.n.value}) from src/inference`,
        // The page runs wilson and clopperPearson again and accepts either interval, each end to 1 decimal give or take 0.1.
        input: { kind: "interval" as const, label: "Your 95% interval", unit: "% of n, one decimal", call: { fn: "proportionIntervals" as const, count: first.count, n: first.c.n.value } },
        hint: `The share is ${first.count}/${first.c.n.value}. Wilson's interval: (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n) with z = 1.96; the chart above draws it as the upper line.`,
      },
    ],
  };
}
