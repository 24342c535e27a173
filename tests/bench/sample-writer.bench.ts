// The CLOSURE/SPRITE sample writer alone: MB/s of CSV for the 661,948 samples of the unsum showcase
// (275 MB), into a sink that keeps nothing and into a file, against a plain baseline in this process
// (the previous writer: each row a string of values joined with commas). Goal (issue 14): ≥ 500 MB/s.
// Wall and CPU time both (the machine is shared: CPU time is what the writer costs; writing to a file,
// it includes the writer thread's and the kernel's time).
// Run: npm run bench -- sample-writer.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { forEachClosureSample } from "../../src/reconstruct/closure.js";
import { hornsIndex } from "../../src/reconstruct/horns.js";
import { createSampleWriter, discardTarget, sampleWriterTo } from "../../src/reconstruct/sample-writer.js";
import { machine, median } from "./timing.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const scale = { min: 1, max: 5, n: 200 };
const samples: Int32Array[] = [];
forEachClosureSample({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5, meanError: 0.05, sdError: 0.05 }, (frequencies) => void samples.push(Int32Array.from(frequencies)));

/** The previous writer's row building: a string per row, values pushed one by one and joined. */
function plainWriter(): number {
  let buffer = "";
  let bytes = 0;
  let id = 0;
  for (const frequencies of samples) {
    id++;
    const horns = Number(hornsIndex(frequencies, scale.min, scale.max).toFixed(6));
    const values: number[] = [];
    for (let index = 0; index < frequencies.length; index++) for (let times = frequencies[index]!; times > 0; times--) values.push(scale.min + index);
    if (buffer.length >= 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      buffer = "";
    }
    buffer += `${id},${horns},${values.join(",")}\n`;
  }
  return bytes + Buffer.byteLength(buffer);
}

function measure(run: () => number): { wall: number; cpu: number; bytes: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const bytes = run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, bytes };
}

mkdirSync(join(root, ".tmp"), { recursive: true });
const file = join(root, ".tmp/bench-samples.csv");
const runs = { plain: [] as ReturnType<typeof measure>[], bytes: [] as ReturnType<typeof measure>[], disk: [] as ReturnType<typeof measure>[] };
for (let round = 0; round < 5; round++) {
  runs.plain.push(measure(plainWriter));
  runs.bytes.push(
    measure(() => {
      const writer = sampleWriterTo(discardTarget(), "csv", scale, {});
      for (const frequencies of samples) writer.write(frequencies);
      writer.commit();
      return writer.bytes;
    }),
  );
  rmSync(file, { force: true }); // a new file each round: replacing a 275 MB file would add its deletion
  runs.disk.push(
    measure(() => {
      const writer = createSampleWriter(file, "csv", scale, {});
      for (const frequencies of samples) writer.write(frequencies);
      writer.commit();
      return writer.bytes;
    }),
  );
}
rmSync(file, { force: true });
const rate = (bytes: number, ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
console.log(`machine: ${machine()}`);
console.log(`${samples.length} samples × n ${scale.n} (${(runs.bytes[0]!.bytes / 1e6).toFixed(0)} MB of CSV), medians of 5 interleaved rounds`);
console.log("| writer | wall | MB/s (wall) | CPU | MB/s (CPU) | × baseline (wall) |");
console.log("|---|---|---|---|---|---|");
const plainWall = median(runs.plain.map((r) => r.wall));
for (const [name, list] of [["previous: a string per row (baseline, no output)", runs.plain], ["byte buffer (no output)", runs.bytes], ["byte buffer to a file (atomic: temp file, rename)", runs.disk]] as const) {
  const wall = median(list.map((r) => r.wall));
  const cpu = median(list.map((r) => r.cpu));
  console.log(`| ${name} | ${wall.toFixed(0)} ms | ${rate(list[0]!.bytes, wall)} | ${cpu.toFixed(0)} ms | ${rate(list[0]!.bytes, cpu)} | ${(plainWall / wall).toFixed(1)}× faster |`);
}
