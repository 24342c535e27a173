import type { Study } from "../../schema/study.js";

/** A set of patients that reported values refer to: the whole sample (`all`) or one arm. */
export interface PatientGroup {
  id: string;
  size: number;
  /** Row indices (0-based) of this group's patients in a reconstruction. */
  patients: number[];
}

/**
 * The study's groups: patients are numbered arm by arm in the order the study lists its arms, and
 * `all` is every patient. The sample size is the sum of the arm sizes.
 *
 * @param study a validated study
 * @example
 * studyGroups(studyB).arms.map((a) => a.patients.length); // => [5, 5]
 */
export function studyGroups(study: Study): { all: PatientGroup; arms: PatientGroup[] } {
  let next = 0;
  const arms = study.design.arms.map((arm) => {
    const patients = Array.from({ length: arm.size.value }, () => next++);
    return { id: arm.id, size: arm.size.value, patients };
  });
  return { all: { id: "all", size: next, patients: Array.from({ length: next }, (_, i) => i) }, arms };
}
