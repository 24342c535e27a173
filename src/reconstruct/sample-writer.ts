import { BUFFER_BYTES, fileTarget, stdoutTarget, type ByteTarget } from "./byte-target.js";
import { CohortError, exitCodes } from "../errors.js";
import { RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
import type { Step } from "../stats/step.js";
import { valueAt } from "./closure-bounds.js";
import { hornsIndex } from "./horns.js";
import { createParquetSampleSink } from "./parquet-samples.js";

/**
 * File formats for samples: CSV (`id,horns,v1…vn`), JSON lines (a header line, then
 * `{"horns","id","values"}`), or Parquet (`id`, `horns` and the count of each scale value; the header
 * as key-value metadata).
 */
export type SampleFormat = "csv" | "jsonl" | "parquet";

/**
 * A sink for samples; `commit` makes the output visible (and writes what is left for stdout), `abort`
 * removes any partial file. `commit` returns "" (kept as a string for callers that print its result).
 */
export interface SampleWriter {
  write(frequencies: ArrayLike<number>): void;
  commit(): string;
  abort(): void;
  /** Bytes handed to the file or stdout so far. */
  readonly bytes: number;
}


/**
 * Streams samples to a file atomically (a temporary file in the same folder, renamed over the target
 * on `commit`, so a crash or a refused run never leaves half a file) or to stdout when `path` is
 * undefined. Memory stays bounded by a 4 MiB buffer however many samples pass through.
 *
 * Why bytes, not strings: a sample of n values on a small scale is a few runs of one repeated value,
 * so its CSV row is built by writing each value's encoded bytes ("3,") into a byte buffer, never by
 * formatting one number at a time; the horns index depends only on the sample's sum and sum of
 * squares, so its text is computed once per distinct pair. The bytes are the same as formatting each
 * value (a test checks), at disk speed (tests/bench/sample-writer.bench.ts).
 * Same idea as src/io/write-atomic.ts, for output too large to hold in memory.
 *
 * @param path output file, or undefined for stdout (Parquet needs a file)
 * @param format csv, jsonl or parquet
 * @param scale scale minimum, maximum and n (for the header and the horns index)
 * @param header method, inputs and assumptions: JSON lines' first line, Parquet's metadata (with the label)
 * @example
 * const writer = createSampleWriter("out.csv", "csv", { min: 1, max: 5, n: 3 }, {});
 * writer.write([1, 1, 1, 0, 0]); writer.commit(); // out.csv: "id,horns,v1,v2,v3\n1,0.166667,1,2,3\n"
 */
export function createSampleWriter(path: string | undefined, format: SampleFormat, scale: { min: number; max: number; n: number; step?: Step }, header: Record<string, unknown>): SampleWriter {
  return sampleWriterTo(path === undefined ? stdoutTarget() : fileTarget(path), format, scale, header);
}

/**
 * The sample writer over any byte target (createSampleWriter's file or stdout; a counting sink for
 * timing the writer alone, as `cohort closure` does to estimate a run and the benchmark does).
 *
 * @param target gives the buffers to fill and takes them back (byte-target.ts)
 */
export function sampleWriterTo(target: ByteTarget, format: SampleFormat, scale: { min: number; max: number; n: number; step?: Step }, header: Record<string, unknown>): SampleWriter {
  // With a step, min and max count steps (closure-bounds.ts): the values written are k·step.
  const step = scale.step !== undefined && (scale.step.num !== 1 || scale.step.den !== 1) ? scale.step : undefined;
  if (format === "parquet") {
    if (step) throw new CohortError({ message: "Parquet samples name their columns by whole scale values; with a step other than 1 write CSV or JSON lines" }, exitCodes.usage);
    return createParquetSampleSink(target, scale, { label: RECONSTRUCTION_LABEL, ...header });
  }
  const csv = format === "csv";
  const points = scale.max - scale.min + 1;
  // Each scale value's bytes followed by the separator ("3," for CSV), made when the value first
  // occurs (a scale may be huge; a sample uses at most n of its values).
  const encoded = new Map<number, Uint8Array>();
  const encodedOf = (index: number): Uint8Array => {
    let bytes = encoded.get(index);
    if (bytes === undefined) {
      bytes = Buffer.from(`${step ? valueAt({ min: scale.min, step }, index) : scale.min + index},`, "latin1");
      encoded.set(index, bytes);
    }
    return bytes;
  };
  // A value in steps of a fraction prints up to 17 significant digits, a sign and a point.
  const widest = step ? 26 : Math.max(String(scale.min).length, String(scale.max).length) + 1;
  const rowBytes = 64 + scale.n * widest;
  // Rows are built in the target's buffers; a row too long for one (n in the millions) in a buffer of our own.
  const own = 2 * rowBytes > BUFFER_BYTES ? Buffer.allocUnsafe(2 * rowBytes) : undefined;
  let buffer: Buffer = own ?? target.buffer();
  let offset = 0;
  let written = 0;
  let pending = false;
  const flush = () => {
    if (offset === 0) return;
    if (own) target.write(own.subarray(0, offset));
    else {
      target.submit(offset);
      pending = true; // the next buffer is taken only when a row needs it
    }
    written += offset;
    offset = 0;
  };
  const room = (bytes: number) => {
    if (offset + bytes > buffer.length) flush();
    if (pending) {
      buffer = target.buffer();
      pending = false;
    }
  };
  const text = (value: string) => {
    room(Buffer.byteLength(value));
    offset += buffer.write(value, offset, "utf8");
  };
  // The horns index (as text, then its bytes) depends only on the sample's sum and sum of squares.
  const hornsBytes = new Map<number, Buffer>();
  const hornsOf = (frequencies: ArrayLike<number>): Buffer => {
    let sum = 0;
    let squares = 0;
    for (let index = 0; index < points; index++) {
      const count = frequencies[index] as number;
      sum += count * index;
      squares += count * index * index;
    }
    const key = sum * (scale.n * (points - 1) ** 2 + 1) + squares;
    let cached = hornsBytes.get(key);
    if (cached === undefined) {
      const horns = String(Number(hornsIndex(frequencies, scale.min, scale.max).toFixed(6)));
      cached = Buffer.from(csv ? `${horns},` : `{"horns":${horns},"id":`, "latin1");
      hornsBytes.set(key, cached);
    }
    return cached;
  };
  // The row id as ASCII digits, right-aligned, counted up in place (no number formatting per row).
  const idText = new Uint8Array(20).fill(0x30);
  let idStart = 19;
  /** Counts the id up by one and writes its digits at the offset. */
  const nextId = () => {
    let at = 19;
    while (idText[at] === 0x39) idText[at--] = 0x30;
    idText[at]!++;
    if (at < idStart) idStart = at;
    for (let i = idStart; i < 20; i++) buffer[offset++] = idText[i]!;
  };
  if (csv) {
    const names = ["id", "horns"];
    for (let index = 1; index <= scale.n; index++) names.push(`v${index}`);
    text(names.join(",") + "\n");
  } else {
    text(JSON.stringify({ type: "header", label: RECONSTRUCTION_LABEL, ...header }) + "\n");
  }
  return {
    get bytes() {
      return written + offset;
    },
    write(frequencies) {
      room(rowBytes);
      const horns = hornsOf(frequencies);
      if (csv) {
        nextId();
        buffer[offset++] = 0x2c;
        offset += horns.copy(buffer, offset);
      } else {
        offset += horns.copy(buffer, offset);
        nextId();
        offset += buffer.write(',"values":[', offset, "latin1");
      }
      offset = writeRuns(buffer, offset, frequencies, points, encodedOf);
      // The last value's separator becomes the line end.
      if (csv) buffer[offset - 1] = 0x0a;
      else offset += buffer.write("]}\n", offset - 1, "latin1") - 1;
    },
    commit() {
      flush();
      target.commit();
      return "";
    },
    abort() {
      offset = 0;
      target.abort();
    },
  };
}

/**
 * Writes each scale value's encoded bytes as many times as it occurs, byte by byte: for runs this short
 * that is faster than a native copy per run (measured: about 1.5 GB/s of CPU). A function of its own so
 * the buffer and offset are locals V8 keeps in registers, not variables of the writer's closure.
 * Returns the offset after the last byte.
 */
function writeRuns(buffer: Uint8Array, offset: number, frequencies: ArrayLike<number>, points: number, encodedOf: (index: number) => Uint8Array): number {
  for (let index = 0; index < points; index++) {
    const times = frequencies[index] as number;
    if (times === 0) continue;
    const bytes = encodedOf(index);
    if (bytes.length === 2) {
      const digit = bytes[0]!;
      for (const end = offset + 2 * times; offset < end; offset += 2) {
        buffer[offset] = digit;
        buffer[offset + 1] = 0x2c;
      }
    } else {
      for (let time = 0; time < times; time++) for (let at = 0; at < bytes.length; at++) buffer[offset++] = bytes[at]!;
    }
  }
  return offset;
}

export { discardTarget } from "./byte-target.js";
