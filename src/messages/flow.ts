/** Messages of the sample-flow checks (src/checks/sample-flow.ts). */

export const armsAddUp = (sum: number): string => `the arm sizes add up to the stated total, ${sum}`;

export const armsDoNotAddUp = (sum: number, total: number): string => `the arm sizes add up to ${sum}, but the stated total is ${total}`;

export const stagesInOrder = (group: string, comparisons: number): string =>
  `${group === "all" ? "whole sample" : group}: each reported stage holds no more people than an earlier one (${comparisons} comparison${comparisons === 1 ? "" : "s"})`;

export const stageExceeds = (group: string, later: { stage: string; count: number }, earlier: { stage: string; count: number }): string =>
  `${group === "all" ? "whole sample" : group}: ${later.count} ${later.stage.replace(/-/g, " ")} is more than the ${earlier.count} ${earlier.stage.replace(/-/g, " ")}`;

export const stageSum = (stage: string, sum: number, whole: number, complete: boolean, holds: boolean): string => {
  const name = stage.replace(/-/g, " ");
  if (complete) return holds ? `${name}: the arms' counts add up to the whole sample's ${whole}` : `${name}: the arms' counts add up to ${sum}, but the whole sample's is ${whole}`;
  return holds ? `${name}: the arms that report it hold ${sum} of the whole sample's ${whole} (the others are not reported)` : `${name}: the arms that report it already hold ${sum}, more than the whole sample's ${whole}`;
};
