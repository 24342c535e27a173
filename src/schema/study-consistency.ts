import type * as z from "zod";
import type { ReportedValue } from "./reported-value.js";

/*
 * Cross-field rules of a study file that a field-by-field schema cannot express. They run as the
 * Study schema's superRefine, so every problem is reported with its JSON path like any other.
 * Only impossibilities are errors here (a count above its n, an unknown arm); numbers that are
 * possible but suspicious are findings of `cohort check`, not validation errors.
 */

interface StudyParts {
  design: {
    sampleSize: { value: number; derivedFrom?: "arm-sizes" };
    arms: Array<{ id: string; size: { value: number } }>;
    timepoints: Array<{ id: string; order: number }>;
    acknowledgedDiscrepancy?: string | undefined;
  };
  instruments: Array<{ ref: string }>;
  variables: Array<{ id: string; label: string; min?: number | undefined; max?: number | undefined }>;
  reported: ReportedValue[];
  claims: Array<{ id: string; group?: string | undefined }>;
  limitationsStated: Array<{ id: string }>;
}

export function checkStudyConsistency(study: StudyParts, context: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => context.addIssue({ code: "custom", path, message });
  const { design } = study;

  duplicates(design.arms.map((arm) => arm.id)).forEach((index) => issue(["design", "arms", index, "id"], `duplicate arm id "${design.arms[index]?.id}"`));
  duplicates(design.timepoints.map((timepoint) => timepoint.id)).forEach((index) => issue(["design", "timepoints", index, "id"], `duplicate timepoint id "${design.timepoints[index]?.id}"`));
  duplicates(design.timepoints.map((timepoint) => String(timepoint.order))).forEach((index) => issue(["design", "timepoints", index, "order"], `two timepoints share order ${design.timepoints[index]?.order}`));
  duplicates(study.instruments.map((instrument) => instrument.ref)).forEach((index) => issue(["instruments", index, "ref"], `instrument "${study.instruments[index]?.ref}" is listed twice`));
  duplicates(study.variables.map((variable) => variable.id)).forEach((index) => issue(["variables", index, "id"], `variable "${study.variables[index]?.id}" is listed twice`));
  if (design.arms.some((arm) => arm.id === "all")) issue(["design", "arms"], `"all" is reserved for the whole sample and cannot be an arm id`);

  // Reported values, claims and stated limitations share one id namespace: checks and reports cite them by id.
  const ids = [
    ...study.reported.map((value, index) => ({ id: value.id, path: ["reported", index, "id"] })),
    ...study.claims.map((claim, index) => ({ id: claim.id, path: ["claims", index, "id"] })),
    ...study.limitationsStated.map((limitation, index) => ({ id: limitation.id, path: ["limitationsStated", index, "id"] })),
  ];
  duplicates(ids.map((entry) => entry.id)).forEach((index) => issue(ids[index]!.path, `duplicate id "${ids[index]!.id}" (ids of reported values, claims and limitations must be unique)`));

  const armTotal = design.arms.reduce((total, arm) => total + arm.size.value, 0);
  if (design.sampleSize.derivedFrom === "arm-sizes") {
    if (armTotal !== design.sampleSize.value) issue(["design", "sampleSize", "value"], `a total derived from the arm sizes must be their sum, ${armTotal}; received ${design.sampleSize.value}`);
  } else if (armTotal !== design.sampleSize.value && !design.acknowledgedDiscrepancy) {
    issue(["design", "arms"], `arm sizes add up to ${armTotal} but the sample size is ${design.sampleSize.value}; fix the numbers, or set design.acknowledgedDiscrepancy if the source really reports them so`);
  }

  const groups = new Set(["all", ...design.arms.map((arm) => arm.id)]);
  const groupSize = (group: string) => (group === "all" ? design.sampleSize.value : design.arms.find((arm) => arm.id === group)?.size.value);
  const timepoints = new Set(design.timepoints.map((timepoint) => timepoint.id));
  const instruments = new Set(study.instruments.map((instrument) => instrument.ref));
  const variables = new Set(study.variables.map((variable) => variable.id));
  const reportedIds = new Set(study.reported.map((value) => value.id));
  const knownList = (set: Set<string>) => [...set].map((item) => `"${item}"`).join(", ") || "none";

  study.reported.forEach((value, index) => {
    const at = (...rest: PropertyKey[]) => ["reported", index, ...rest];
    const checkGroup = (group: string, path: PropertyKey[]) => {
      if (!groups.has(group)) issue(path, `unknown group "${group}"; expected "all" or an arm id (${knownList(groups)})`);
    };
    const checkTimepoint = (timepoint: string | undefined, path: PropertyKey[]) => {
      if (timepoint !== undefined && !timepoints.has(timepoint)) issue(path, `unknown timepoint "${timepoint}" (defined: ${knownList(timepoints)})`);
    };
    const checkWithinGroup = (count: number | undefined, group: string, path: PropertyKey[], what: string) => {
      const size = groupSize(group);
      if (count !== undefined && size !== undefined && count > size) issue(path, `${what} ${count} exceeds the size of group "${group}" (${size})`);
    };
    if ("group" in value) checkGroup(value.group, at("group"));
    if ("groups" in value && value.groups) value.groups.forEach((group, groupIndex) => checkGroup(group, at("groups", groupIndex)));
    if ("instrument" in value && value.instrument !== undefined && !instruments.has(value.instrument)) {
      issue(at("instrument"), `unknown instrument "${value.instrument}"; list it under "instruments" first (listed: ${knownList(instruments)})`);
    }
    // A composition's `variable` is its own label (sex, diagnosis); every other kind's names a defined variable.
    const measureVariable = value.kind !== "composition" && "variable" in value ? value.variable : undefined;
    if (measureVariable !== undefined && !variables.has(measureVariable)) {
      issue(at("variable"), `unknown variable "${measureVariable}"; define it under "variables" first (defined: ${knownList(variables)})`);
    }
    // A mean, median or entry bound cannot leave the range its variable declares.
    const variable = measureVariable !== undefined ? study.variables.find((entry) => entry.id === measureVariable) : undefined;
    const inRange = (reported: string, path: PropertyKey[], what: string) => {
      const number = Number(reported);
      if (variable?.min !== undefined && number < variable.min) issue(path, `${what} ${reported} is below the lowest possible ${variable.label} (${variable.min})`);
      if (variable?.max !== undefined && number > variable.max) issue(path, `${what} ${reported} is above the highest possible ${variable.label} (${variable.max})`);
    };
    if (variable && value.kind === "mean") inRange(value.mean, at("mean"), "mean");
    if (variable && value.kind === "median") inRange(value.median, at("median"), "median");
    if (variable && value.kind === "eligibility") inRange(value.value, at("value"), "entry bound");
    switch (value.kind) {
      case "mean":
      case "median":
        checkTimepoint(value.timepoint, at("timepoint"));
        checkWithinGroup(value.n, value.group, at("n"), "n");
        break;
      case "mean-change":
      case "percent-change":
        checkTimepoint(value.from, at("from"));
        checkTimepoint(value.to, at("to"));
        if (value.kind === "mean-change") checkWithinGroup(value.n, value.group, at("n"), "n");
        break;
      case "proportion":
        checkTimepoint(value.timepoint, at("timepoint"));
        if (value.denominator === undefined) checkWithinGroup(value.count, value.group, at("count"), "count");
        break;
      case "effect":
        checkTimepoint(value.timepoint, at("timepoint"));
        (value.about ?? []).forEach((id, aboutIndex) => {
          if (!reportedIds.has(id)) issue(at("about", aboutIndex), `unknown reported value "${id}"; \`about\` lists ids of this study's reported values`);
        });
        break;
      case "sample-flow":
        checkTimepoint(value.timepoint, at("timepoint"));
        break;
      case "test":
        (value.timepoints ?? []).forEach((timepoint, timepointIndex) => checkTimepoint(timepoint, at("timepoints", timepointIndex)));
        (value.about ?? []).forEach((id, aboutIndex) => {
          if (!reportedIds.has(id)) issue(at("about", aboutIndex), `unknown reported value "${id}"; \`about\` lists ids of this study's reported values`);
        });
        break;
      case "band-shift":
        if (value.from) checkTimepoint(value.from.timepoint, at("from", "timepoint"));
        checkTimepoint(value.to.timepoint, at("to", "timepoint"));
        break;
      case "composition": {
        const n = value.n.value;
        const size = groupSize(value.group);
        // Fewer is possible (a composition of those analysed); more is not.
        if (size !== undefined && n > size) issue(at("n", "value"), `the composition's n (${n}) exceeds the size of group "${value.group}" (${size})`);
        duplicates(value.categories.map((category) => category.id)).forEach((categoryIndex) => issue(at("categories", categoryIndex, "id"), `duplicate category id "${value.categories[categoryIndex]?.id}"`));
        value.categories.forEach((category, categoryIndex) => {
          if (category.count !== undefined && category.count > n) issue(at("categories", categoryIndex, "count"), `count ${category.count} exceeds n = ${n}`);
        });
        const counts = value.categories.map((category) => category.count);
        if (value.categoriesAre === "exclusive" && counts.every((count) => count !== undefined) && !value.acknowledgedDiscrepancy) {
          const total = counts.reduce((sum: number, count) => sum + (count ?? 0), 0);
          if (value.allCategoriesListed !== false && total !== n) issue(at("categories"), `exclusive category counts add up to ${total}, not n = ${n}; fix the counts, mark the categories "overlapping", set allCategoriesListed: false if the source names only some categories, or set acknowledgedDiscrepancy if the source really reports them so`);
          if (value.allCategoriesListed === false && total > n) issue(at("categories"), `exclusive category counts add up to ${total}, more than n = ${n}; fix the counts, mark the categories "overlapping", or set acknowledgedDiscrepancy if the source really reports them so`);
        }
        break;
      }
      case "eligibility":
        break;
    }
  });

  // One count per stage, group and timepoint: two different numbers for the same stage cannot both be the count.
  const flowKeys = study.reported.map((value) => (value.kind === "sample-flow" ? `${value.group}\u0000${value.stage}\u0000${value.timepoint ?? ""}` : `\u0001${value.id}`));
  duplicates(flowKeys).forEach((index) => {
    const value = study.reported[index] as Extract<ReportedValue, { kind: "sample-flow" }>;
    issue(["reported", index, "stage"], `group "${value.group}" already has a "${value.stage}" count${value.timepoint ? ` at "${value.timepoint}"` : ""}; quote the other in alsoQuoted if the source repeats it`);
  });

  study.claims.forEach((claim, index) => {
    if (claim.group !== undefined && !groups.has(claim.group)) issue(["claims", index, "group"], `unknown group "${claim.group}"; expected "all" or an arm id (${knownList(groups)})`);
  });
}

/** Indices of the entries that repeat an earlier one. */
function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}
