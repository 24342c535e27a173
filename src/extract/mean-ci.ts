import type { Recogniser } from "./build-statistic.js";
import { cellIntervals } from "./cell-interval.js";
import { intervalEstimates } from "./interval-estimate.js";

/**
 * A mean with its confidence interval: "mean 5.2 (95% CI 4.1 to 6.3)", "M = 5.2, 95% CI [4.1, 6.3]",
 * "5.2 [95% CI 4.1, 6.3]" after "mean", and "5.2 (4.1–6.3)" when the sentence names the mean and the
 * CI earlier ("means (95% CI) were …", flagged `ci-from-context`).
 */
export const meanCi: Recogniser = {
  kind: "mean-ci",
  recognise: (context) => [...intervalEstimates(context), ...cellIntervals(context)].filter((statistic) => statistic.kind === "mean-ci"),
};
