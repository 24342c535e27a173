import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ByteTarget } from "./byte-target.js";
import type { SampleWriter } from "./sample-writer.js";
import { hornsIndex } from "./horns.js";

/** Rows per Parquet row group: 64 Ki, fewer on wide scales so a group's columns stay within 2^24 cells (64 MiB). */
const ROW_GROUP = 1 << 16;
const GROUP_CELLS = 1 << 24;

/** hyparquet-writer's byte writer, emptied into the target after each row group instead of growing. */
class TargetWriter extends ByteWriter {
  constructor(private readonly target: ByteTarget) {
    super(1 << 20);
  }
  flush(): void {
    if (this.index === 0) return;
    this.target.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

/**
 * Samples as a Parquet file through hyparquet-writer (a maintained pure-JavaScript Parquet writer): one
 * row per sample with `id` (INT32), `horns` (DOUBLE, rounded to 6 decimals as in the CSV) and, for each
 * scale value v, `count_v` (INT32): how many of the sample's n values equal v. All required, 65,536 rows (fewer on wide scales)
 * per row group, Snappy-compressed; the label, method, inputs and assumptions as the key-value metadata
 * `cohortcheck` (JSON).
 * Why counts, not the CSV's v1…vn: a sample is a multiset, so its counts say all its sorted values say
 * (a test expands them back to the CSV's rows), in k columns instead of n (5 instead of 200 for the
 * unsum showcase). Measured: the 200-column layout took hyparquet-writer about 40 µs per sample, this
 * one a small fraction of that, and the file is a fraction of a percent of the CSV.
 * Reference: Apache Parquet format, https://parquet.apache.org/docs/file-format/
 *
 * @param target where the bytes go (a temporary file renamed on commit)
 * @param scale scale minimum, maximum and n
 * @param metadata written as JSON under the key `cohortcheck`
 */
export function createParquetSampleSink(target: ByteTarget, scale: { min: number; max: number; n: number }, metadata: Record<string, unknown>): SampleWriter {
  const writer = new TargetWriter(target);
  const points = scale.max - scale.min + 1;
  const names = ["id", "horns", ...Array.from({ length: points }, (_, index) => `count_${scale.min + index}`)];
  const schema = [
    { name: "root", num_children: names.length },
    { name: "id", type: "INT32" as const, repetition_type: "REQUIRED" as const },
    { name: "horns", type: "DOUBLE" as const, repetition_type: "REQUIRED" as const },
    ...names.slice(2).map((name) => ({ name, type: "INT32" as const, repetition_type: "REQUIRED" as const })),
  ];
  const parquet = new ParquetWriter({ writer, schema, kvMetadata: [{ key: "cohortcheck", value: JSON.stringify(metadata) }], createdBy: "cohortcheck" });
  const group = Math.max(1, Math.min(ROW_GROUP, Math.floor(GROUP_CELLS / (points + 2))));
  const ids = new Int32Array(group);
  const horns = new Float64Array(group);
  const columns = Array.from({ length: points }, () => new Int32Array(group));
  let rows = 0;
  let id = 0;
  let bytes = 0;
  const writeGroup = () => {
    if (rows === 0) return;
    const before = writer.offset;
    parquet.write({
      columnData: [
        { name: "id", data: ids.subarray(0, rows) },
        { name: "horns", data: horns.subarray(0, rows) },
        ...columns.map((column, index) => ({ name: names[index + 2]!, data: column.subarray(0, rows) })),
      ],
      rowGroupSize: group,
    });
    bytes += writer.offset - before;
    rows = 0;
  };
  return {
    get bytes() {
      return bytes;
    },
    write(frequencies) {
      ids[rows] = ++id;
      horns[rows] = Number(hornsIndex(frequencies, scale.min, scale.max).toFixed(6));
      for (let index = 0; index < points; index++) columns[index]![rows] = frequencies[index] as number;
      if (++rows === group) writeGroup();
    },
    commit() {
      writeGroup();
      parquet.finish();
      target.commit();
      return "";
    },
    abort() {
      target.abort();
    },
  };
}
