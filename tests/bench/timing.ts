// Helpers the benchmarks share: medians, the machine line, and timed child processes.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The machine a figure was measured on, with its load (the machine is shared). */
export function machine(): string {
  return `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`;
}

/** Wall-clock milliseconds of one child process; throws if it fails. */
export function timedRun(command: string, args: readonly string[], options: SpawnSyncOptions = {}): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}: ${String(result.stderr)}`);
  return elapsed;
}

/**
 * Runs each named command `repetitions` times, interleaved (A B C A B C …) so drifting load hits all
 * alike, after one unmeasured warm-up round; returns the wall times of each.
 */
export function interleaved(commands: Record<string, readonly [string, readonly string[]]>, repetitions: number, options: SpawnSyncOptions = {}): Record<string, number[]> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let round = -1; round < repetitions; round++) {
    for (const [name, [command, args]] of Object.entries(commands)) {
      const elapsed = timedRun(command, args, options);
      if (round >= 0) times[name]!.push(elapsed);
    }
  }
  return times;
}

/**
 * Wall and CPU milliseconds (user + system of the command and its children, from bash's `times`) of
 * one shell command, its output discarded. CPU time is what a run costs; on a shared machine its wall
 * time also holds the time it waited for a core.
 */
export function timedShell(command: string, cwd?: string): { wall: number; cpu: number } {
  const start = performance.now();
  const result = spawnSync("bash", ["-c", `${command} > /dev/null 2>&1; times`], { cwd, encoding: "utf8" });
  const wall = performance.now() - start;
  const match = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(result.stdout.trim().split("\n").pop() ?? "");
  const cpu = match ? (Number(match[1]) * 60 + Number(match[2]) + Number(match[3]) * 60 + Number(match[4])) * 1000 : Number.NaN;
  return { wall, cpu };
}
