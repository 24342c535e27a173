import * as z from "zod";
import { closureBounds, valueAt, type ClosureBounds, type ClosureInput } from "./closure-bounds.js";
import { ClosureCursor } from "./closure.js";
import { hornsIndex } from "./horns.js";

/** Summary of a CLOSURE enumeration (unsum's `metrics_main`, `metrics_horns` and `frequency`). */
export const ClosureSummary = z
  .object({
    count: z.number().int().nonnegative().meta({ description: "Samples visited (all of them unless `complete` is false)." }),
    complete: z.boolean().meta({ description: "False when a limit stopped the enumeration early." }),
    values: z.number().int().nonnegative().meta({ description: "count × n." }),
    horns: z
      .object({ mean: z.number(), min: z.number(), max: z.number(), sd: z.number(), uniform: z.number() })
      .nullable()
      .meta({ description: "Horns index over the samples (population variance / ¼(max − min)²); `uniform` is the index of a flat distribution on the scale." }),
    frequency: z
      .array(z.object({ value: z.number().int(), count: z.number().int().nonnegative(), share: z.number() }))
      .meta({ description: "How often each scale value occurs across all samples, and its share of all values." }),
  })
  .strict()
  .meta({ id: "ClosureSummary" });
export type ClosureSummary = z.infer<typeof ClosureSummary>;

/** Options of `summarizeClosure`. */
export interface SummarizeOptions {
  /** Stop after this many samples. */
  limit?: number;
  /** Called with each sample's counts (array reused: copy to keep). */
  onSample?: (frequencies: Int32Array, index: number) => void;
  /**
   * Asked before the first sample, every 65,536 samples and every 65,536 steps of the walk whether to
   * stop early (e.g. a time budget kept by the caller: this module reads no clock, so its results
   * stay deterministic), so a walk that finds few samples is still stopped.
   */
  stop?: (visited: number) => boolean;
}

/**
 * Enumerates the CLOSURE samples once, in constant memory, and summarises them: count, horns index
 * (mean, min, max, SD) and the frequency of each scale value across samples.
 *
 * Why: unsum reports these metrics so a reader sees at a glance which shapes of data fit.
 * Reference: unsum `closure_generate()` (Jung, https://github.com/lhdjung/unsum).
 * @param input reported mean and SD as strings, n, scale min/max, optional rounding errors and restrictions
 * @param options `limit` and `stop` (stop early) and `onSample` (stream each sample out)
 * @throws {CohortError} on impossible arguments
 * @example
 * summarizeClosure({ mean: "2.0", sd: "1.0", n: 3, min: 1, max: 3 }).count; // => 1
 */
export function summarizeClosure(input: ClosureInput | ClosureBounds, options: SummarizeOptions = {}): ClosureSummary {
  const bounds = "counts" in input && "sumLow" in input ? input : closureBounds(input as ClosureInput);
  const stop = options.stop;
  const cursor = new ClosureCursor(bounds, stop && (() => stop(count)));
  const limit = options.limit ?? Infinity;
  const totals = new Float64Array(bounds.points);
  let count = 0;
  let hornsSum = 0;
  let hornsSquares = 0;
  let hornsMin = Infinity;
  let hornsMax = -Infinity;
  let complete = true;
  for (;;) {
    if (count >= limit || ((count & 0xffff) === 0 && options.stop?.(count) === true)) {
      complete = !cursor.next();
      break;
    }
    if (!cursor.next()) {
      complete = !cursor.stopped;
      break;
    }
    const frequencies = cursor.frequencies;
    for (let index = 0; index < frequencies.length; index++) totals[index] = (totals[index] as number) + (frequencies[index] as number);
    const horns = hornsIndex(frequencies, bounds.min, bounds.max);
    hornsSum += horns;
    hornsSquares += horns * horns;
    if (horns < hornsMin) hornsMin = horns;
    if (horns > hornsMax) hornsMax = horns;
    options.onSample?.(frequencies, count);
    count++;
  }
  const values = count * bounds.n;
  const mean = count > 0 ? hornsSum / count : 0;
  return {
    count,
    complete,
    values,
    horns:
      count === 0
        ? null
        : {
            mean,
            min: hornsMin,
            max: hornsMax,
            sd: count > 1 ? Math.sqrt(Math.max(0, (hornsSquares - count * mean * mean) / (count - 1))) : 0,
            uniform: hornsIndex(new Array(bounds.points).fill(1), bounds.min, bounds.max),
          },
    frequency: Array.from(totals, (total, index) => ({ value: valueAt(bounds, index), count: total, share: values > 0 ? total / values : 0 })),
  };
}
