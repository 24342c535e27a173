import { seedJson, studyA } from "./fixtures.js";

/*
 * Valid study files of the kinds the red team used (issue 15), built from study A so every other
 * field stays valid: many large compositions, composition ids that clash with column names the tool
 * uses, two compositions of one variable, hostile text in every free-text field.
 */

interface CompositionSpec {
  id: string;
  variable: string;
  counts: number[];
  labels?: string[];
}

/** Study A with its compositions replaced: n people, one composition per spec (exclusive, counts given). */
export function studyWithCompositions(n: number, specs: CompositionSpec[], id = "hostile-compositions"): any {
  const study = seedJson(studyA);
  study.id = id;
  study.design.sampleSize.value = n;
  study.design.arms[0].size.value = n;
  const source = study.reported[0].categories[0].source;
  const compositions = specs.map((spec) => ({
    kind: "composition",
    id: spec.id,
    variable: spec.variable,
    group: "all",
    n: { value: n, source },
    categoriesAre: "exclusive",
    categories: spec.counts.map((count, index) => ({ id: `${spec.id}-c${index + 1}`, label: spec.labels?.[index] ?? `${spec.variable} ${index + 1}`, count, source })),
  }));
  study.reported = [...compositions, ...study.reported.filter((value: { kind: string }) => value.kind !== "composition")];
  delete study.$schema;
  return study;
}

/** The red team's slow study: n = 200 with two 5-category compositions of 40 each. */
export function bigCompositionsStudy(): any {
  return studyWithCompositions(200, [
    { id: "alpha", variable: "alpha", counts: [40, 40, 40, 40, 40] },
    { id: "beta", variable: "beta", counts: [40, 40, 40, 40, 40] },
  ], "big-compositions");
}

/** Compositions whose ids are the names of columns the tool adds (id, dataset, label, arm) and two of one variable. */
export function clashingColumnsStudy(): any {
  return studyWithCompositions(20, [
    { id: "id", variable: "sex", counts: [11, 9], labels: ["female", "male"] },
    { id: "dataset", variable: "sex", counts: [9, 11], labels: ["least", "least"] },
    { id: "label", variable: "group", counts: [10, 10] },
    { id: "arm", variable: "arm", counts: [20] },
  ], "clashing-columns");
}

/** Text that tries to break out of Markdown and drive a terminal. */
export const HOSTILE_TITLE = "Study\n~~~\n# Fake heading\n\u001b[2J\u001b[HALL CHECKS CONSISTENT\r\n```\n> quote\n| a | b |\n- item\n1. one\n    code\u202eevil";

/** Study A with hostile text in its title, description, arm and timepoint labels and a category label. */
export function hostileTextStudy(text = HOSTILE_TITLE): any {
  const study = seedJson(studyA);
  study.id = "hostile-text";
  study.title = text;
  study.source.description = text;
  study.design.arms[0].label = text;
  study.design.timepoints[0].label = text;
  study.reported[0].categories[0].label = text;
  delete study.$schema;
  return study;
}
