/**
 * A user's study written from scratch for the tests: a two-arm randomised trial of a psychological
 * therapy against a wait list (no drug), reporting every kind of statistic the data model knows.
 * Its source text is below, so the provenance audit runs on it like on a real study.
 * The numbers are invented but each is stated verbatim by `trialText`.
 */
export const trialText = [
  "Adults aged 18 to 65 with a PHQ-9 score of 10 or more were eligible. Of 112 people screened, 48 were randomised:",
  "24 to group therapy and 24 to a wait list. Forty-four completed the 8-week assessment (therapy 22, wait list 22).",
  "Mean age was 41.3 ± 11.2 years. At baseline the PHQ-9 was 15.2 ± 3.1 (therapy) and 14.9 ± 3.4 (wait list);",
  "at week 8 it was 9.6 (SD 4.2) and 13.1 (SD 4.0). The mean change in the therapy group was −5.6 (95% CI −7.4 to −3.8).",
  "The between-group difference at week 8 was significant, t(42) = 2.83, p = .007. Median sessions attended were 7 (IQR 5–8).",
  "Response (a 50% reduction) occurred in 11/22 (50%) with therapy and 3/22 (13.6%) on the wait list,",
  "OR 6.33 (95% CI 1.48 to 27.1), p = .013.",
].join("\n");

/** The study file for `trialText`, as JSON (a fresh copy on each call, to be broken on purpose by a test). */
export function twoArmTrial(): any {
  const quote = (text: string) => {
    if (!trialText.includes(text)) throw new Error(`fixture quote not in trialText: ${text}`);
    return { file: "trial.txt", quote: text };
  };
  const arm = (id: string, label: string, role: string, type: string) => ({
    id,
    label,
    role,
    size: { value: 24, source: quote(`24 to ${label}`) },
    intervention: { description: { value: label, source: quote(`24 to ${label}`) }, type },
  });
  return {
    id: "two-arm-trial",
    title: "Group therapy versus wait list (test fixture)",
    citation: { title: "A two-arm trial written for the tests", date: "2026" },
    source: { file: "trial.txt", kind: "abstract", description: "Invented abstract used by the tests." },
    design: {
      type: { value: "trial", basis: "stated", source: quote("48 were randomised") },
      sampling: { value: "not-reported", basis: "not-reported" },
      allocation: { value: "randomised", basis: "stated", source: quote("48 were randomised") },
      controlGroup: { value: "yes", basis: "stated", source: quote("24 to a wait list") },
      blinding: { value: "not-reported", basis: "not-reported" },
      sampleSize: { value: 48, derivedFrom: "arm-sizes" },
      arms: [arm("therapy", "group therapy", "experimental", "psychological"), arm("wait-list", "a wait list", "wait-list", "none")],
      timepoints: [
        { id: "baseline", label: "Baseline", order: 0 },
        { id: "week-8", label: "Week 8", order: 8, source: quote("the 8-week assessment") },
      ],
      followUp: { value: "reported", basis: "stated", source: quote("the 8-week assessment") },
      outcomeAssessment: { value: "self-report", basis: "inferred", source: quote("PHQ-9") },
    },
    instruments: [{ ref: "phq-9", measures: "depressive symptoms", source: quote("PHQ-9") }],
    variables: [
      { id: "age", label: "age", unit: "years", step: 1, min: 18, max: 65, source: quote("Adults aged 18 to 65") },
      { id: "sessions", label: "sessions attended", step: 1, min: 0, source: quote("Median sessions attended") },
    ],
    reported: [
      { kind: "eligibility", id: "entry-phq9", instrument: "phq-9", bound: "min", value: "10", inclusive: true, source: quote("a PHQ-9 score of 10 or more") },
      { kind: "sample-flow", id: "screened", group: "all", stage: "screened", count: 112, source: quote("Of 112 people screened") },
      { kind: "sample-flow", id: "randomised", group: "all", stage: "randomised", count: 48, source: quote("48 were randomised") },
      { kind: "sample-flow", id: "completed-therapy", group: "therapy", stage: "completed", timepoint: "week-8", count: 22, source: quote("therapy 22") },
      { kind: "sample-flow", id: "completed-wait-list", group: "wait-list", stage: "completed", timepoint: "week-8", count: 22, source: quote("wait list 22") },
      { kind: "mean", id: "age-all", variable: "age", group: "all", mean: "41.3", dispersion: { kind: "unstated", value: "11.2" }, source: quote("Mean age was 41.3 ± 11.2 years") },
      { kind: "mean", id: "phq9-therapy-baseline", instrument: "phq-9", group: "therapy", timepoint: "baseline", mean: "15.2", dispersion: { kind: "unstated", value: "3.1" }, source: quote("15.2 ± 3.1 (therapy)") },
      { kind: "mean", id: "phq9-wait-list-baseline", instrument: "phq-9", group: "wait-list", timepoint: "baseline", mean: "14.9", dispersion: { kind: "unstated", value: "3.4" }, source: quote("14.9 ± 3.4 (wait list)") },
      { kind: "mean", id: "phq9-therapy-week-8", instrument: "phq-9", group: "therapy", timepoint: "week-8", mean: "9.6", dispersion: { kind: "sd", value: "4.2" }, n: 22, source: quote("9.6 (SD 4.2)") },
      { kind: "mean", id: "phq9-wait-list-week-8", instrument: "phq-9", group: "wait-list", timepoint: "week-8", mean: "13.1", dispersion: { kind: "sd", value: "4.0" }, n: 22, source: quote("13.1 (SD 4.0)") },
      { kind: "mean-change", id: "phq9-therapy-change", instrument: "phq-9", group: "therapy", from: "baseline", to: "week-8", change: "-5.6", ci: { level: "95", lower: "-7.4", upper: "-3.8" }, n: 22, source: quote("−5.6 (95% CI −7.4 to −3.8)") },
      {
        kind: "test", id: "phq9-week-8-t", method: "t-test", statistic: { name: "t", value: "2.83", df: ["42"] }, p: { relation: "=", value: "0.007" },
        comparison: "between-groups", instrument: "phq-9", groups: ["therapy", "wait-list"], timepoints: ["week-8"], about: ["phq9-therapy-week-8", "phq9-wait-list-week-8"],
        source: quote("t(42) = 2.83, p = .007"),
      },
      { kind: "median", id: "sessions-therapy", variable: "sessions", group: "therapy", median: "7", spread: [{ kind: "iqr", lower: "5", upper: "8" }], source: quote("Median sessions attended were 7 (IQR 5–8)") },
      { kind: "proportion", id: "response-therapy", outcome: "response (a 50% reduction)", instrument: "phq-9", group: "therapy", timepoint: "week-8", count: 11, denominator: 22, percent: "50", source: quote("11/22 (50%) with therapy") },
      { kind: "proportion", id: "response-wait-list", outcome: "response (a 50% reduction)", instrument: "phq-9", group: "wait-list", timepoint: "week-8", count: 3, denominator: 22, percent: "13.6", source: quote("3/22 (13.6%) on the wait list") },
      {
        kind: "effect", id: "response-or", measure: "odds-ratio", estimate: "6.33", ci: { level: "95", lower: "1.48", upper: "27.1" }, p: { relation: "=", value: "0.013" },
        outcome: "response (a 50% reduction)", groups: ["therapy", "wait-list"], timepoint: "week-8", source: quote("OR 6.33 (95% CI 1.48 to 27.1), p = .013"),
      },
    ],
    claims: [{ id: "therapy-better", type: "significance", about: ["phq-9"], testReported: true, source: quote("The between-group difference at week 8 was significant") }],
    limitationsStated: [],
  };
}
