import { describe, expect, it } from "vitest";
import { inferenceOverReconstructions } from "../../src/inference/over-reconstructions.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { inferenceOverReconstructionsOffThread } from "../../src/report/over-reconstructions-off-thread.js";
import { studyB } from "../helpers/fixtures.js";

describe("inferenceOverReconstructionsOffThread", () => {
  it("gives exactly the result of the same call on the main thread", async () => {
    const instruments = loadInstruments();
    const study = loadStudy(studyB, instruments);
    const options = { seed: 7, perScenario: 2 };
    // Second method: the direct call in this thread.
    expect(await inferenceOverReconstructionsOffThread(study, instruments, options)).toEqual(inferenceOverReconstructions(study, instruments, options));
  });
});
