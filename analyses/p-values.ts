import { claimReadings } from "../src/appraisal/claim-readings.js";
import type { ChartLayout } from "../src/charts/chart-layout.js";
import { pValueExtremesChart } from "../src/charts/p-value-extremes-chart.js";
import { isCohortError } from "../src/errors.js";
import { exactExtremes, type ExtremesTest, type ReadingExtremes } from "../src/inference/exact-extremes.js";
import type { Extreme } from "../src/inference/extreme.js";
import { pSensitivity, type TestSensitivity } from "../src/inference/p-sensitivity.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import type { Artefact, ExerciseInput } from "../src/report/artefact.js";
import { describeRange, formatP, formatStatistic, readingWords, testLabel, verdictWords, witnessCells } from "../src/report/describe-extremes.js";
import { describeSpreads, describeTest, describeTests, valuesWithSpread, valuesWithTest } from "../src/report/describe-inventory.js";
import { shortGroupLabel, timepointLabel, withoutDetail } from "../src/report/study-lookup.js";
import type { ReportedValue } from "../src/schema/reported-value.js";
import { formatNumber } from "../src/report/format-number.js";
import type { Study } from "../src/schema/study.js";
import type { InstrumentRegistry } from "../src/io/load-instruments.js";
import { instrumentTimepoints } from "../src/reconstruct/study/mean-targets.js";

const id = "p-values";
const title = "p-values the report allows: exact extremes";

/**
 * For each test the authors could have run, the smallest and largest statistic and p over every
 * dataset consistent with the report (exact, or a labelled bound), the dataset behind each, per
 * reading of "improved in all"; then p at the instruments' published SDs and correlations.
 */
export default defineAnalysis({
  id,
  title,
  section: "checked",
  run({ study, instruments }) {
    let result: ReturnType<typeof exactExtremes>;
    try {
      result = exactExtremes(study, instruments);
    } catch (error) {
      if (!isCohortError(error)) throw error;
      return skip(id, title, `no dataset fits what the study reports (${error.problems.map((p) => p.message).join("; ")})`);
    }
    if (result.tests.length === 0) {
      const withTwo = study.instruments.filter((i) => instruments.has(i.ref) && instrumentTimepoints(study, i.ref).length >= 2).map((i) => instruments.get(i.ref)!.abbreviation);
      return skip(
        id,
        title,
        withTwo.length === 0
          ? "the exact extremes need a measure with values at two timepoints — a scored instrument (its range and scoring grid) or group means printed with their spread — and this study has none"
          : `no dataset fits everything the study reports on ${withTwo.join(", ")} at two timepoints, so there is nothing to search`,
      );
    }
    const sensitivity = pSensitivity(result, instruments, study);
    return [
      extremesArtefact(study, instruments, result),
      sensitivity.length > 0
        ? sensitivityArtefact(study, instruments, result, sensitivity)
        : skip("p-value-sensitivity", "p-values at published spreads", "no test above has an allowed mean difference to put at a published spread"),
    ];
  },
});

type Result = ReturnType<typeof exactExtremes>;

