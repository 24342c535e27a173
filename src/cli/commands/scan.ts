import type { Command } from "commander";
import { CohortError, exitCodes, type Problem } from "../../errors.js";
import { MAX_SOURCE_TEXT_BYTES, readSourceText } from "../../io/read-source-text.js";
import * as msg from "../../messages/extract.js";
import { scanStatistics, type ScannedStatistic } from "../../scan/scan-statistics.js";
import type { RoundingMode } from "../../stats/rounding.js";
import { action, withJson } from "../run.js";
import { roundingOption, thresholdOption } from "./check.js";

const mark = (statistic: ScannedStatistic): string => {
  if (statistic.checks.length === 0) return "—";
  if (statistic.checks.some((check) => check.status === "inconsistent")) return "INCONSISTENT";
  return statistic.checks.every((check) => check.status === "consistent") ? "ok" : "undetermined";
};

/** `cohort scan <source...>`: the statcheck-like pass over plain texts, no study file needed. */
export function register(program: Command): void {
  withJson(program.command("scan"))
    .description("find every reported statistic in plain-text sources and run each check that needs nothing but what is printed with it (p from a test statistic, a percentage from its count and total, CI ↔ p): a statcheck-like report per file")
    .argument("<source...>", "source documents as plain UTF-8 text")
    .addOption(roundingOption())
    .addOption(thresholdOption())
    .option("--max-bytes <n>", `refuse sources larger than this (default ${MAX_SOURCE_TEXT_BYTES})`)
    .addHelpText(
      "after",
      `
Each statistic is listed with its offsets, its verdict (ok / INCONSISTENT / undetermined, or — when no
check applies to it alone, with the reason) and the check's one-line explanation. The checks are the ones
cohort check runs on a study file, so a finished file holding the same values gets the same verdicts.

Examples:
  $ cohort scan data/sources/003_dc7734c5670ac6b7.txt
  $ cohort scan papers/*.txt --json
  $ cohort scan paper.txt --rounding up

Exit status: 0 after scanning (inconsistencies are findings); 1 when a source cannot be read (the others
are still scanned); 2 for bad options; 3 when a source is over the size limit.`,
    )
    .action(
      action((sources: string[], options: { rounding: RoundingMode; threshold: number; maxBytes?: string }) => {
        let maxBytes = MAX_SOURCE_TEXT_BYTES;
        if (options.maxBytes !== undefined) {
          maxBytes = Number(options.maxBytes);
          if (!/^\d+$/.test(options.maxBytes) || maxBytes < 1) throw new CohortError({ message: msg.badMaxBytes(options.maxBytes) }, exitCodes.usage);
        }
        const problems: Problem[] = [];
        let exitCode: number = exitCodes.ok;
        const files = sources.map((file) => {
          let text: string;
          try {
            text = readSourceText(file, maxBytes);
          } catch (error) {
            if (!(error instanceof CohortError)) throw error;
            problems.push(...error.problems);
            exitCode = Math.max(exitCode, error.exitCode);
            return { file, status: "error" as const, problems: error.problems, statistics: [] };
          }
          const scanned = scanStatistics(text, { rounding: options.rounding, threshold: options.threshold });
          return {
            file,
            status: "scanned" as const,
            statistics: scanned.map((s) => ({
              id: s.id,
              kind: s.statistic.kind,
              start: s.statistic.start,
              end: s.statistic.end,
              quote: s.statistic.quote,
              fields: s.statistic.fields,
              flags: s.statistic.flags,
              verdict: mark(s),
              checks: s.checks,
              ...(s.unchecked !== undefined ? { unchecked: s.unchecked } : {}),
            })),
          };
        });
        for (const problem of problems) process.stderr.write(`cohort: ${[problem.file, problem.message].filter(Boolean).join(": ")}\n`);
        const text = files
          .filter((file) => file.status === "scanned")
          .map((file) => {
            const count = (verdict: string) => file.statistics.filter((s) => s.verdict === verdict).length;
            const checked = file.statistics.length - count("—");
            const lines = file.statistics.map((s) => {
              const why = s.checks.length > 0 ? s.checks.map((check) => `${check.check}: ${check.explanation}`).join("; ") : s.unchecked;
              return `  ${s.verdict.padEnd(13)} ${s.kind.padEnd(16)} ${`${s.start}–${s.end}`.padEnd(12)} ${JSON.stringify(s.quote)}\n      ${why}`;
            });
            return [`${file.file}: ${file.statistics.length} statistic${file.statistics.length === 1 ? "" : "s"}, ${checked} checked: ${count("ok")} ok, ${count("INCONSISTENT")} inconsistent, ${count("undetermined")} undetermined`, ...lines].join("\n");
          })
          .concat(problems.length > 0 ? [msg.scanUnreadable(files.filter((file) => file.status === "error").length)] : [])
          .join("\n\n");
        return { json: { status: problems.length > 0 ? "error" : "scanned", files }, text, exitCode };
      }),
    );
}
