import type { Recogniser } from "./build-statistic.js";
import { cellIntervals } from "./cell-interval.js";
import { intervalEstimates } from "./interval-estimate.js";

/**
 * An effect estimate with its interval: "OR 1.8 (95% CI 1.1–2.9)", "mean difference −2.1 (95% CI −3.4
 * to −0.8)", "HR = 0.72, 95% CI [0.55, 0.94]", "d = 0.45 (0.1 to 0.8)". The measure is the one named
 * right before the number (OR, RR, HR, RD, MD, SMD, d, g), else the nearest named in its clause
 * (flagged `measure-from-context`), else `other`.
 */
export const effectCi: Recogniser = {
  kind: "effect-ci",
  recognise: (context) => [...intervalEstimates(context), ...cellIntervals(context)].filter((statistic) => statistic.kind === "effect-ci"),
};
