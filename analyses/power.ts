import { powerCurveChart } from "../src/charts/power-curve-chart.js";
import { MAX_NONCENTRALITY } from "../src/inference/distributions.js";
import { mde } from "../src/inference/mde.js";
import { power } from "../src/inference/power.js";
import { tDesignShape } from "../src/inference/t-design.js";
import { defineAnalysis } from "../src/report/analysis.js";
import { formatNumber, formatPercent } from "../src/report/format-number.js";
import { shortGroupLabel } from "../src/report/study-lookup.js";

const id = "power";
const title = "What effect could this sample detect?";

/** Minimal detectable effect and power curve of the test the design allows: two groups (arm sizes) or paired pre/post (one group). */
export default defineAnalysis({
  id,
  title,
  section: "limits",
  run({ study }) {
    const arms = study.design.arms;
    const twoGroups = arms.length === 2;
    const n = twoGroups ? ([arms[0]!.size.value, arms[1]!.size.value] as const) : study.design.sampleSize.value;
    const design = twoGroups ? "two-group" : "paired";
    const designText = twoGroups
      ? `two groups, ${arms[0]!.size.value} vs ${arms[1]!.size.value} (${shortGroupLabel(study, arms[0]!.id)} vs ${shortGroupLabel(study, arms[1]!.id)})`
      : `paired before/after, n = ${study.design.sampleSize.value}`;
    const result = mde(design, n, 0.8, 0.05);
    // A large sample reaches the noncentrality the series cannot evaluate (power is 1 there) before effect 2.
    const evaluable = Math.floor((MAX_NONCENTRALITY / tDesignShape(design, n).ncpPerEffect) * 100) / 100;
    const top = Math.min(evaluable, Math.max(2, Math.ceil(result.mde * 1.6 * 2) / 2));
    // 26 points draw the smooth, monotone curve; each costs a noncentral-t evaluation.
    const points = Array.from({ length: 26 }, (_, i) => (top * i) / 25).map((effect) => ({ effect, power: power(design, n, effect, 0.05).power }));
    const atHalf = power(design, n, 0.5, 0.05).power;
    return {
      id,
      title,
      section: "limits",
      paragraphs: [
        `The design allows a ${twoGroups ? "two-sample t-test between the arms" : "paired t-test of before against after"} (${designText}). At α = 0.05 (two-sided) and 80% power it detects only standardised effects of ${formatNumber(result.mde, 2)} or more (${twoGroups ? "Cohen's d" : "dz, the mean change over the SD of the changes"}); a medium effect of 0.5 would be detected with probability ${formatPercent(atHalf, 0)}%.`,
        twoGroups
          ? "\"Not statistically significant\" from such a sample says little: a real difference of ordinary size would usually be missed."
          : "Without a reported SD of the changes, whether a change of this size is \"significant\" cannot be judged from the report.",
      ],
      summary: `With ${designText}, only standardised effects of ${formatNumber(result.mde, 2)} or more are detectable with 80% power (α = 0.05).`,
      table: {
        columns: [
          { key: "design", label: "design" },
          { key: "alpha", label: "α (two-sided)", align: "right" },
          { key: "power", label: "power", align: "right" },
          { key: "df", label: "df", align: "right" },
          { key: "mde", label: "minimal detectable effect", align: "right" },
          { key: "powerAtHalf", label: "power at effect 0.5", align: "right" },
        ],
        rows: [{ design: designText, alpha: "0.05", power: "0.80", df: formatNumber(result.df, 0), mde: formatNumber(result.mde, 3), powerAtHalf: formatNumber(atHalf, 3) }],
      },
      figure: {
        spec: powerCurveChart(points, result.mde, `Power of the ${twoGroups ? "two-sample" : "paired"} t-test`, `${designText}; α = 0.05 two-sided`),
        alt: `Power against effect size for ${designText}; 80% power is reached at an effect of ${formatNumber(result.mde, 2)}.`,
      },
      exercises: [
        {
          question: twoGroups ? `What effect could ${arms[0]!.size.value} vs ${arms[1]!.size.value} detect (80% power, α = 0.05)?` : `What before/after effect could n = ${study.design.sampleSize.value} detect with a paired t-test (80% power, α = 0.05)?`,
          answer: `A standardised effect of ${formatNumber(result.mde, 2)} (${twoGroups ? "Cohen's d" : "dz"}) or larger; power against a medium effect (0.5) is only ${formatPercent(atHalf, 0)}%.`,
          method: `mde("${design}", ${JSON.stringify(n)}) and power("${design}", ${JSON.stringify(n)}, 0.5) from src/inference (noncentral t)`,
        },
      ],
    };
  },
});
