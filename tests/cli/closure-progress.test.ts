import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress, measureSamplesPerSecond } from "../../src/cli/closure-progress.js";
import { closureBounds } from "../../src/reconstruct/closure-bounds.js";

afterEach(() => vi.restoreAllMocks());

/** createProgress with a clock the test sets, and what it writes to stderr. */
function withClock(json: boolean, terminal: boolean) {
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => now);
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
  const tty = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
  Object.defineProperty(process.stderr, "isTTY", { value: terminal, configurable: true });
  const progress = createProgress(4 * 65_536, json);
  if (tty) Object.defineProperty(process.stderr, "isTTY", tty);
  else delete (process.stderr as { isTTY?: boolean }).isTTY;
  return { progress, written, at: (ms: number) => (now = ms) };
}

describe("createProgress", () => {
  it("under --json writes one JSON line per second with elapsed time and the time left at the rate so far", () => {
    const { progress, written, at } = withClock(true, false);
    at(500);
    progress.tick(65_536); // before the first second: nothing
    at(2000);
    progress.tick(131_072); // half done in 2 s: 2 s left (hand calculation)
    at(2500);
    progress.tick(196_608); // less than a second since the last line: nothing
    progress.end();
    expect(written.map((line) => JSON.parse(line))).toEqual([{ type: "progress", samples: 131_072, total: 262_144, elapsedSeconds: 2, etaSeconds: 2 }]);
  });

  it("on a terminal updates one line in place and ends it; on a pipe without --json says nothing", () => {
    const terminal = withClock(false, true);
    terminal.at(1000);
    terminal.progress.tick(65_536); // a quarter in 1 s: 3 s left
    terminal.progress.end();
    expect(terminal.written.join("")).toBe("\rclosure: 65536 / 262144 samples (25%), 1.0 s elapsed, about 3.0 s left   \n");
    vi.restoreAllMocks();
    const pipe = withClock(false, false);
    pipe.at(5000);
    pipe.progress.tick(65_536);
    pipe.progress.end();
    expect(pipe.written).toEqual([]);
  });
});

describe("measureSamplesPerSecond", () => {
  it("times the real pipeline on this machine: a positive, finite rate", () => {
    const bounds = closureBounds({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5 });
    for (const format of [undefined, "csv", "parquet"] as const) {
      const rate = measureSamplesPerSecond(bounds, format);
      expect(Number.isFinite(rate) && rate > 0).toBe(true);
    }
  });
});
