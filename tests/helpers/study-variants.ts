/**
 * Studies of many shapes, each a data file with the source text it quotes, for the tests that read
 * the reports of studies that do and do not report SDs, p-values, means, tests, CIs, medians and sample
 * flow, with one, two or three arms, drug or no drug. The text is written from the same numbers as the
 * file, sentence by sentence, so every quote occurs verbatim and states its numbers (the tests run the
 * provenance audit on each). The numbers are invented; derived ones are computed in comments.
 */

export type SpreadKind = "sd" | "se" | "unstated" | "none";

export interface ArmSpec {
  id: string;
  label: string;
  role: "experimental" | "active-comparator" | "placebo" | "wait-list" | "usual-care" | "no-treatment";
  type: "psychological" | "exercise" | "none" | "drug" | "placebo" | "behavioural";
  /** For a drug arm: name, dose (mg) and route, written into the text and the file. */
  drug?: { name: string; dose: string; route: string };
}

export interface VariantSpec {
  id: string;
  title: string;
  arms: ArmSpec[];
  /** Timepoints in order; the first is the baseline. Labels are written into the text. */
  timepoints: Array<{ id: string; label: string }>;
  /** What the number after each outcome mean is ("none": a bare mean). */
  spread: SpreadKind;
  /** Group means of PHQ-9 at every timepoint. */
  means: boolean;
  /** A mean change (first arm, first → last timepoint) with its 95% CI. */
  changeCi: boolean;
  /** A t-test with its statistic and p: between the first two arms at the last timepoint, or paired within a single arm. */
  test: boolean;
  /** Responders per arm at the last timepoint (a proportion outcome). */
  proportions: boolean;
  /** An odds ratio of response (first vs second arm) with its CI and p. */
  effect: boolean;
  /** Median sessions attended (first arm) with its IQR. */
  median: boolean;
  /** Screened, randomised/enrolled and completers per arm. */
  flow: boolean;
  /** Mean age of the whole sample (with the same spread kind as the outcomes). */
  age: boolean;
  /** Sex per arm, the same counts in every arm (so rows of a Table 1 without arm columns differ only by their quote). */
  sex: boolean;
  /** A PHQ-9 band shift per arm ("moderately severe" → "mild"). */
  bandShift: boolean;
  /** A percent change of the PHQ-9 mean per arm, first → last timepoint (pinned to the means when they are reported). */
  percentChange: boolean;
}

const SIZE = 24;
// Per arm (index 0, 1, 2): PHQ-9 means at the first and last timepoint, the middle one when there are three.
const FIRST = ["15.2", "14.9", "15.0"];
const MIDDLE = ["12.0", "14.0", "13.0"];
const LAST = ["9.6", "13.1", "11.4"];
const SD = ["4.2", "4.0", "3.8"];
// SE = SD / sqrt(24): 4.2/4.899 = 0.857, 4.0/4.899 = 0.816, 3.8/4.899 = 0.776.
const SE = ["0.86", "0.82", "0.78"];
// Percent change of the mean, first → last: (9.6 − 15.2)/15.2 = −36.84%, (13.1 − 14.9)/14.9 = −12.08%, (11.4 − 15.0)/15.0 = −24.00%.
// On the grid of 24 PHQ-9 totals (means k/24) 36.8 and 24.0 fit (364/24 → 230/24 is −36.81%; 359/24 → 273/24 is
// −23.96%), but 12.1 does not: 14.9 is 357/24 or 358/24 and 13.1 is 314/24 or 315/24, giving −12.04%, −11.76%,
// −12.29% and −12.01%. So a variant reporting the means beside the percent changes is inconsistent on purpose.
const PERCENT = ["36.8", "12.1", "24.0"];
// Responders of 24: 11 (45.83%), 3 (12.50%), 7 (29.17%).
const RESPONDERS = [11, 3, 7];
const RESPONDER_PERCENT = ["45.8", "12.5", "29.2"];
const COMPLETED = [22, 21, 23];
// The band each arm's mean ends in (PHQ-9, Kroenke 2001): from "moderately severe" [15, 20), a fall of 36.8% reaches
// "mild" [5, 10), falls of 12.1% and 24.0% stay in "moderate" [10, 15) (e.g. 16.0 → 14.06 and 15.0 → 11.4).
const END_BAND = [
  { label: "mild", band: "mild" },
  { label: "moderate", band: "moderate" },
  { label: "moderate", band: "moderate" },
];