function extremesArtefact(study: Study, instruments: InstrumentRegistry, result: Result): Artefact {
  const { alpha } = result;
  const abbreviation = (i: string) => instruments.get(i)?.abbreviation ?? i;
  const name = (t: ExtremesTest) => testLabel(study, instruments, t).replace("|", ": ").replace("|", ", ");
  const rows = result.tests.flatMap((test) => test.readings.map((reading) => ({ test, reading })));
  const ran = rows.filter((r) => r.reading.p !== null);
  const scoreTests = result.tests.filter((t) => t.basis === "scores");
  const summaryTests = result.tests.filter((t) => t.basis === "summary");
  const tested = [...new Set(scoreTests.map((t) => t.instrument))];
  const constraints = constraintWords(study, instruments, tested);
  const measureOf = (t: ExtremesTest) => t.measureLabel ?? abbreviation(t.instrument);
  const testNames = (list: ExtremesTest[]) => [...new Set(list.map((t) => testLabel(study, instruments, t).split("|")[2]!))].join(", ");
  const claim = improvementClaim(study, tested);
  const readings = claim ? claimReadings(study, claim, instruments) : [];
  const undefinedRows = ran.filter((r) => r.reading.undefinedDatasets !== null);
  // Rows with a cell "found; none beyond … (proven)": a dataset attains one value, a proof bounds the other side.
  const bracketed = (e: Extreme) => !e.exact && e.attained !== null && !e.limit;
  const boundRows = ran.filter((r) => [r.reading.p!.min, r.reading.p!.max, ...(r.reading.statistic ? [r.reading.statistic.min, r.reading.statistic.max] : [])].some(bracketed));
  const relaxedRows = rows.filter((r) => r.reading.notImposed.length > 0);
  const verdictCount = (reading: ReadingExtremes["reading"]) => {
    const list = ran.filter((r) => r.reading.reading === reading);
    const count = (v: string) => list.filter((r) => r.reading.verdict === v).length;
    return { total: list.length, always: count("always"), never: count("never"), depends: count("depends"), undetermined: count("undetermined") };
  };
  const present = (["strongest", "weaker", "only"] as const).filter((r) => ran.some((x) => x.reading.reading === r));
  // What is left open, in words: the spread of the scores, or the before–after correlation of printed means and SDs.
  const openWords = (reading: ReadingExtremes["reading"]) => {
    const bases = new Set(ran.filter((x) => x.reading.reading === reading && x.reading.verdict === "depends").map((x) => x.test.basis));
    return bases.size === 1 && bases.has("summary") ? "the before–after correlation" : bases.size === 1 ? "how widely the scores spread" : "what the report leaves open";
  };
  const verdictClause = (reading: ReadingExtremes["reading"]) => {
    const c = verdictCount(reading);
    const parts = [
      c.always > 0 ? `${c.always} of ${c.total} tests give p < ${alpha} whatever the report leaves open` : "",
      c.never > 0 ? `${c.never} of ${c.total} give p ≥ ${alpha} whatever it leaves open` : "",
      c.depends > 0 ? `${c.depends} of ${c.total} give p on either side of ${alpha}, depending on ${openWords(reading)}` : "",
      c.undetermined > 0 ? `for ${c.undetermined} of ${c.total} only bounds are proven, and they straddle ${alpha}` : "",
    ].filter((p) => p !== "");
    const lead = reading === "strongest" ? `Under the strongest reading of "${claim!.source.quote}"` : reading === "weaker" ? "Under the weaker readings" : "Over everything the report allows";
    return `${lead}, ${parts.join("; ")}.`;
  };
  // What the source reports on the measures tested here (checked, never assumed): measures with nothing
  // reported share one sentence; each other measure gets its own.
  const measures = [...new Set(result.tests.map((t) => t.instrument))];
  const measureName = (m: string) => result.tests.find((t) => t.instrument === m)?.measureLabel ?? abbreviation(m);
  const bare = measures.filter((m) => valuesWithSpread(valuesOn(study, m)).length === 0 && valuesWithTest(valuesOn(study, m)).length === 0);
  const reportedOn = [
    ...(bare.length > 0 ? [`For ${bare.map(measureName).join("; ")} the source reports no SD, SE, confidence interval or other spread and no test statistic or p-value.`] : []),
    ...measures
      .filter((m) => !bare.includes(m))
      .map((m) => {
        const spreads = describeSpreads(valuesOn(study, m), study, instruments);
        const tests = describeTests(valuesOn(study, m), study, instruments);
        const absent = spreads ? (tests ? "" : "no test statistic or p-value, and ") : "no SD, SE, confidence interval or other spread, and ";
        return `For ${measureName(m)} the source reports ${absent}${[spreads ? `spread: ${spreads}` : undefined, tests ? `tests: ${tests}` : undefined].filter(Boolean).join("; ")}.`;
      }),
  ];
  // Between groups the search compares the first two groups only; with more arms, say which pairs are left out.
  const comparedPairs = [...new Set(result.tests.filter((t) => t.comparison === "between-groups").map((t) => t.groups.map((g) => shortGroupLabel(study, g)).join(" vs ")))];
  const allPairs = (study.design.arms.length * (study.design.arms.length - 1)) / 2;
  const pairsSentence = study.design.arms.length > 2 ? `Between arms the tests compare ${comparedPairs.length > 0 ? comparedPairs.join("; ") : "no pair"}; the other ${allPairs - comparedPairs.length} of the ${allPairs} pairs of arms are not tested here.` : "";
  const paragraphs = [
    ...reportedOn,
    ...(scoreTests.length > 0
      ? [
          `For each test its authors could have run on ${tested.map(abbreviation).join(", ")} (${testNames(scoreTests)}), the table gives the smallest and the largest value of the statistic and of p over every patient-level dataset consistent with what the source reports: whole-number scores on each scale's grid within its range, ${constraints}. The extremes come from an exact search over every pair of group totals the report allows, not from a sample of rebuilt datasets, so they do not depend on a seed. Each comes with a dataset that attains it (scores before → after, in points, with how many patients have them): a reconstruction, not the data.`,
        ]
      : []),
    ...(summaryTests.length > 0
      ? [
          `For ${[...new Set(summaryTests.map(measureOf))].join("; ")}, the source prints group means with their spread at two timepoints, but not how each person's two values correlate, which a paired t-test needs. Over every correlation r from −1 to 1 and every mean and SD the printed values allow after rounding, the table gives the smallest and the largest t and p. They sit at corners of that range, exact over it, and the dataset columns say where (r, means, SDs); no patient-level dataset is rebuilt for these. Where other reported values on the same measure constrain the same data (a test over all timepoints, a declared range), the search does not impose them and the table marks the extremes as bounds.${boundRows.some((r) => r.test.test === "wilcoxon-signed-rank" || r.test.test === "mann-whitney") ? " For the rank tests, values not closed by a proof come from the datasets tried and a local search." : ""}`,
        ]
      : []),
    ...relaxedRows.map((r) => `${name(r.test)} (${readingWords(r.reading.reading, r.reading.dispersion)}): the search leaves out ${r.reading.notImposed.join("; ")}, so its extremes are bounds.`).filter((s, i, all) => all.indexOf(s) === i),
    ...[...new Set(result.tests.flatMap((t) => t.caveats.map((c) => `${name(t)}: ${c}.`)))],
  ];
  const notRun = [...new Set(rows.filter((r) => r.reading.p === null).map((r) => r.reading.missing ?? "no dataset where the test is defined"))];
  const summary = ran.length === 0
    ? `No extremes of p could be computed for the ${result.tests.length} test${result.tests.length === 1 ? "" : "s"} considered: ${notRun.join("; ")}.`
    : `${ran.every((r) => r.reading.notImposed.length === 0) ? "Exact extremes" : "Extremes (exact, or bounds where the table says so)"} of p over everything the report leaves open (not a sample): ${present
    .map((reading) => {
      const c = verdictCount(reading);
      const lead = reading === "strongest" ? `under the strongest reading of "improved in all", of ${c.total} test${c.total === 1 ? "" : "s"}` : reading === "weaker" ? `under the weaker readings, of ${c.total} test${c.total === 1 ? "" : "s"}` : `of ${c.total} test${c.total === 1 ? "" : "s"}`;
      const parts = [
        c.always > 0 ? `${c.always} always ${c.always === 1 ? "gives" : "give"} p < ${alpha}` : "",
        c.never > 0 ? `${c.never} never ${c.never === 1 ? "gives" : "give"} p < ${alpha}` : "",
        c.depends > 0 ? `${c.depends} ${c.depends === 1 ? "gives" : "give"} p on either side of ${alpha} depending on ${openWords(reading)}` : "",
        c.undetermined > 0 ? `${c.undetermined} ${c.undetermined === 1 ? "is" : "are"} undetermined (only bounds, which straddle ${alpha})` : "",
      ].filter((p) => p !== "");
      return `${lead} ${parts.join("; ")}`;
    })
    .join("; ")}.`;
  // The exercise asks about a test the source itself reports when there is one, else one whose verdict depends on what is left open.
  const example =
    ran.find((r) => reportedTestsOf(study, r.test, true).length > 0)?.test ??
    ran.find((r) => r.test.test === "paired-t" && r.test.readings.some((x) => x.verdict === "depends"))?.test ??
    ran[0]?.test ??
    result.tests[0]!;
  const readingSentences = example.readings.map((r) =>
    r.p
      ? `${r.reading === "only" && !r.dispersion ? "Over" : `Under the ${readingWords(r.reading, r.dispersion)}, over`} everything the report leaves open p runs from ${describeRange(r.p, formatP)}: ${verdictWords(r.verdict, alpha)}.`
      : `Under the ${readingWords(r.reading, r.dispersion)}: ${r.missing ?? "the test is undefined"}.`,
  );
  // The answer as a choice: what the extremes say under every reading together, each choice with the toolkit's ranges.
  const verdicts = [...new Set(example.readings.map((r) => r.verdict))];
  const settled = verdicts.length === 1 ? verdicts[0] : verdicts.includes(null) ? null : "depends";
  const significanceChoice: ExerciseInput | undefined =
    settled === null || settled === undefined
      ? undefined
      : {
          kind: "choice",
          label: "What do the reported numbers say?",
          multiple: false,
          options: [
            { label: `Significant: p < ${alpha} for every dataset the report allows`, correct: settled === "always", feedback: readingSentences.join(" ") },
            { label: `Not significant: p ≥ ${alpha} for every dataset the report allows`, correct: settled === "never", feedback: readingSentences.join(" ") },
            { label: `They cannot tell: p falls on either side of ${alpha} depending on what the report leaves open`, correct: settled === "depends", feedback: readingSentences.join(" ") },
            ...(verdicts.includes("undetermined") ? [{ label: `Undetermined: only bounds are proven, and they straddle ${alpha}`, correct: settled === "undetermined", feedback: readingSentences.join(" ") }] : []),
          ],
        };
  const drawP = (layout: ChartLayout) =>
    pValueExtremesChart(
      ran.map(({ test, reading }) => ({
        label: `${testLabel(study, instruments, test)}${reading.reading === "only" ? "" : ` (${readingWords(reading.reading)})`}`,
        min: value(reading.p!.min),
        max: value(reading.p!.max),
        minKind: kind(reading.p!.min),
        maxKind: kind(reading.p!.max),
      })),
      alpha,
      "p-values the reported numbers allow",
      "Reconstruction — not patient data. Smallest to largest p over every dataset consistent with the report; filled dot: exact; open dot: attained but not proven extreme; bar: proven bound",
      layout,
    );
  return {
    id,
    title,
    section: "checked",
    reconstruction: true,
    paragraphs,
    summary,
    table: {
      columns: [
        { key: "test", label: "test" },
        { key: "reading", label: "reading" },
        { key: "difference", label: "mean difference" },
        { key: "statistic", label: "statistic: smallest to largest" },
        { key: "p", label: "p: smallest to largest" },
        { key: "verdict", label: `p < ${alpha}?` },
        { key: "smallest", label: "dataset with the smallest p (reconstruction)" },
        { key: "largest", label: "dataset with the largest p (reconstruction)" },
        { key: "mde", label: "detectable at 80% power" },
      ],
      rows: rows.map(({ test, reading }) => {
        const witnesses = witnessCells(study, reading, test);
        return {
          test: name(test),
          reading: readingWords(reading.reading, reading.dispersion),
          difference: reading.meanDifference ? `${formatNumber(reading.meanDifference[0], 2)} to ${formatNumber(reading.meanDifference[1], 2)} ${unitOf(study, test)}` : "",
          statistic: reading.statistic ? `${reading.statistic.name} ${describeRange(reading.statistic, (v) => formatStatistic(reading.statistic!.name, v))}` : "",
          p: reading.p ? describeRange(reading.p, formatP) : (reading.missing ?? "no dataset where the test is defined"),
          verdict: verdictWords(reading.verdict, alpha),
          smallest: witnesses.smallest,
          largest: witnesses.largest,
          mde: test.mde && reading.p ? `${test.mde.design === "paired" ? "dz" : "d"} ≥ ${formatNumber(test.mde.effect, 2)}` : "",
        };
      }),
    },
    figure: ran.length === 0 ? undefined : {
      spec: drawP("wide"),
      narrowSpec: drawP("narrow"),
      alt: `Smallest to largest p of ${ran.length} tests and readings over every dataset consistent with the report, on a log scale from 0.0001 to 1 (smaller p at the edge, marked with an arrow and written out), with the α = ${alpha} line.`,
    },
    exercises: [
      {
        question: `Can the reported numbers of "${study.title}" tell us whether ${name(example)} is statistically significant?`,
        answer: [
          ...(reportedTestsOf(study, example, false).length > 0
            ? [`The source reports ${reportedTestsOf(study, example, true).length > 0 ? "a test of it" : "its own test of this measure, not of these two timepoints alone"}: ${reportedTestsOf(study, example, false).map((v) => `${v.method ? `${v.method}, ` : ""}${describeTest(v, study, instruments)} ("${v.source.quote.replace(/\s+/g, " ")}")`).join("; ")}.`]
            : []),
          ...readingSentences,
        ].join(" "),
        method: example.basis === "scores" ? "exactExtremes(study, instruments) from src/inference (exact search over the group totals the report allows; datasets attaining each extreme)" : "exactExtremes(study, instruments) from src/inference (paired t over every before–after correlation and the rounding of the printed means and SDs)",
        ...(significanceChoice ? { input: significanceChoice } : {}),
        hint: `Look at the chart above: where does the α = ${alpha} line fall against this test's range of p (under each reading)?`,
      },
    ],
  };
}

