import type { PercentChange } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import type { MeanPin } from "./chain-enumeration.js";

/**
 * The group means a study reports for a chain's group and instrument, each pinning its timepoint:
 * a chain anchored to a printed mean must reproduce it.
 *
 * @example
 * chainPins(studyB, psycholyticOverall); // => [] (study B reports no means)
 */
export function chainPins(study: Study, change: Pick<PercentChange, "instrument" | "group">): MeanPin[] {
  return study.reported.flatMap((v) => (v.kind === "mean" && v.instrument === change.instrument && v.group === change.group && v.timepoint !== undefined ? [{ timepoint: v.timepoint, mean: v.mean, id: v.id }] : []));
}