/** The base: the two-arm trial of the data model's example, every option on. */
export const fullTrial: VariantSpec = {
  id: "variant-full-trial",
  title: "Group therapy versus wait list, every kind reported (test variant)",
  arms: [
    { id: "therapy", label: "group therapy", role: "experimental", type: "psychological" },
    { id: "wait-list", label: "wait list", role: "wait-list", type: "none" },
  ],
  timepoints: [
    { id: "baseline", label: "Baseline" },
    { id: "week-8", label: "Week 8" },
  ],
  spread: "sd",
  means: true,
  changeCi: true,
  test: true,
  proportions: true,
  effect: true,
  median: true,
  flow: true,
  age: true,
  sex: true,
  bandShift: false,
  percentChange: false,
};

/** A variant of `fullTrial` (a fresh object). */
export function variant(changes: Partial<VariantSpec> & { id: string; title: string }): VariantSpec {
  return { ...fullTrial, ...changes };
}

/** The variants the report tests read: what is and is not reported, one to three arms, drug or not, one to three timepoints. */
export const variants: VariantSpec[] = [
  fullTrial,
  variant({ id: "variant-bare-means", title: "Group therapy versus wait list, means without spread, test or p (test variant)", spread: "none", changeCi: false, test: false, effect: false, median: false }),
  variant({ id: "variant-unstated-spread", title: "Group therapy versus wait list, a ± of unstated kind, no p-value (test variant)", spread: "unstated", test: false, effect: false, proportions: false, flow: false }),
  variant({ id: "variant-se-only", title: "Group therapy versus wait list, means with SEs (test variant)", spread: "se", changeCi: false, median: false, sex: false }),
  variant({
    id: "variant-percent-and-bands",
    title: "Group therapy versus wait list, percent changes and severity bands only (test variant)",
    spread: "none",
    means: false,
    changeCi: false,
    test: false,
    proportions: false,
    effect: false,
    median: false,
    flow: false,
    age: false,
    bandShift: true,
    percentChange: true,
  }),
  variant({ id: "variant-means-and-percent", title: "Group therapy versus wait list, means and percent changes (test variant)", spread: "none", test: false, effect: false, percentChange: true, changeCi: false, median: false }),
  variant({
    id: "variant-single-arm",
    title: "Group therapy, one arm before and after (test variant)",
    arms: [{ id: "therapy", label: "group therapy", role: "experimental", type: "psychological" }],
    effect: false,
    sex: true,
  }),
  variant({
    id: "variant-three-arms",
    title: "Group therapy, yoga classes or wait list, three timepoints (test variant)",
    arms: [
      { id: "therapy", label: "group therapy", role: "experimental", type: "psychological" },
      { id: "wait-list", label: "wait list", role: "wait-list", type: "none" },
      { id: "yoga", label: "yoga classes", role: "active-comparator", type: "exercise" },
    ],
    timepoints: [
      { id: "baseline", label: "Baseline" },
      { id: "week-4", label: "Week 4" },
      { id: "week-8", label: "Week 8" },
    ],
  }),
  variant({
    id: "variant-drug-placebo",
    title: "Sertraline versus placebo tablets (test variant)",
    arms: [
      { id: "sertraline", label: "sertraline", role: "experimental", type: "drug", drug: { name: "sertraline", dose: "50", route: "oral" } },
      { id: "placebo", label: "placebo tablets", role: "placebo", type: "placebo" },
    ],
    median: false,
  }),
  variant({
    id: "variant-new-kinds-only",
    title: "Group therapy versus wait list, means ± SD, a t-test and proportions only (test variant)",
    changeCi: false,
    effect: false,
    median: false,
    flow: false,
    age: false,
    sex: false,
  }),
  variant({
    id: "variant-one-timepoint",
    title: "Group therapy versus wait list, measured once (test variant)",
    timepoints: [{ id: "week-8", label: "Week 8" }],
    changeCi: false,
    median: false,
  }),
];

