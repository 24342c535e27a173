import type { InferenceOverReconstructions, OverReconstructionOptions } from "../inference/over-reconstructions.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Study } from "../schema/study.js";
import { prewarmOffThread, runOffThread } from "./run-off-thread.js";

const MODULE = new URL("../inference/over-reconstructions.ts", import.meta.url);

/**
 * `inferenceOverReconstructions` (src/inference) run in a worker thread: the same result, computed
 * beside the rest of the report instead of before it (it is the longest step of `npm run reports`).
 *
 * @param study a validated study
 * @param instruments the instrument registry
 * @param options seed, reconstructions per scenario, spreads, alpha
 * @throws CohortError as inferenceOverReconstructions throws it
 * @example
 * (await inferenceOverReconstructionsOffThread(studyA, instruments, { seed: 1 })).studyId; // => "ketamine-im-substance-misuse"
 */
export function inferenceOverReconstructionsOffThread(study: Study, instruments: InstrumentRegistry, options: OverReconstructionOptions = {}): Promise<InferenceOverReconstructions> {
  return runOffThread<InferenceOverReconstructions>(MODULE, "inferenceOverReconstructions", [study, instruments, options]);
}

/** Has the worker load the inference modules now (see prewarmOffThread), before they are needed. */
export function prewarmInferenceOverReconstructions(): void {
  prewarmOffThread(MODULE);
}
