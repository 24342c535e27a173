import type { Arm, ArmRole, Study } from "../schema/study.js";
import { listWords } from "./limit-rules.js";

/*
 * What the design fields say, in words taken from the study file only: arms by role, what was
 * measured, who gave what. Every limit's wording goes through these, so a sentence about a study
 * names nothing its file does not record.
 */

/** Roles of comparison arms that receive no active treatment of the kind studied. */
export const INACTIVE_ROLES: ReadonlySet<ArmRole> = new Set(["placebo", "sham", "usual-care", "wait-list", "no-treatment"]);

/** Words for each arm role. */
export const ROLE_WORDS: Record<ArmRole, string> = {
  experimental: "experimental arm",
  "active-comparator": "active comparator",
  placebo: "placebo",
  sham: "sham",
  "usual-care": "usual care",
  "wait-list": "wait list",
  "no-treatment": "no-treatment",
  other: "other arm",
};

/** Whether any arm carries a role (older files may leave roles out). */
export const rolesGiven = (study: Study): boolean => study.design.arms.some((arm) => arm.role !== undefined);

/** Comparison arms given no active treatment (placebo, sham, usual care, wait list, none). */
export function inactiveControlArms(study: Study): Arm[] {
  return study.design.arms.filter((arm) => arm.role !== undefined && INACTIVE_ROLES.has(arm.role));
}

/**
 * Whether the study has a comparison with no active treatment: from the arms' roles when given,
 * else from the `controlGroup` field.
 */
export function hasInactiveControl(study: Study): boolean {
  if (rolesGiven(study)) return inactiveControlArms(study).length > 0;
  return study.design.controlGroup.value === "yes" && study.design.arms.length >= 2;
}

/** Whether an arm's intervention is recorded as a drug (its type, or a named drug). */
export const isDrugArm = (arm: Arm): boolean => arm.intervention?.type === "drug" || arm.intervention?.drug !== undefined;

/** Whether an arm gives nothing active (wait list, no treatment, placebo or sham, an intervention of type none or placebo, or no intervention recorded for a group nobody assigned). */
export const isUntreatedArm = (arm: Arm): boolean =>
  arm.role === "wait-list" || arm.role === "no-treatment" || arm.role === "placebo" || arm.role === "sham" || arm.intervention === undefined || arm.intervention.type === "none" || arm.intervention.type === "placebo";

/**
 * Whether the study's groups were not assigned by anyone: its allocation is `not-applicable`, or every
 * arm is defined by an exposure or an outcome (`definedBy`) with no intervention recorded. Such groups
 * are compared, not treated: nothing about who was put where, or what each group received, applies.
 */
export function groupsNotAssigned(study: Study): boolean {
  if (study.design.arms.length < 2) return false;
  return study.design.allocation.value === "not-applicable" || study.design.arms.every((arm) => arm.definedBy !== undefined && arm.intervention === undefined);
}

/** "170 died in hospital and 1078 discharged alive": each group's size and what defines it, in the file's words. */
export function definedGroupWords(study: Study): string {
  return listWords(study.design.arms.map((arm) => `${arm.size.value} ${arm.definedBy?.value ?? arm.label}`));
}

/**
 * What the study compares, in neutral words that hold for any intervention (a drug, a programme, a
 * device, advice): "the intervention studied" with one active arm, "the interventions compared" with
 * several, "what defines the groups" for groups nobody assigned.
 */
export function interventionWords(study: Study): string {
  if (groupsNotAssigned(study)) return "what defines the groups";
  const active = study.design.arms.filter((arm) => !isUntreatedArm(arm));
  return active.length >= 2 ? "the interventions compared" : "the intervention studied";
}

/** The arms' labels with sizes: "group therapy (24) and a wait list (24)". */
export function armWords(study: Study): string {
  return listWords(study.design.arms.map((arm) => `${arm.label} (${arm.size.value})`));
}

/** Timepoints in order. */
export function orderedTimepoints(study: Study) {
  return [...study.design.timepoints].sort((a, b) => a.order - b.order);
}
