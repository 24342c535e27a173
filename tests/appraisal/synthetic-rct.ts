/**
 * A user's study built from scratch for the tests: a randomised, double-blind, placebo-controlled
 * trial with 100 per arm, consecutive sampling, reported follow-up and completion, doses, means with
 * SDs and tests, and a difference between arms above the PHQ-9's minimal important change. Arms
 * carry no roles (the older form), so the comparison is read from `controlGroup`. Its quotes point
 * at an imaginary "rct.txt" (the register reads no document unless the study declares sections).
 */
export function syntheticRct(): any {
  const quote = (text: string) => ({ file: "rct.txt", quote: text });
  const arm = (id: string, label: string, drug: string) => ({
    id,
    label,
    size: { value: 100, source: quote(`100 patients were randomised to ${label}`) },
    intervention: {
      description: { value: label, source: quote(`${label} once weekly`) },
      drug,
      dose: { value: "0.5", unit: "mg/kg", source: quote("0.5 mg/kg") },
      route: { value: "intravenous", source: quote("intravenous") },
      schedule: { value: "weekly for 8 weeks", source: quote("once weekly for 8 weeks") },
      coInterventions: [],
    },
  });
  const mean = (id: string, group: string, timepoint: string, value: string, sd: string) => ({
    kind: "mean", id, instrument: "phq-9", group, timepoint, mean: value, dispersion: { kind: "sd", value: sd }, source: quote(`PHQ-9 ${value} (SD ${sd})`),
  });
  return {
    id: "synthetic-rct",
    title: "A synthetic randomised controlled trial",
    citation: { title: "Synthetic RCT", date: "2025" },
    source: { file: "rct.txt", kind: "article", description: "A peer-reviewed trial report (synthetic)." },
    design: {
      type: { value: "trial", basis: "stated", source: quote("a randomised controlled trial") },
      sampling: { value: "consecutive", basis: "stated", source: quote("consecutive eligible patients") },
      allocation: { value: "randomised", basis: "stated", source: quote("randomised 1:1 by computer") },
      controlGroup: { value: "yes", basis: "stated", source: quote("placebo") },
      blinding: { value: "double", basis: "stated", source: quote("double-blind") },
      sampleSize: { value: 200, source: quote("200 patients") },
      arms: [arm("drug", "active drug", "ketamine"), arm("placebo", "saline placebo", "saline")],
      timepoints: [
        { id: "baseline", label: "Baseline", order: 0 },
        { id: "week-8", label: "Week 8", order: 8 },
      ],
      followUp: { value: "reported", basis: "stated", source: quote("followed for 8 weeks") },
      outcomeAssessment: { value: "self-report", basis: "stated", source: quote("self-reported PHQ-9") },
    },
    instruments: [{ ref: "phq-9", measures: "depression", source: quote("PHQ-9") }],
    reported: [
      {
        kind: "composition", id: "sex", variable: "sex", group: "all", categoriesAre: "exclusive",
        n: { value: 200, source: quote("200 patients") },
        categories: [
          { id: "female", label: "female", count: 104, source: quote("104 women") },
          { id: "male", label: "male", count: 96, source: quote("96 men") },
        ],
      },
      mean("drug-baseline", "drug", "baseline", "16.20", "3.10"),
      mean("drug-week-8", "drug", "week-8", "9.80", "4.40"),
      mean("placebo-baseline", "placebo", "baseline", "16.00", "3.30"),
      mean("placebo-week-8", "placebo", "week-8", "15.10", "4.20"),
      { kind: "sample-flow", id: "completed-drug", group: "drug", stage: "completed", timepoint: "week-8", count: 100, source: quote("all 100 completed") },
      { kind: "sample-flow", id: "completed-placebo", group: "placebo", stage: "completed", timepoint: "week-8", count: 100, source: quote("all 100 completed") },
    ],
    claims: [
      { id: "primary-significant", type: "significance", about: ["phq-9"], testReported: true, source: quote("t(198) = 3.79, p < .001") },
      { id: "drug-better", type: "comparison", about: ["phq-9"], testReported: true, source: quote("mean difference 5.3 (95% CI 4.1 to 6.5)") },
    ],
    limitationsStated: [],
  };
}
