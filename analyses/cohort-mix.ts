import { cohortMixChart } from "../src/charts/cohort-mix-chart.js";
import { percentConsistent } from "../src/checks/percent.js";
import { clopperPearson } from "../src/inference/clopper-pearson.js";
import { wilson } from "../src/inference/wilson.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { formatPercent, formatPercentInterval } from "../src/report/format-number.js";
import { compositions } from "../src/report/study-lookup.js";

const id = "cohort-mix";
const title = "Table 1: cohort mix";

/** Table 1: every reported category with its count, the reported and recomputed %, and Wilson and exact 95% CIs. */
export default defineAnalysis({
  id,
  title,
  section: "reported",
  run({ study }) {
    const counted = compositions(study).flatMap((c) => c.categories.filter((k) => k.count !== undefined).map((k) => ({ c, k, count: k.count! })));
    if (counted.length === 0) return skip(id, title, "the study reports no category counts (compositions with counts)");
    const rows = counted.map(({ c, k, count }) => ({
      c,
      k,
      count,
      wilson: wilson(count, c.n.value),
      exact: clopperPearson(count, c.n.value),
      matches: k.percent === undefined ? undefined : percentConsistent(k.percent, c.n.value, count),
    }));
    const mismatched = rows.filter((r) => r.matches === false);
    const checked = rows.filter((r) => r.matches !== undefined).length;
    const first = rows[0]!;
    return {
      id,
      title,
      section: "reported",
      paragraphs: [
        "Each category as the source reports it (count and percentage of n), the percentage recomputed from the count, whether the reported percentage can come from that count at its reported precision (rounding up or down), and two 95% confidence intervals for the share in the population the sample stands for: Wilson (score) and Clopper–Pearson (exact).",
        `The intervals are wide: with n = ${first.c.n.value}, ${first.k.label} at ${first.count}/${first.c.n.value} could be anywhere from ${formatPercentInterval(first.wilson.interval)}% (Wilson). A convenience sample's intervals describe sampling error only, not who was selected.`,
      ],
      summary: `Table 1 recomputes: ${mismatched.length === 0 ? `all ${checked} reported percentages match their counts` : `${mismatched.length} of ${checked} reported percentages do not match their counts (${mismatched.map((r) => r.k.label).join(", ")})`}; with n = ${first.c.n.value} a share such as ${first.k.label} ${first.count}/${first.c.n.value} has a 95% interval of ${formatPercentInterval(first.wilson.interval)}% (Wilson).`,
      table: {
        columns: [
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
        rows: rows.map(({ c, k, count, wilson: w, exact, matches }) => ({
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
        spec: cohortMixChart(
          rows.map(({ c, k, count, wilson: w, exact }) => ({ variable: c.variable, category: k.label, count, n: c.n.value, wilson: w.interval, exact: exact.interval })),
          `${title}: shares of n with 95% intervals`,
        ),
        alt: `Dot-and-interval chart of ${rows.length} reported categories with Wilson and Clopper–Pearson 95% intervals.`,
      },
      exercises: [
        {
          question: `What is the 95% confidence interval of ${first.count}/${first.c.n.value} (${first.k.label})?`,
          answer: `Wilson ${formatPercentInterval(first.wilson.interval)}%; Clopper–Pearson (exact) ${formatPercentInterval(first.exact.interval)}%. The point estimate is ${formatPercent(first.count / first.c.n.value, 1)}%.`,
          method: `wilson(${first.count}, ${first.c.n.value}) and clopperPearson(${first.count}, ${first.c.n.value}) from src/inference`,
        },
      ],
    };
  },
});
