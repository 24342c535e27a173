import { pValueRangeChart } from "../src/charts/p-value-range-chart.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { formatNumber, formatPercent } from "../src/report/format-number.js";
import { inferenceOverReconstructions } from "../src/inference/over-reconstructions.js";
import { shortGroupLabel, timepointLabel, withoutDetail } from "../src/report/study-lookup.js";

const id = "p-values";
const title = "p-values over rebuilt datasets";

const TEST_NAMES = { "paired-t": "paired t", "wilcoxon-signed-rank": "Wilcoxon signed-rank", "welch-t": "Welch t", "mann-whitney": "Mann–Whitney" } as const;

/** A p-value for a table: 3 decimals, or scientific notation below 0.001 (fixed digits, no locale). */
const formatP = (p: number) => (p < 0.001 ? p.toExponential(1) : formatNumber(p, 3));

/** The tests the authors could have run, on many datasets rebuilt from the report: range and distribution of p-values and effect sizes. */
export default defineAnalysis({
  id,
  title,
  section: "checked",
  run({ study, instruments, seed }) {
    const result = inferenceOverReconstructions(study, instruments, { seed });
    if (result.analyses.length === 0) return skip(id, title, "no test can be run on the rebuilt datasets (no outcome with two timepoints)");
    const label = (a: (typeof result.analyses)[number]) =>
      `${a.groups.map((g) => shortGroupLabel(study, g)).join(" vs ")}|${instruments.get(a.instrument)?.abbreviation ?? a.instrument} ${a.on === "change" ? `${withoutDetail(timepointLabel(study, a.from)).toLowerCase()} → ${withoutDetail(timepointLabel(study, a.to)).toLowerCase()}` : `at ${withoutDetail(timepointLabel(study, a.to)).toLowerCase()}`}|${TEST_NAMES[a.test]}`;
    const name = (a: (typeof result.analyses)[number]) => label(a).replace("|", ": ").replace("|", ", ");
    const depends = result.analyses.filter((a) => a.verdictDependsOnSpread);
    return {
      id,
      title,
      section: "checked",
      reconstruction: true,
      paragraphs: [
        `The source reports no test statistic, SD or p-value. Here the tests its authors could have run were run on ${result.reconstructionsRun} patient-level datasets rebuilt from what is reported (seed ${result.seed}; ${result.scenarios.length} scenarios: spreads of the scores from tightest to widest, the two bracketing cases${result.scenarios.some((s) => s.improvement === "not-assumed") ? ', with and without the claim that every patient improved' : ""}${result.scenarios.some((s) => s.convention) ? ", under each band convention" : ""}).`,
        depends.length > 0
          ? `For ${depends.length} of ${result.analyses.length} tests the verdict depends on the spread the source does not report: some rebuilt datasets give p < ${result.alpha}, others do not. "Significant" (or "not significant") cannot be confirmed from the report.`
          : `No test's verdict changes across the rebuilt datasets at α = ${result.alpha}.`,
        ...result.summary,
      ],
      summary:
        depends.length > 0
          ? `Over ${result.reconstructionsRun} datasets rebuilt from the report, ${depends.length} of ${result.analyses.length} tests are significant in some and not in others: the verdict depends on the unreported spread.`
          : `Over ${result.reconstructionsRun} datasets rebuilt from the report, every test gives the same verdict at α = ${result.alpha}.`,
      table: {
        columns: [
          { key: "test", label: "test" },
          { key: "n", label: "datasets", align: "right" },
          { key: "pMin", label: "p min", align: "right" },
          { key: "pMedian", label: "p median", align: "right" },
          { key: "pMax", label: "p max", align: "right" },
          { key: "below", label: `share p < ${result.alpha}`, align: "right" },
          { key: "effect", label: "effect size range" },
          { key: "mde", label: "detectable at 80% power" },
          { key: "verdict", label: "verdict" },
        ],
        rows: result.analyses.map((a) => ({
          test: name(a),
          n: String(a.p.count),
          pMin: formatP(a.p.min),
          pMedian: formatP(a.p.median),
          pMax: formatP(a.p.max),
          below: `${formatPercent(a.p.shareBelow, 0)}%`,
          effect: `${a.effectName} ${formatNumber(a.effect.min, 2)} to ${formatNumber(a.effect.max, 2)}`,
          mde: a.mde ? `${a.mde.design === "paired" ? "dz" : "d"} ≥ ${formatNumber(a.mde.effect, 2)}` : "",
          verdict: a.verdictDependsOnSpread ? "depends on the unreported spread" : a.p.max < result.alpha ? `p < ${result.alpha} in every dataset` : `p ≥ ${result.alpha} in every dataset`,
        })),
      },
      figure: {
        spec: pValueRangeChart(
          result.analyses.map((a) => ({ test: label(a), min: a.p.min, q1: a.p.q1, median: a.p.median, q3: a.p.q3, max: a.p.max, scenarioMedians: a.byScenario.map((s) => s.p.median) })),
          result.alpha,
          "p-values the reported numbers allow",
          `Reconstruction — not patient data. ${result.reconstructionsRun} rebuilt datasets; line: full range, bar: middle half, tick: median, dots: scenario medians`,
        ),
        alt: `Ranges of p-values of ${result.analyses.length} tests over ${result.reconstructionsRun} rebuilt datasets, on a log scale, with the α = ${result.alpha} line.`,
      },
      exercises: [
        {
          question: `Can the reported numbers of "${study.title}" tell us whether the change is statistically significant?`,
          answer:
            depends.length > 0
              ? `No. Over datasets consistent with the report, ${name(depends[0]!)} gives p from ${formatP(depends[0]!.p.min)} to ${formatP(depends[0]!.p.max)}: the answer depends on the spread, which is not reported.`
              : `Every rebuilt dataset gives the same verdict at α = ${result.alpha} for every test, e.g. ${name(result.analyses[0]!)}: p from ${formatP(result.analyses[0]!.p.min)} to ${formatP(result.analyses[0]!.p.max)}.`,
          method: `inferenceOverReconstructions(study, instruments, { seed: ${seed} }) from src/inference (reconstructStudy + paired t / Wilcoxon / Welch t / Mann–Whitney)`,
        },
      ],
    };
  },
});