function sensitivityArtefact(study: Study, instruments: InstrumentRegistry, result: Result, rows: TestSensitivity[]): Artefact {
  const { alpha } = result;
  const abbreviation = (i: string) => instruments.get(i)?.abbreviation ?? i;
  const byId = new Map(result.tests.map((t) => [t.id, t]));
  const name = (s: TestSensitivity) => testLabel(study, instruments, byId.get(s.testId)!).replace("|", ": ").replace("|", ", ");
  const missingBy = new Map<string, Set<string>>();
  for (const r of rows) if (instruments.has(r.instrument)) for (const m of r.missing) missingBy.set(r.instrument, (missingBy.get(r.instrument) ?? new Set()).add(m));
  const lacking = [...missingBy].map(([instrument, what]) => `${abbreviation(instrument)} (no ${[...what].join(", no ")})`);
  const variables = [...new Set(rows.filter((r) => !instruments.has(r.instrument)).map((r) => byId.get(r.testId)!.measureLabel ?? r.instrument))];
  const scoresRows = rows.filter((r) => r.threshold.unit === "sd");
  const summaryRows = rows.filter((r) => r.threshold.unit === "r");
  const withCells = rows.filter((r) => r.cells.length > 0);
  const quote = (citation: string, words: string) => `${citation}: "${words.replace(/\s+/g, " ")}"`;
  const tableRows = rows.flatMap((r) => {
    const base = {
      test: name(r),
      difference: `${formatNumber(r.meanDifference[0], 2)} to ${formatNumber(r.meanDifference[1], 2)} ${unitOf(study, byId.get(r.testId)!)}`,
      below: thresholdWords(r, "all"),
      above: thresholdWords(r, "none"),
    };
    const printed = r.threshold.unit === "r" ? `the printed SDs (± read as ${r.dispersion === "se" ? "SE" : r.dispersion === "ci95" ? "95% CI half-width" : "SD"})` : "";
    if (r.cells.length === 0) return [{ ...base, sd: printed || `none in the instrument data`, r: r.on === "change" ? "none in the instrument data" : "not needed", tested: "", p: "" }];
    return r.cells.map((c) => ({
      ...base,
      sd: c.sd ? `${formatNumber(c.sd.value, 2)} (${c.sd.population}; ${quote(c.sd.reference.citation, c.sd.reference.quote)})` : printed,
      r: c.r ? `${formatNumber(c.r.value, 3)}${c.r.end === "upper" ? " (upper end of the range)" : ""} (${c.r.source.kind}, ${c.r.source.interval}; ${c.r.source.population}; ${quote(c.r.source.reference.citation, c.r.source.reference.quote)})` : "not needed",
      tested: formatNumber(c.testedSd, 2),
      p: `${formatP(c.p[0])} to ${formatP(c.p[1])}`,
    }));
  });
  const paragraphs = [
    scoresRows.length > 0
      ? `How widely the scores spread decides p. Here p is computed at the mean differences the reported values allow (under the weakest reading) for spreads published for each instrument, as its data file records them with their population and quote: for changes, the SD of the changes is SD·√(2(1 − r)) with the published test–retest (or pre–post) correlation r as the correlation of before and after, and the same SD at both times (Dunlap et al. 1996)${scoresRows.some((r) => r.test === "welch-t") ? "; between groups, the same SD in both" : ""}. A test–retest correlation, taken over days in which nothing is meant to change, is likely higher than the before–after correlation over the study's own follow-up, which would give a larger SD of changes and larger p-values.`
      : "",
    summaryRows.length > 0
      ? `Where the source prints its own SDs, only the correlation of each person's two values is open: p is given at each published test–retest correlation of the instrument, with the printed means and SDs within their rounding.`
      : "",
    lacking.length > 0 ? `The instrument data record no such figure for ${lacking.join("; ")}: no number is put in its place, and only the thresholds, which need none, are given for those tests.` : "",
    variables.length > 0 ? `${variables.length === 1 ? "This measure" : "These measures"} (${variables.join("; ")}) ${variables.length === 1 ? "is not a scored instrument" : "are not scored instruments"} with published psychometrics in the project's data, so no published correlation is used for ${variables.length === 1 ? "it" : "them"}; only the thresholds are given.` : "",
    `The last two columns need no published figure: they give the SD of what is tested (the changes, or the scores) — or, where the source prints its own SDs, the before–after correlation r — at which p crosses ${alpha} for every mean difference the report allows.`,
  ].filter((p) => p !== "");
  return {
    id: "p-value-sensitivity",
    title: "p-values at published spreads",
    section: "checked",
    reconstruction: true,
    paragraphs,
    ...(withCells.length > 0
      ? { summary: `At published spreads: ${withCells.map((r) => `${name(r)} gives p from ${formatP(Math.min(...r.cells.map((c) => c.p[0])))} to ${formatP(Math.max(...r.cells.map((c) => c.p[1])))}`).join("; ")}.` }
      : {}),
    table: {
      columns: [
        { key: "test", label: "test" },
        { key: "difference", label: "mean difference allowed" },
        { key: "sd", label: "published SD" },
        { key: "r", label: "correlation before–after" },
        { key: "tested", label: "SD of what is tested", align: "right" },
        { key: "p", label: "p at the largest to the smallest difference" },
        { key: "below", label: `p < ${alpha} for every allowed difference when` },
        { key: "above", label: `p ≥ ${alpha} for every allowed difference when` },
      ],
      rows: tableRows,
    },
  };
}

