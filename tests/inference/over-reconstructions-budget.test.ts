import { describe, expect, it } from "vitest";
import { CohortError, exitCodes } from "../../src/errors.js";
import { INFERENCE_WORK_BUDGET, inferenceOverReconstructions } from "../../src/inference/over-reconstructions.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import * as message from "../../src/messages/reconstruct-study.js";
import { studyWithCompositions } from "../helpers/hostile-studies.js";

const registry = loadInstruments();

describe("inferenceOverReconstructions under a work budget (red team finding 3, the reports' slowest step for large n)", () => {
  it("refuses study A's design with n = 300 before rebuilding hundreds of datasets, with the estimate", () => {
    // Study A's scenarios: 2 readings of "improved in all" × 3 NRS band conventions × (5 spreads × 12
    // datasets + 2 bracketing cases × 3) = 396 datasets (the README's figure for study A). Its three
    // band shifts (PHQ-9, NRS, SDS, each from before to after) give three signed-rank tests on the one
    // group of 300: 396 × 3 × 300³ = 3.2076e10 steps, above the budget.
    const study = parseStudy(studyWithCompositions(300, [{ id: "sex", variable: "sex", counts: [165, 135] }]), registry);
    let error: unknown;
    try {
      inferenceOverReconstructions(study, registry, { seed: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CohortError);
    expect((error as CohortError).exitCode).toBe(exitCodes.refused);
    expect((error as CohortError).problems[0]!.message).toBe(message.inferenceTooMuchWork(396 * 3 * 300 ** 3, INFERENCE_WORK_BUDGET, 396));
  });
});
