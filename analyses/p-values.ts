import { pValueRangeChart } from "../src/charts/p-value-range-chart.js";
import { isCohortError } from "../src/errors.js";
import { inferenceOverReconstructions, type AnalysisOverReconstructions } from "../src/inference/over-reconstructions.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { describeSpreads, describeTest, describeTests, valuesWithSpread, valuesWithTest } from "../src/report/describe-inventory.js";
import { formatNumber, formatPercent } from "../src/report/format-number.js";
import { shortGroupLabel, timepointLabel, withoutDetail } from "../src/report/study-lookup.js";
import type { ReportedValue } from "../src/schema/reported-value.js";

const id = "p-values";
const title = "p-values over rebuilt datasets";

const TEST_NAMES = { "paired-t": "paired t", "wilcoxon-signed-rank": "Wilcoxon signed-rank", "welch-t": "Welch t", "mann-whitney": "Mann–Whitney" } as const;

/** A p-value for a table: 3 decimals, or scientific notation below 0.001 (fixed digits, no locale). */
const formatP = (p: number) => (p < 0.001 ? p.toExponential(1) : formatNumber(p, 3));

/** The tests the authors could have run, on many datasets rebuilt from the report: range and distribution of p-values and effect sizes, beside what the source itself reports. */
export default defineAnalysis({
  id,
  title,
  section: "checked",
  run({ study, instruments, seed }) {
    let result: ReturnType<typeof inferenceOverReconstructions>;
    try {
      result = inferenceOverReconstructions(study, instruments, { seed });
    } catch (error) {
      if (!isCohortError(error)) throw error;
      return skip(id, title, `no dataset can be rebuilt from what the study reports (${error.problems.map((p) => p.message).join("; ")})`);
    }
    if (result.analyses.length === 0) return skip(id, title, "no test can be run on the rebuilt datasets (no measure is rebuilt at two timepoints)");
    type Run = AnalysisOverReconstructions;
    const abbreviation = (instrument: string) => instruments.get(instrument)?.abbreviation ?? instrument;
    const label = (a: Run) =>
      `${a.groups.map((g) => shortGroupLabel(study, g)).join(" vs ")}|${abbreviation(a.instrument)} ${a.on === "change" ? `${withoutDetail(timepointLabel(study, a.from)).toLowerCase()} → ${withoutDetail(timepointLabel(study, a.to)).toLowerCase()}` : `at ${withoutDetail(timepointLabel(study, a.to)).toLowerCase()}`}|${TEST_NAMES[a.test]}`;
    const name = (a: Run) => label(a).replace("|", ": ").replace("|", ", ");
    const depends = result.analyses.filter((a) => a.verdictDependsOnSpread);
    const tested = [...new Set(result.analyses.map((a) => a.instrument))];
    const on = (instrument: string): ReportedValue[] => study.reported.filter((v) => "instrument" in v && v.instrument === instrument);
    const withSpread = tested.filter((i) => valuesWithSpread(on(i)).length > 0);
    const withoutSpread = tested.filter((i) => !withSpread.includes(i));
    // What the source reports on the measures tested here: measures with nothing reported share one
    // sentence; each other measure gets its own, absences first so every clause names its measure.
    const bare = tested.filter((i) => valuesWithSpread(on(i)).length === 0 && valuesWithTest(on(i)).length === 0);
    const reportedOn = [
      ...(bare.length > 0 ? [`For ${bare.map(abbreviation).join(", ")} the source reports no SD, SE, confidence interval or other spread and no test statistic or p-value.`] : []),
      ...tested
        .filter((i) => !bare.includes(i))
        .map((instrument) => {
          const spreads = describeSpreads(on(instrument), study, instruments);
          const tests = describeTests(on(instrument), study, instruments);
          const absent = spreads ? (tests ? "" : "no test statistic or p-value, and ") : "no SD, SE, confidence interval or other spread, and ";
          return `For ${abbreviation(instrument)} the source reports ${absent}${[spreads ? `spread: ${spreads}` : undefined, tests ? `tests: ${tests}` : undefined].filter(Boolean).join("; ")}.`;
        }),
    ];
    const spreadClause = (instruments: string[]) => instruments.map(abbreviation).join(", ");
    // What the rebuilt datasets are drawn to fit, from the kinds the study reports on the tested measures.
    const onTested = study.reported.filter((v) => "instrument" in v && tested.includes(v.instrument ?? ""));
    const fitted = [
      onTested.some((v) => v.kind === "mean") ? "the reported group means" : undefined,
      onTested.some((v) => v.kind === "band-shift") ? "the reported band shifts" : undefined,
      onTested.some((v) => v.kind === "percent-change") ? "the reported percent changes" : undefined,
      study.reported.some((v) => v.kind === "composition") ? "the reported compositions" : undefined,
    ].filter((part): part is string => part !== undefined);
    const followed = fitted.length > 1 ? `${fitted.slice(0, -1).join(", ")} and ${fitted[fitted.length - 1]}` : (fitted[0] ?? "what is reported");
    const note = (a: Run) =>
      [
        a.byReading["as-claimed"] && a.byReading["not-assumed"] ? `p ≤ ${formatP(a.byReading["as-claimed"].max)} if every patient improved, as claimed; up to ${formatP(a.byReading["not-assumed"].max)} if not` : undefined,
        ...a.caveats.map((c) => `caution: ${c}`),
      ]
        .filter(Boolean)
        .join("; ");
    // The exercise asks about a test the source itself reports when there is one, else one whose verdict depends on the spread.
    const example = result.analyses.find((a) => reportedTestsOf(a).length > 0) ?? depends[0] ?? result.analyses[0]!;
    // The rebuilt datasets compare the first two arms only; with more arms, say which pairs are left out.
    const comparedPairs = [...new Set(result.analyses.filter((a) => a.comparison === "between-groups").map((a) => a.groups.map((g) => shortGroupLabel(study, g)).join(" vs ")))];
    const allPairs = study.design.arms.length * (study.design.arms.length - 1) / 2;
    const pairsSentence = study.design.arms.length > 2 ? ` Between arms they compare ${comparedPairs.length > 0 ? comparedPairs.join("; ") : "no pair"}; the other ${allPairs - comparedPairs.length} of the ${allPairs} pairs of arms are not tested here.` : "";
    return {
      id,
      title,
      section: "checked",
      reconstruction: true,
      paragraphs: [
        ...reportedOn,
        `Here the tests its authors could have run were run on ${result.reconstructionsRun} patient-level datasets rebuilt from what is reported (seed ${result.seed}; ${result.scenarios.length} scenarios: spreads of the scores from tightest to widest, the two bracketing cases${result.scenarios.some((s) => s.improvement === "not-assumed") ? ", with and without the claim that every patient improved" : ""}${result.scenarios.some((s) => s.convention) ? ", under each band convention" : ""}). The datasets follow ${followed}.${withSpread.length > 0 ? " None follows a reported spread." : ""}${pairsSentence}`,
        depends.length > 0
          ? `For ${depends.length} of ${result.analyses.length} tests the verdict depends on how widely the scores spread: some rebuilt datasets give p < ${result.alpha}, others do not.${bare.length > 0 ? ` For ${spreadClause(bare)} the source reports no spread and no test, so "significant" (or "not significant") cannot be confirmed from the report.` : ""}${withoutSpread.filter((i) => !bare.includes(i)).length > 0 ? ` For ${spreadClause(withoutSpread.filter((i) => !bare.includes(i)))} the source reports no spread; only its own tests, listed above, speak to significance.` : ""}${withSpread.length > 0 ? ` For ${spreadClause(withSpread)} the source reports a spread these datasets do not follow: their p-values show what the rest of the report leaves open, not what the study found.` : ""}`
          : `No test's verdict changes across the rebuilt datasets at α = ${result.alpha}.`,
      ],
      summary:
        depends.length > 0
          ? `Over ${result.reconstructionsRun} datasets rebuilt from the report, ${depends.length} of ${result.analyses.length} tests are significant in some and not in others: the verdict depends on how widely the ${spreadClause(tested)} scores spread, ${withSpread.length === 0 ? "which the source does not report" : "which these datasets do not take from the report"}.`
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
          { key: "note", label: "note" },
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
          verdict: a.verdictDependsOnSpread ? "depends on the spread of the scores" : a.p.max < result.alpha ? `p < ${result.alpha} in every dataset` : `p ≥ ${result.alpha} in every dataset`,
          note: note(a),
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
          question: `Can the reported numbers of "${study.title}" tell us whether \"${name(example)}\" is statistically significant?`,
          answer: exerciseAnswer(example),
          method: `inferenceOverReconstructions(study, instruments, { seed: ${seed} }) from src/inference (reconstructStudy + paired t / Wilcoxon / Welch t / Mann–Whitney); the reported values listed from the study file`,
        },
      ],
    };

    /** The answer about one rebuilt test: what the source itself reports on it, and what the rebuilt datasets leave open. */
    /** The tests the source reports on the same measure, groups and times as a rebuilt test. */
    function reportedTestsOf(a: Run): ReportedValue[] {
      // In a one-arm study the arm and the whole sample are the same people.
      const same = (g: string) => (study.design.arms.length === 1 && g === study.design.arms[0]!.id ? "all" : g);
      const sameGroups = (groups: readonly string[] | undefined) => groups !== undefined && groups.length === a.groups.length && a.groups.every((g) => groups.map(same).includes(same(g)));
      const times = a.on === "last" ? [a.to] : [a.from, a.to];
      const sameTimes = (timepoints: readonly string[] | undefined) => timepoints === undefined || (timepoints.length === times.length && timepoints.every((t, i) => t === times[i]));
      return valuesWithTest(on(a.instrument)).filter((v) => v.kind === "test" && v.comparison === a.comparison && sameGroups(v.groups) && sameTimes(v.timepoints));
    }

    function exerciseAnswer(a: Run): string {
      const abbr = abbreviation(a.instrument);
      const reportedTests = reportedTestsOf(a);
      const reported = reportedTests.length > 0 ? `The source reports a test of it: ${reportedTests.map((v) => describeTest(v, study, instruments)).join("; ")}. ` : "";
      const spreads = describeSpreads(on(a.instrument), study, instruments);
      const range = `p from ${formatP(a.p.min)} to ${formatP(a.p.max)}`;
      if (!a.verdictDependsOnSpread) return `${reported}Every rebuilt dataset gives the same verdict at α = ${result.alpha}: ${range}.`;
      const open = spreads
        ? `the verdict depends on how widely the scores spread, and for ${abbr} the source reports ${spreads}, which these datasets do not follow`
        : `the answer depends on how widely the ${abbr} scores spread, which the source does not report`;
      return `${reported || spreads ? "" : "No. "}${reported}Over datasets consistent with ${followed}, it gives ${range}: ${open}.`;
    }
  },
});
