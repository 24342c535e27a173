import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { RECONSTRUCTION_LABEL } from "../schema/reconstruction.js";
import { hornsIndex } from "./horns.js";

/** File formats for streamed samples: CSV (`id,horns,v1…vn`) or JSON lines (a header line, then `{"horns","id","values"}`). */
export type SampleFormat = "csv" | "jsonl";

/**
 * A sink for samples; `commit` makes the output visible, `abort` removes any partial file. For stdout,
 * `commit` returns the last unwritten chunk (never empty) instead of writing it, so a CLI handler can
 * print it as its final text.
 */
export interface SampleWriter {
  write(frequencies: ArrayLike<number>): void;
  commit(): string;
  abort(): void;
}

const FLUSH_AT = 1 << 20;

/**
 * Streams samples to a file atomically (a temporary file in the same folder, renamed over the target
 * on `commit`, so a crash or a refused run never leaves half a file) or to stdout when `path` is
 * undefined. Memory stays bounded by a 1 MB buffer however many samples pass through.
 * Same idea as src/io/write-atomic.ts, for output too large to hold in memory.
 *
 * @param path output file, or undefined for stdout
 * @param format csv or jsonl
 * @param scale scale minimum, maximum and n (for the header and the horns index)
 * @param header for JSON lines: method, inputs and assumptions written on the first line with the reconstruction label
 * @example
 * const writer = createSampleWriter("out.csv", "csv", { min: 1, max: 5, n: 3 }, {});
 * writer.write([1, 1, 1, 0, 0]); writer.commit(); // out.csv: "id,horns,v1,v2,v3\n1,0.166667,1,2,3\n"
 */
export function createSampleWriter(
  path: string | undefined,
  format: SampleFormat,
  scale: { min: number; max: number; n: number },
  header: Record<string, unknown>,
): SampleWriter {
  let temporary: string | undefined;
  let fd: number | undefined;
  if (path !== undefined) {
    const folder = dirname(path);
    mkdirSync(folder, { recursive: true });
    temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
    fd = openSync(temporary, "w");
  }
  let buffer = "";
  let id = 0;
  const flush = () => {
    if (buffer === "") return;
    if (fd !== undefined) writeSync(fd, buffer);
    else process.stdout.write(buffer);
    buffer = "";
  };
  if (format === "csv") {
    const names = ["id", "horns"];
    for (let index = 1; index <= scale.n; index++) names.push(`v${index}`);
    buffer += names.join(",") + "\n";
  } else {
    buffer += JSON.stringify({ type: "header", label: RECONSTRUCTION_LABEL, ...header }) + "\n";
  }
  return {
    write(frequencies) {
      id++;
      const horns = Number(hornsIndex(frequencies, scale.min, scale.max).toFixed(6));
      const values: number[] = [];
      for (let index = 0; index < frequencies.length; index++) {
        for (let times = frequencies[index] as number; times > 0; times--) values.push(scale.min + index);
      }
      if (buffer.length >= FLUSH_AT) flush();
      buffer += format === "csv" ? `${id},${horns},${values.join(",")}\n` : `{"horns":${horns},"id":${id},"values":[${values.join(",")}]}\n`;
    },
    commit() {
      if (path === undefined) {
        const tail = buffer;
        buffer = "";
        return tail;
      }
      flush();
      if (fd !== undefined && temporary !== undefined) {
        closeSync(fd);
        fd = undefined;
        renameSync(temporary, path);
      }
      return "";
    },
    abort() {
      buffer = "";
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      if (temporary !== undefined) rmSync(temporary, { force: true });
    },
  };
}
