import { powerCurveChart } from "../src/charts/power-curve-chart.js";
import { MAX_NONCENTRALITY } from "../src/inference/distributions.js";
import { mde } from "../src/inference/mde.js";
import { power } from "../src/inference/power.js";
import { tDesignShape } from "../src/inference/t-design.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { describeSpreads, describeTests } from "../src/report/describe-inventory.js";
import { formatNumber, formatPercent } from "../src/report/format-number.js";
import { shortGroupLabel, timepointLabel, withoutDetail } from "../src/report/study-lookup.js";

const id = "power";
const title = "What effect could this sample detect?";

/** One comparison the design allows: two arms (two-sample t) or one group at two timepoints (paired t). */
interface Comparison {
  design: "two-group" | "paired";
  n: number | readonly [number, number];
  text: string;
}

/**
 * Minimal detectable effect and power curve of the t-tests the design allows: between every pair of
 * arms (two-sample), or, with one arm measured at two or more timepoints, paired between timepoints.
 */
export default defineAnalysis({
  id,
  title,
  section: "limits",
  run({ study, instruments }) {
    const arms = study.design.arms;
    const timepoints = [...study.design.timepoints].sort((a, b) => a.order - b.order);
    if (arms.length === 1 && timepoints.length < 2) return skip(id, title, "the study has one group measured at one timepoint: no comparison between groups or timepoints to compute power for");
    const comparisons: Comparison[] =
      arms.length > 1
        ? arms.flatMap((a, i) =>
            arms.slice(i + 1).map((b) => ({
              design: "two-group" as const,
              n: [a.size.value, b.size.value] as const,
              text: `${shortGroupLabel(study, a.id)} vs ${shortGroupLabel(study, b.id)} (${a.size.value} vs ${b.size.value})`,
            })),
          )
        : [{ design: "paired", n: study.design.sampleSize.value, text: `${shortGroupLabel(study, arms[0]!.id)}: ${withoutDetail(timepointLabel(study, timepoints[0]!.id))} vs ${withoutDetail(timepointLabel(study, timepoints[timepoints.length - 1]!.id))}, paired, n = ${study.design.sampleSize.value}` }];
    const results = comparisons.map((c) => ({ ...c, result: mde(c.design, c.n, 0.8, 0.05), atHalf: power(c.design, c.n, 0.5, 0.05).power }));
    // The least powerful comparison is the one the chart and the summary describe.
    const weakest = results.reduce((worst, r) => (r.result.mde > worst.result.mde ? r : worst), results[0]!);
    const twoGroups = weakest.design === "two-group";
    // A large sample reaches the noncentrality the series cannot evaluate (power is 1 there) before effect 2.
    const evaluable = Math.floor((MAX_NONCENTRALITY / tDesignShape(weakest.design, weakest.n).ncpPerEffect) * 100) / 100;
    const top = Math.min(evaluable, Math.max(2, Math.ceil(weakest.result.mde * 1.6 * 2) / 2));
    // 26 points draw the smooth, monotone curve; each costs a noncentral-t evaluation.
    const points = Array.from({ length: 26 }, (_, i) => (top * i) / 25).map((effect) => ({ effect, power: power(weakest.design, weakest.n, effect, 0.05).power }));
    const effectName = twoGroups ? "Cohen's d" : "dz, the mean change over the SD of the changes";
    const allows =
      arms.length === 2
        ? `The design allows a two-sample t-test between its two groups (${weakest.text}).`
        : arms.length > 2
          ? `The design allows two-sample t-tests between each pair of its ${arms.length} groups; ${results.filter((r) => r.result.mde === weakest.result.mde).length > 1 ? `the least powerful pairs have equal sizes, e.g. ${weakest.text}` : `the least powerful pair is ${weakest.text}`}.`
          : `The design allows a paired t-test between two timepoints of its single group (${weakest.text}).`;
    // Whole percents, but never "0%" or "100%" for a probability that is neither.
    const percentText = (p: number) => (p < 0.005 ? "less than 1%" : p > 0.995 ? "more than 99%" : `${formatPercent(p, 0)}%`);
    const missed = percentText(1 - weakest.atHalf);
    // "only" when even a medium effect (0.5) is out of reach at 80% power.
    const only = weakest.result.mde > 0.5 ? " only" : "";
    const paragraphs = [
      `${allows} At α = 0.05 (two-sided) and 80% power it detects${only} standardised effects of ${formatNumber(weakest.result.mde, 2)} or more (${effectName}); a medium effect of 0.5 would be detected with probability ${percentText(weakest.atHalf)}.`,
      weakest.atHalf < 0.8
        ? `A result reported as "not statistically significant" says little here: a true effect of 0.5 would be missed with probability ${missed}.`
        : `A true effect of 0.5 would be missed with probability ${missed}.`,
    ];
    if (!twoGroups) {
      // Whether a change's size can be set against its spread depends on what the source reports about the change.
      const changes = study.reported.filter((v) => v.kind === "mean-change" || (v.kind === "test" && v.comparison === "within-group"));
      const spreads = describeSpreads(changes, study, instruments);
      const tests = describeTests(changes, study, instruments);
      paragraphs.push(
        spreads || tests
          ? `What the source reports about the change itself: ${[spreads, tests].filter(Boolean).join("; ")}.`
          : "The source reports no SD, SE or confidence interval of a change and no test within the group, so how large a change is against its own spread cannot be computed from the report.",
      );
    }
    return {
      id,
      title,
      section: "limits",
      paragraphs,
      summary: `${weakest.text}:${only} standardised effects of ${formatNumber(weakest.result.mde, 2)} or more are detectable with 80% power (α = 0.05).`,
      table: {
        columns: [
          { key: "design", label: "comparison" },
          { key: "alpha", label: "α (two-sided)", align: "right" },
          { key: "power", label: "power", align: "right" },
          { key: "df", label: "df", align: "right" },
          { key: "mde", label: "minimal detectable effect", align: "right" },
          { key: "powerAtHalf", label: "power at effect 0.5", align: "right" },
        ],
        rows: results.map((r) => ({ design: r.text, alpha: "0.05", power: "0.80", df: formatNumber(r.result.df, 0), mde: formatNumber(r.result.mde, 3), powerAtHalf: formatNumber(r.atHalf, 3) })),
      },
      figure: {
        spec: powerCurveChart(points, weakest.result.mde, `Power of the ${twoGroups ? "two-sample" : "paired"} t-test`, `${weakest.text}; α = 0.05 two-sided`),
        narrowSpec: powerCurveChart(points, weakest.result.mde, `Power of the ${twoGroups ? "two-sample" : "paired"} t-test`, `${weakest.text}; α = 0.05 two-sided`, "narrow"),
        alt: `Power against effect size for ${weakest.text}; 80% power is reached at an effect of ${formatNumber(weakest.result.mde, 2)}.`,
        table: {
          columns: [
            { key: "effect", label: `standardised effect (${twoGroups ? "d" : "dz"})`, align: "right" },
            { key: "power", label: "power", align: "right" },
          ],
          rows: points.map((p) => ({ effect: formatNumber(p.effect, 2), power: formatNumber(p.power, 3) })),
        },
      },
      exercises: [
        {
          question: `What effect could a ${twoGroups ? "two-sample" : "paired"} t-test detect in ${weakest.text} (80% power, α = 0.05)?`,
          answer: `A standardised effect of ${formatNumber(weakest.result.mde, 2)} (${twoGroups ? "Cohen's d" : "dz"}) or larger; power against a medium effect (0.5) is ${percentText(weakest.atHalf)}.`,
          method: `mde("${weakest.design}", ${JSON.stringify(weakest.n)}) and power("${weakest.design}", ${JSON.stringify(weakest.n)}, 0.5) from src/inference (noncentral t)`,
          // The page runs mde again and accepts its value to two decimals, give or take 0.01 (read off the chart or computed).
          input: { kind: "number" as const, label: `Smallest standardised effect (${twoGroups ? "d" : "dz"}) detected with 80% power`, unit: "two decimals", call: { fn: "mde" as const, design: weakest.design, n: weakest.n } },
          hint: "Power rises with the true effect; find the effect at which the curve in the chart above crosses the 80% line (two decimals).",
        },
      ],
    };
  },
});