/** The reported values on one measure (an instrument or a variable). */
function valuesOn(study: Study, measure: string): ReportedValue[] {
  return study.reported.filter((v) => ("instrument" in v && v.instrument === measure) || ("variable" in v && v.variable === measure));
}

/**
 * The tests the source itself reports on the same measure and groups as a test; with `sameTimes`, only
 * those at the same timepoints (or with none given), else at any (describeTest names them).
 */
function reportedTestsOf(study: Study, test: ExtremesTest, sameTimes: boolean): Array<Extract<ReportedValue, { kind: "test" }>> {
  // In a one-arm study the arm and the whole sample are the same people.
  const same = (g: string) => (study.design.arms.length === 1 && g === study.design.arms[0]!.id ? "all" : g);
  const times = test.on === "last" ? [test.to] : [test.from, test.to];
  return valuesWithTest(valuesOn(study, test.instrument)).filter(
    (v): v is Extract<ReportedValue, { kind: "test" }> =>
      v.kind === "test" &&
      v.comparison === test.comparison &&
      v.groups !== undefined &&
      v.groups.length === test.groups.length &&
      test.groups.every((g) => v.groups!.map(same).includes(same(g))) &&
      (!sameTimes || v.timepoints === undefined || (v.timepoints.length === times.length && v.timepoints.every((t, i) => t === times[i]))),
  );
}

