import { summarizeClosure } from "../reconstruct/closure-summary.js";
import type { ClosureBounds } from "../reconstruct/closure-bounds.js";
import { discardTarget, sampleWriterTo, type SampleFormat } from "../reconstruct/sample-writer.js";

/** Samples the up-front timing runs through the real enumeration and writer (about 1–3 % of a long run). */
const PROBE_SAMPLES = 20_000;

/**
 * Samples per second of this run's pipeline (enumeration, summary and, when writing, the writer into
 * a sink that keeps nothing) timed on this machine over its first samples. The CLI, not the library,
 * reads the clock. Disk speed is not in it: the writer outruns the disks this was measured on.
 *
 * @param bounds the enumeration's bounds
 * @param format the output format, or undefined when nothing is written
 */
export function measureSamplesPerSecond(bounds: ClosureBounds, format: SampleFormat | undefined): number {
  const writer = format === undefined ? undefined : sampleWriterTo(discardTarget(), format, bounds, {});
  const start = performance.now();
  const { count } = summarizeClosure(bounds, { limit: PROBE_SAMPLES, onSample: writer ? (frequencies) => writer.write(frequencies) : undefined });
  writer?.commit();
  const seconds = Math.max(1e-6, (performance.now() - start) / 1000);
  return count / seconds;
}

/** Reports a long enumeration's progress on stderr. */
export interface Progress {
  /** Called with the samples done so far (cheap: it reads the clock every 65,536 samples only). */
  tick(done: number): void;
  end(): void;
}

/**
 * Progress on stderr, once a run has taken a second: for people (stderr a terminal) one line updated in
 * place with samples done, percent, elapsed time and the time left at the rate so far; under --json a
 * JSON line `{"type":"progress",…}` per second instead, for programs. Short runs print nothing.
 *
 * @param total samples planned
 * @param json write JSON lines instead of the terminal line
 */
export function createProgress(total: number, json: boolean): Progress {
  const terminal = process.stderr.isTTY === true;
  const start = performance.now();
  let last = start;
  let printed = false;
  return {
    tick(done) {
      if ((done & 0xffff) !== 0 || (!json && !terminal)) return;
      const now = performance.now();
      if (now - start < 1000 || now - last < (json ? 1000 : 250)) return;
      last = now;
      const elapsed = (now - start) / 1000;
      const left = done > 0 ? (elapsed * (total - done)) / done : null;
      if (json) {
        process.stderr.write(`${JSON.stringify({ type: "progress", samples: done, total, elapsedSeconds: Number(elapsed.toFixed(3)), etaSeconds: left === null ? null : Number(left.toFixed(3)) })}\n`);
      } else {
        printed = true;
        process.stderr.write(`\rclosure: ${done} / ${total} samples (${((100 * done) / total).toFixed(0)}%), ${elapsed.toFixed(1)} s elapsed${left === null ? "" : `, about ${left.toFixed(1)} s left`}   `);
      }
    },
    end() {
      if (printed) process.stderr.write("\n");
    },
  };
}
