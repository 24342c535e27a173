import { parse } from "csv-parse/sync";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import { describe, expect, it } from "vitest";
import { forEachClosureSample } from "../../src/reconstruct/closure.js";
import { hornsIndex } from "../../src/reconstruct/horns.js";
import { createSampleWriter, type SampleFormat } from "../../src/reconstruct/sample-writer.js";
import { RECONSTRUCTION_LABEL } from "../../src/schema/reconstruction.js";
import { createRng } from "../../src/stats/rng.js";

type Scale = { min: number; max: number; n: number };

/** The rows written the plain way, one number at a time (what the byte writer must reproduce). */
function plainRows(samples: number[][], scale: Scale, format: "csv" | "jsonl"): string {
  return samples
    .map((frequencies, index) => {
      const values: number[] = [];
      frequencies.forEach((times, k) => {
        for (let t = 0; t < times; t++) values.push(scale.min + k);
      });
      const horns = Number(hornsIndex(frequencies, scale.min, scale.max).toFixed(6));
      return format === "csv" ? `${index + 1},${horns},${values.join(",")}\n` : `{"horns":${horns},"id":${index + 1},"values":[${values.join(",")}]}\n`;
    })
    .join("");
}

/** Random frequency vectors of n values on the scale (seeded). */
function randomSamples(scale: Scale, count: number, seed: number): number[][] {
  const rng = createRng(seed);
  const points = scale.max - scale.min + 1;
  return Array.from({ length: count }, () => {
    const frequencies = new Array<number>(points).fill(0);
    for (let i = 0; i < scale.n; i++) frequencies[rng.int(0, points - 1)]!++;
    return frequencies;
  });
}

function writeAll(format: SampleFormat, scale: Scale, samples: number[][], header: Record<string, unknown> = {}): { file: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), "cohort-samples-"));
  const file = join(folder, `samples.${format}`);
  const writer = createSampleWriter(file, format, scale, header);
  for (const sample of samples) writer.write(Int32Array.from(sample));
  writer.commit();
  return { file, folder };
}

// Scales with one-digit values (the Buffer.fill path), several digits and negative values (the copy path).
const scales: Scale[] = [
  { min: 1, max: 5, n: 25 },
  { min: -3, max: 12, n: 40 },
  { min: 0, max: 100, n: 7 },
];

describe("createSampleWriter", () => {
  for (const scale of scales) {
    it(`writes the bytes of plain per-value formatting, CSV and JSON lines, on ${scale.min}–${scale.max} (n ${scale.n})`, () => {
      // More samples than one 4 MiB buffer holds on the widest scale, so flushing is exercised too.
      const samples = randomSamples(scale, 3000, scale.max);
      const csv = readFileSync(writeAll("csv", scale, samples).file, "utf8");
      const names = ["id", "horns", ...Array.from({ length: scale.n }, (_, i) => `v${i + 1}`)].join(",");
      expect(csv).toBe(`${names}\n${plainRows(samples, scale, "csv")}`);
      const jsonl = readFileSync(writeAll("jsonl", scale, samples, { method: "test" }).file, "utf8");
      const [first, ...rest] = jsonl.split(/(?<=\n)/);
      expect(JSON.parse(first!)).toEqual({ type: "header", label: RECONSTRUCTION_LABEL, method: "test" });
      expect(rest.join("")).toBe(plainRows(samples, scale, "jsonl"));
    });
  }

  it("writes a file of many buffers (handed to the writer thread) with the same bytes", () => {
    // 70,000 samples of n 200: about 28 MB, seven 4 MiB buffers, so the worker path and its slots are used.
    const scale = { min: 1, max: 5, n: 200 };
    const samples: number[][] = [];
    forEachClosureSample({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5, meanError: 0.05, sdError: 0.05 }, (frequencies) => {
      if (samples.length < 70_000) samples.push(Array.from(frequencies));
    });
    const { file, folder } = writeAll("csv", scale, samples);
    const names = ["id", "horns", ...Array.from({ length: 200 }, (_, i) => `v${i + 1}`)].join(",");
    expect(readFileSync(file, "utf8") === `${names}\n${plainRows(samples, scale, "csv")}`).toBe(true);
    expect(readdirSync(folder)).toEqual(["samples.csv"]);
  });

  it("writes CSV that csv-parse reads back to the samples", () => {
    const scale = { min: 1, max: 5, n: 25 };
    const samples = randomSamples(scale, 50, 3);
    const records: string[][] = parse(readFileSync(writeAll("csv", scale, samples).file, "utf8"));
    expect(records.length).toBe(51);
    const back = records.slice(1).map((record) => {
      const frequencies = new Array<number>(5).fill(0);
      for (const value of record.slice(2)) frequencies[Number(value) - 1]!++;
      return frequencies;
    });
    expect(back).toEqual(samples);
  });

  it("writes Parquet that parquet-wasm (Apache arrow-rs, a reader independent of the writer) reads back to the same table", () => {
    // Enough rows for two row groups (65,536 rows each): the 661,948 enumeration's first 70,000 samples.
    const scale = { min: 1, max: 5, n: 200 };
    const samples: number[][] = [];
    forEachClosureSample({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5, meanError: 0.05, sdError: 0.05 }, (frequencies) => {
      if (samples.length < 70_000) samples.push(Array.from(frequencies));
    });
    const { file, folder } = writeAll("parquet", scale, samples, { method: "closure" });
    expect(readdirSync(folder)).toEqual(["samples.parquet"]);
    const table = tableFromIPC(readParquet(readFileSync(file)).intoIPCStream());
    expect(table.numRows).toBe(70_000);
    expect(table.schema.fields.map((field) => field.name)).toEqual(["id", "horns", "count_1", "count_2", "count_3", "count_4", "count_5"]);
    // Every row: its id, the horns index the CSV prints, and the counts of the sample written.
    const columns = table.schema.fields.map((field) => Array.from(table.getChild(field.name)!.toArray() as ArrayLike<number>));
    const rows = samples.map((_, row) => columns.map((column) => column[row]));
    expect(rows).toEqual(samples.map((frequencies, row) => [row + 1, Number(hornsIndex(frequencies, 1, 5).toFixed(6)), ...frequencies]));
    const metadata = JSON.parse(table.schema.metadata.get("cohortcheck")!);
    expect(metadata).toEqual({ label: RECONSTRUCTION_LABEL, method: "closure" });
  });

  it("leaves no file when aborted", () => {
    const folder = mkdtempSync(join(tmpdir(), "cohort-samples-"));
    const writer = createSampleWriter(join(folder, "x.csv"), "csv", { min: 1, max: 5, n: 3 }, {});
    writer.write([1, 1, 1, 0, 0]);
    writer.abort();
    expect(readdirSync(folder)).toEqual([]);
  });
});