/** A threshold in words: "SD of the changes below 10.79", "r above 0.830", or why there is none. */
function thresholdWords(r: TestSensitivity, side: "all" | "none"): string {
  const value = side === "all" ? r.threshold.allSignificant : r.threshold.noneSignificant;
  const what = r.threshold.unit === "r" ? "r" : `the SD of ${r.on === "change" ? "the changes" : "the scores"}`;
  if (value === null) return side === "all" ? (r.threshold.unit === "r" ? "no r in −1 to 1 does it" : "never (an allowed difference is 0)") : r.threshold.unit === "r" ? "no r in −1 to 1 does it" : "";
  return `${what} ${(side === "all") === (r.threshold.unit === "sd") ? "below" : "above"} ${formatNumber(value, r.threshold.unit === "r" ? 3 : 2)}`;
}

/** What the search holds the data to, from the kinds of values the study reports on the tested measures. */
function constraintWords(study: Study, instruments: InstrumentRegistry, tested: string[]): string {
  const on = study.reported.filter((v) => "instrument" in v && tested.includes(v.instrument ?? ""));
  const parts = [
    on.some((v) => v.kind === "band-shift") ? "group means inside the reported bands under each published band convention" : "",
    on.some((v) => v.kind === "mean") ? "the reported group means to their printed precision" : "",
    on.some((v) => v.kind === "percent-change") ? "group means that give the reported percent changes" : "",
    on.some((v) => v.kind === "band-shift" && instruments.get(v.instrument)?.bandConventions.some((c) => c.appliesTo !== undefined)) ? "each patient's score under the published cut-off of their own category where the words name no band" : "",
  ].filter((p) => p !== "");
  return parts.length > 0 ? parts.join(", ") : "the reported values";
}

/** The first "improved in all" claim about a tested measure. */
function improvementClaim(study: Study, tested: string[]) {
  return study.claims.find((c) => c.type === "all-improved" && (c.about ?? []).some((a) => tested.includes(a)));
}

/** The unit of a test's measure: points for an instrument, the variable's unit otherwise. */
function unitOf(study: Study, test: ExtremesTest): string {
  if (test.basis === "scores") return "points";
  return study.variables.find((v) => v.id === test.instrument)?.unit ?? "points";
}

function value(e: Extreme): number {
  return e.attained ?? e.bound;
}

function kind(e: Extreme): "exact" | "attained" | "bound" | "limit" {
  return e.limit ? "limit" : e.exact ? "exact" : e.attained !== null ? "attained" : "bound";
}
