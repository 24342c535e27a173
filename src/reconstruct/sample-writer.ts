import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
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

/** Where the bytes go: a file descriptor (a temporary file, renamed on commit) or stdout. */
interface ByteTarget {
  write(bytes: Uint8Array): void;
  commit(): void;
  abort(): void;
}

const BUFFER_BYTES = 1 << 22;

/**
 * Streams samples to a file atomically (a temporary file in the same folder, renamed over the target
 * on `commit`, so a crash or a refused run never leaves half a file) or to stdout when `path` is
 * undefined. Memory stays bounded by a 4 MiB buffer however many samples pass through.
 *
 * Why bytes, not strings: a sample of n values on a small scale is n runs of one repeated value, so
 * its CSV row is built by copying the encoded value ("3,") into a byte buffer with Buffer.fill, never
 * by formatting one number at a time; the horns index depends only on the sample's sum and sum of
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
export function createSampleWriter(path: string | undefined, format: SampleFormat, scale: { min: number; max: number; n: number }, header: Record<string, unknown>): SampleWriter {
  return sampleWriterTo(byteTarget(path), path === undefined, format, scale, header);
}

/**
 * The sample writer over any byte target (createSampleWriter's file or stdout; a counting sink for
 * timing the writer alone, as `cohort closure` does to estimate a run and the benchmark does).
 *
 * @param target receives each filled buffer
 * @param handsOver true when the target may keep the bytes it is given (stdout): a fresh buffer then follows each flush
 */
export function sampleWriterTo(target: ByteTarget, handsOver: boolean, format: SampleFormat, scale: { min: number; max: number; n: number }, header: Record<string, unknown>): SampleWriter {
  if (format === "parquet") return createParquetSampleSink(target, scale, { label: RECONSTRUCTION_LABEL, ...header });
  const points = scale.max - scale.min + 1;
  // Each scale value's bytes followed by the separator ("3," for CSV), and the longest row possible.
  const encoded = Array.from({ length: points }, (_, index) => Buffer.from(`${scale.min + index},`));
  const widest = Math.max(...encoded.map((bytes) => bytes.length));
  const rowBytes = 64 + scale.n * widest;
  let buffer = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, 2 * rowBytes));
  let offset = 0;
  let written = 0;
  let id = 0;
  const flush = () => {
    if (offset === 0) return;
    target.write(buffer.subarray(0, offset));
    written += offset;
    // stdout may keep the chunk (an asynchronous pipe): never overwrite bytes handed over.
    if (handsOver) buffer = Buffer.allocUnsafe(buffer.length);
    offset = 0;
  };
  const text = (value: string) => {
    if (offset + Buffer.byteLength(value) > buffer.length) flush();
    offset += buffer.write(value, offset, "utf8");
  };
  const hornsText = new Map<number, string>();
  const hornsOf = (frequencies: ArrayLike<number>): string => {
    let sum = 0;
    let squares = 0;
    for (let index = 0; index < points; index++) {
      const count = frequencies[index] as number;
      sum += count * index;
      squares += count * index * index;
    }
    const key = sum * (scale.n * (points - 1) ** 2 + 1) + squares;
    let cached = hornsText.get(key);
    if (cached === undefined) {
      cached = String(Number(hornsIndex(frequencies, scale.min, scale.max).toFixed(6)));
      hornsText.set(key, cached);
    }
    return cached;
  };
  if (format === "csv") {
    const names = ["id", "horns"];
    for (let index = 1; index <= scale.n; index++) names.push(`v${index}`);
    text(names.join(",") + "\n");
  } else {
    text(JSON.stringify({ type: "header", label: RECONSTRUCTION_LABEL, ...header }) + "\n");
  }
  const csv = format === "csv";
  return {
    get bytes() {
      return written + offset;
    },
    write(frequencies) {
      id++;
      if (offset + rowBytes > buffer.length) flush();
      const horns = hornsOf(frequencies);
      offset += buffer.write(csv ? `${id},${horns},` : `{"horns":${horns},"id":${id},"values":[`, offset, "latin1");
      for (let index = 0; index < points; index++) {
        const times = frequencies[index] as number;
        if (times === 0) continue;
        const bytes = encoded[index]!;
        const end = offset + times * bytes.length;
        if (bytes.length === 2) buffer.fill(bytes, offset, end);
        else for (let at = offset; at < end; at += bytes.length) bytes.copy(buffer, at);
        offset = end;
      }
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

/** A file written through a temporary file and renamed on commit, or stdout. */
function byteTarget(path: string | undefined): ByteTarget {
  if (path === undefined) {
    return { write: (bytes) => void process.stdout.write(bytes), commit: () => {}, abort: () => {} };
  }
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | undefined = openSync(temporary, "w");
  return {
    write(bytes) {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd!, bytes, done, bytes.length - done);
    },
    commit() {
      if (fd === undefined) return;
      closeSync(fd);
      fd = undefined;
      renameSync(temporary, path);
    },
    abort() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(temporary, { force: true });
    },
  };
}

export type { ByteTarget };

/** A target that keeps nothing (for timing the writer alone). */
export const discardBytes: ByteTarget = { write: () => {}, commit: () => {}, abort: () => {} };