export interface BuiltVariant {
  /** The study file (JSON-ready). */
  study: any;
  /** File name of the source text the study quotes. */
  sourceFile: string;
  /** The source text. */
  text: string;
}

/**
 * The study file and source text of one variant. Every sentence of the text is written by the code
 * that records the value it states, so the two cannot drift apart.
 */
export function buildVariant(spec: VariantSpec): BuiltVariant {
  const sourceFile = `${spec.id}.txt`;
  const sentences: string[] = [];
  const say = (text: string): { file: string; quote: string } => {
    sentences.push(text);
    return { file: sourceFile, quote: text };
  };
  const arms = spec.arms;
  const multi = arms.length > 1;
  const total = SIZE * arms.length;
  const last = spec.timepoints[spec.timepoints.length - 1]!;
  const first = spec.timepoints[0]!;
  const reported: any[] = [];

  const sizeQuotes = arms.map((arm) => say(multi ? `${SIZE} were allocated to ${arm.label}.` : `${SIZE} adults took part in ${arm.label}.`));
  const timepoints = spec.timepoints.map((t, order) => ({ id: t.id, label: t.label, order, source: say(`Depression was measured with the PHQ-9 at ${t.label}.`) }));
  const studyArms = arms.map((arm, i) => {
    const description = say(`Participants in the ${arm.label} arm received ${arm.label}.`);
    const intervention: any = { description: { value: arm.label, source: description }, type: arm.type };
    if (arm.drug) {
      intervention.drug = arm.drug.name;
      intervention.dose = { value: arm.drug.dose, unit: "mg", source: say(`The dose of ${arm.drug.name} was ${arm.drug.dose} mg a day.`) };
      intervention.route = { value: arm.drug.route, source: say(`${arm.drug.name} was taken by the ${arm.drug.route} route.`) };
    }
    return { id: arm.id, label: arm.label, role: arm.role, size: { value: SIZE, source: sizeQuotes[i]! }, intervention };
  });

  if (spec.flow) {
    reported.push({ kind: "sample-flow", id: "screened", group: "all", stage: "screened", count: 96, source: say("Of 96 people screened, the eligible were enrolled.") });
    reported.push({ kind: "sample-flow", id: multi ? "randomised" : "enrolled", group: "all", stage: multi ? "randomised" : "enrolled", count: total, source: say(multi ? `${total} were randomised.` : `${total} were enrolled.`) });
    arms.forEach((arm, i) =>
      reported.push({ kind: "sample-flow", id: `completed-${arm.id}`, group: arm.id, stage: "completed", timepoint: last.id, count: COMPLETED[i]!, source: say(`${COMPLETED[i]} completed ${last.label} in the ${arm.label} arm.`) }),
    );
  }
  const spreadText = (i: number): { text: string; dispersion?: { kind: string; value: string } } => {
    switch (spec.spread) {
      case "sd":
        return { text: ` (SD ${SD[i]})`, dispersion: { kind: "sd", value: SD[i]! } };
      case "se":
        return { text: ` (SE ${SE[i]})`, dispersion: { kind: "se", value: SE[i]! } };
      case "unstated":
        return { text: ` ± ${SD[i]}`, dispersion: { kind: "unstated", value: SD[i]! } };
      case "none":
        return { text: "" };
    }
  };
  if (spec.age) {
    const spread = spec.spread === "none" ? { text: "" } : spec.spread === "se" ? { text: " (SE 1.3)", dispersion: { kind: "se", value: "1.3" } } : spec.spread === "sd" ? { text: " (SD 11.2)", dispersion: { kind: "sd", value: "11.2" } } : { text: " ± 11.2", dispersion: { kind: "unstated", value: "11.2" } };
    reported.push({ kind: "mean", id: "age-all", variable: "age", group: "all", mean: "41.3", ...(spread.dispersion ? { dispersion: spread.dispersion } : {}), source: say(`Mean age was 41.3${spread.text} years.`) });
  }
  if (spec.sex) {
    arms.forEach((arm) =>
      reported.push({
        kind: "composition",
        id: `sex-${arm.id}`,
        variable: "sex",
        group: arm.id,
        n: { value: SIZE, source: say(`Of the ${SIZE} in the ${arm.label} arm, 13 were women.`) },
        categoriesAre: "exclusive",
        categories: [
          { id: "female", label: "female", count: 13, percent: "54", source: say(`women: 13 (54%) with ${arm.label}`) },
          { id: "male", label: "male", count: 11, percent: "46", source: say(`men: 11 (46%) with ${arm.label}`) },
        ],
      }),
    );
  }
  if (spec.means) {
    arms.forEach((arm, i) => {
      spec.timepoints.forEach((t, k) => {
        const value = k === 0 ? FIRST[i]! : k === spec.timepoints.length - 1 ? LAST[i]! : MIDDLE[i]!;
        const spread = spreadText(i);
        reported.push({
          kind: "mean",
          id: `phq9-${arm.id}-${t.id}`,
          instrument: "phq-9",
          group: arm.id,
          timepoint: t.id,
          mean: value,
          ...(spread.dispersion ? { dispersion: spread.dispersion } : {}),
          source: say(`With ${arm.label} the PHQ-9 mean at ${t.label} was ${value}${spread.text}.`),
        });
      });
    });
  }
  if (spec.percentChange && spec.timepoints.length > 1) {
    arms.forEach((arm, i) =>
      reported.push({
        kind: "percent-change",
        id: `phq9-${arm.id}-percent`,
        instrument: "phq-9",
        group: arm.id,
        statistic: "mean",
        from: first.id,
        to: last.id,
        percent: PERCENT[i]!,
        direction: "decrease",
        timepointsAsReported: `from ${first.label} to ${last.label}`,
        source: say(`With ${arm.label} the mean PHQ-9 fell by ${PERCENT[i]}% from ${first.label} to ${last.label}.`),
      }),
    );
  }
  if (spec.bandShift && spec.timepoints.length > 1) {
    arms.forEach((arm, i) =>
      reported.push({
        kind: "band-shift",
        id: `phq9-${arm.id}-bands`,
        instrument: "phq-9",
        group: arm.id,
        statistic: "not-stated",
        from: { timepoint: first.id, label: "moderately severe", band: "moderately-severe" },
        to: { timepoint: last.id, ...END_BAND[i]! },
        source: say(`With ${arm.label} depression went from moderately severe to ${END_BAND[i]!.label}.`),
      }),
    );
  }
  if (spec.changeCi && spec.timepoints.length > 1) {
    reported.push({
      kind: "mean-change",
      id: `phq9-${arms[0]!.id}-change`,
      instrument: "phq-9",
      group: arms[0]!.id,
      from: first.id,
      to: last.id,
      change: "-5.6",
      ci: { level: "95", lower: "-7.4", upper: "-3.8" },
      source: say(`The mean change with ${arms[0]!.label} was -5.6 (95% CI -7.4 to -3.8).`),
    });
  }
  if (spec.test) {
    if (multi) {
      // Welch/Student t of 9.6 (SD 4.2) vs 13.1 (SD 4.0), 24 per arm: pooled SD sqrt((4.2² + 4.0²)/2) = 4.101,
      // SE 4.101 × sqrt(2/24) = 1.184, t = 3.5 / 1.184 = 2.96 on 46 df, two-sided p = 0.005.
      reported.push({
        kind: "test",
        id: "phq9-last-t",
        method: "t-test",
        statistic: { name: "t", value: "2.96", df: ["46"] },
        p: { relation: "=", value: "0.005" },
        tails: "two",
        comparison: "between-groups",
        instrument: "phq-9",
        groups: [arms[0]!.id, arms[1]!.id],
        timepoints: [last.id],
        source: say(`At ${last.label} the arms differed, t(46) = 2.96, p = .005.`),
      });
    } else {
      reported.push({
        kind: "test",
        id: "phq9-paired-t",
        method: "paired t-test",
        statistic: { name: "t", value: "6.10", df: ["23"] },
        p: { relation: "<", value: "0.001" },
        comparison: "within-group",
        instrument: "phq-9",
        groups: [arms[0]!.id],
        timepoints: [first.id, last.id],
        source: say(`The PHQ-9 fell from ${first.label} to ${last.label}, t(23) = 6.10, p < .001.`),
      });
    }
  }
  if (spec.proportions) {
    arms.forEach((arm, i) =>
      reported.push({
        kind: "proportion",
        id: `response-${arm.id}`,
        outcome: "response (a 50% reduction)",
        instrument: "phq-9",
        group: arm.id,
        timepoint: last.id,
        count: RESPONDERS[i]!,
        denominator: SIZE,
        percent: RESPONDER_PERCENT[i]!,
        source: say(`Response (a 50% reduction) with ${arm.label}: ${RESPONDERS[i]}/${SIZE} (${RESPONDER_PERCENT[i]}%).`),
      }),
    );
  }
  if (spec.effect && multi && spec.proportions) {
    // OR of 11/24 vs 3/24: (11 × 21)/(13 × 3) = 5.92; SE of log OR sqrt(1/11 + 1/13 + 1/3 + 1/21) = 0.741,
    // 95% CI exp(1.779 ± 1.96 × 0.741) = 1.39 to 25.3; z = 1.779/0.741 = 2.40, p = 0.016.
    reported.push({
      kind: "effect",
      id: "response-or",
      measure: "odds-ratio",
      estimate: "5.92",
      ci: { level: "95", lower: "1.39", upper: "25.3" },
      p: { relation: "=", value: "0.016" },
      outcome: "response (a 50% reduction)",
      groups: [arms[0]!.id, arms[1]!.id],
      timepoint: last.id,
      source: say("The odds ratio of response was 5.92 (95% CI 1.39 to 25.3), p = .016."),
    });
  }
  if (spec.median) {
    reported.push({
      kind: "median",
      id: `sessions-${arms[0]!.id}`,
      variable: "sessions",
      group: arms[0]!.id,
      median: "7",
      spread: [{ kind: "iqr", lower: "5", upper: "8" }],
      source: say(`Median sessions attended with ${arms[0]!.label} were 7 (IQR 5–8).`),
    });
  }
  const claimQuote = say(`The authors conclude that ${arms[0]!.label} helped.`);
  const study = {
    id: spec.id,
    title: spec.title,
    sources: [`../sources/${sourceFile}`],
    citation: { title: spec.title, date: "2026" },
    source: { file: sourceFile, kind: "abstract", description: "Invented abstract written by the tests." },
    design: {
      type: { value: multi ? "trial" : "pilot", basis: "stated", source: sizeQuotes[0]! },
      sampling: { value: "not-reported", basis: "not-reported" },
      allocation: multi ? { value: "randomised", basis: "stated", source: sizeQuotes[0]! } : { value: "single-group", basis: "stated", source: sizeQuotes[0]! },
      controlGroup: multi ? { value: "yes", basis: "stated", source: sizeQuotes[1]! } : { value: "no", basis: "inferred", source: sizeQuotes[0]! },
      blinding: { value: "not-reported", basis: "not-reported" },
      sampleSize: { value: total, derivedFrom: "arm-sizes" },
      arms: studyArms,
      timepoints,
      followUp: { value: "reported", basis: "stated", source: timepoints[timepoints.length - 1]!.source },
      outcomeAssessment: { value: "self-report", basis: "inferred", source: timepoints[0]!.source },
    },
    instruments: [{ ref: "phq-9", measures: "depressive symptoms", source: timepoints[0]!.source }],
    variables: [
      { id: "age", label: "age", unit: "years", step: 1, min: 18, max: 90 },
      { id: "sessions", label: "sessions attended", step: 1, min: 0 },
    ],
    reported,
    claims: [{ id: "first-arm-helped", type: "efficacy", about: ["phq-9"], testReported: spec.test, source: claimQuote }],
    limitationsStated: [],
  };
  return { study, sourceFile, text: `${sentences.join("\n")}\n` };
}
