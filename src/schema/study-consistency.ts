import type * as z from "zod";

/*
 * Cross-field rules of a study file that a field-by-field schema cannot express. They run as the
 * Study schema's superRefine, so every problem is reported with its JSON path like any other.
 * The shape is typed loosely on purpose: this runs on already-parsed fields of the Study schema.
 */

interface Sourced { source?: unknown }
interface LooseStudy {
  design: {
    sampleSize: { value: number };
    arms: Array<{ id: string; size: { value: number } }>;
    timepoints: Array<{ id: string; order: number }>;
    acknowledgedDiscrepancy?: string | undefined;
  };
  instruments: Array<{ ref: string }>;
  reported: Array<Sourced & {
    kind: string; id: string; group: string; instrument?: string; timepoint?: string; from?: unknown; to?: unknown;
    n?: unknown; categories?: Array<{ id: string; count?: number | undefined }>; categoriesAre?: string; acknowledgedDiscrepancy?: string | undefined;
  }>;
  claims: Array<{ id: string; group?: string | undefined }>;
  limitationsStated: Array<{ id: string }>;
}

export function checkStudyConsistency(study: LooseStudy, context: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => context.addIssue({ code: "custom", path, message });
  const { design } = study;

  duplicates(design.arms.map((arm) => arm.id)).forEach((index) => issue(["design", "arms", index, "id"], `duplicate arm id "${design.arms[index]?.id}"`));
  duplicates(design.timepoints.map((timepoint) => timepoint.id)).forEach((index) => issue(["design", "timepoints", index, "id"], `duplicate timepoint id "${design.timepoints[index]?.id}"`));
  duplicates(design.timepoints.map((timepoint) => String(timepoint.order))).forEach((index) => issue(["design", "timepoints", index, "order"], `two timepoints share order ${design.timepoints[index]?.order}`));
  duplicates(study.instruments.map((instrument) => instrument.ref)).forEach((index) => issue(["instruments", index, "ref"], `instrument "${study.instruments[index]?.ref}" is listed twice`));
  if (design.arms.some((arm) => arm.id === "all")) issue(["design", "arms"], `"all" is reserved for the whole sample and cannot be an arm id`);

  // Reported values, claims and stated limitations share one id namespace: checks and reports cite them by id.
  const ids = [
    ...study.reported.map((value, index) => ({ id: value.id, path: ["reported", index, "id"] })),
    ...study.claims.map((claim, index) => ({ id: claim.id, path: ["claims", index, "id"] })),
    ...study.limitationsStated.map((limitation, index) => ({ id: limitation.id, path: ["limitationsStated", index, "id"] })),
  ];
  duplicates(ids.map((entry) => entry.id)).forEach((index) => issue(ids[index]!.path, `duplicate id "${ids[index]!.id}" (ids of reported values, claims and limitations must be unique)`));

  const armTotal = design.arms.reduce((total, arm) => total + arm.size.value, 0);
  if (armTotal !== design.sampleSize.value && !design.acknowledgedDiscrepancy) {
    issue(["design", "arms"], `arm sizes add up to ${armTotal} but the sample size is ${design.sampleSize.value}; fix the numbers, or set design.acknowledgedDiscrepancy if the source really reports them so`);
  }

  const groups = new Set(["all", ...design.arms.map((arm) => arm.id)]);
  const groupSize = (group: string) => (group === "all" ? design.sampleSize.value : design.arms.find((arm) => arm.id === group)?.size.value);
  const timepoints = new Set(design.timepoints.map((timepoint) => timepoint.id));
  const instruments = new Set(study.instruments.map((instrument) => instrument.ref));
  const knownList = (set: Set<string>) => [...set].map((item) => `"${item}"`).join(", ") || "none";

  study.reported.forEach((value, index) => {
    const at = (...rest: PropertyKey[]) => ["reported", index, ...rest];
    if (!groups.has(value.group)) issue(at("group"), `unknown group "${value.group}"; expected "all" or an arm id (${knownList(groups)})`);
    if (value.instrument !== undefined && !instruments.has(value.instrument)) issue(at("instrument"), `unknown instrument "${value.instrument}"; list it under "instruments" first (listed: ${knownList(instruments)})`);
    const checkTimepoint = (timepoint: unknown, path: PropertyKey[]) => {
      if (typeof timepoint === "string" && !timepoints.has(timepoint)) issue(path, `unknown timepoint "${timepoint}" (defined: ${knownList(timepoints)})`);
    };
    if (value.kind === "mean") checkTimepoint(value.timepoint, at("timepoint"));
    if (value.kind === "percent-change") {
      checkTimepoint(value.from, at("from"));
      checkTimepoint(value.to, at("to"));
    }
    if (value.kind === "band-shift") {
      const point = (end: unknown) => (end && typeof end === "object" ? (end as { timepoint?: unknown }).timepoint : undefined);
      if (value.from) checkTimepoint(point(value.from), at("from", "timepoint"));
      checkTimepoint(point(value.to), at("to", "timepoint"));
    }
    if (value.kind === "composition") {
      const n = (value.n as { value: number }).value;
      const size = groupSize(value.group);
      if (size !== undefined && n !== size) issue(at("n", "value"), `the composition's n (${n}) differs from the size of group "${value.group}" (${size})`);
      const categories = value.categories ?? [];
      duplicates(categories.map((category) => category.id)).forEach((categoryIndex) => issue(at("categories", categoryIndex, "id"), `duplicate category id "${categories[categoryIndex]?.id}"`));
      categories.forEach((category, categoryIndex) => {
        if (category.count !== undefined && category.count > n) issue(at("categories", categoryIndex, "count"), `count ${category.count} exceeds n = ${n}`);
      });
      const counts = categories.map((category) => category.count);
      if (value.categoriesAre === "exclusive" && counts.every((count) => count !== undefined) && !value.acknowledgedDiscrepancy) {
        const total = counts.reduce((sum: number, count) => sum + (count ?? 0), 0);
        if (total !== n) issue(at("categories"), `exclusive category counts add up to ${total}, not n = ${n}; fix the counts, mark the categories "overlapping", or set acknowledgedDiscrepancy if the source really reports them so`);
      }
    }
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
