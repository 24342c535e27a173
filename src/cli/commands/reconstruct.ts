import type { Command } from "commander";
import { join } from "node:path";
import { CohortError, exitCodes } from "../../errors.js";
import { loadStudy } from "../../io/load-study.js";
import { visibleControls } from "../../io/visible-controls.js";
import { writeFileAtomic } from "../../io/write-atomic.js";
import * as message from "../../messages/reconstruct-study.js";
import { reconstructionCsv, reconstructionSidecar, reconstructionsJson } from "../../reconstruct/study/export.js";
import type { MeanChoice } from "../../reconstruct/study/patient-values.js";
import { reconstructStudy, type StudyReconstruction } from "../../reconstruct/study/reconstruct-study.js";
import type { Reconstruction } from "../../schema/reconstruction.js";
import { parseFiniteNumber, parseInteger, parsePositiveInteger } from "../options.js";
import { action, withJson, type CommandResult } from "../run.js";
import { instrumentsFrom, withInstruments } from "../study-options.js";

interface ReconstructOptions {
  seed: number;
  count: number;
  format?: string;
  out?: string;
  convention?: string;
  spread?: number;
  means?: string;
  improvement?: string;
  instruments?: string[];
}

/** `cohort reconstruct <study.json>`: several labelled patient-level datasets consistent with a study's report. */
export function register(program: Command): void {
  withInstruments(
    withJson(
      program
        .command("reconstruct")
        .description("rebuild several patient-level datasets consistent with what a study reports, each labelled 'reconstruction — not patient data' with every assumption it used")
        .argument("<study>", "study file (JSON), e.g. data/studies/kap-pilot-two-approaches.json")
        .option("--seed <n>", "seed of the random source (whole number)", parseInteger, 1)
        .option("--count <n>", "reconstructions per band convention (1–1000)", parsePositiveInteger, 5)
        .option("--format <format>", "json | csv: with --out, the files to write (default json); without --out, what to print")
        .option("--out <dir>", "folder to write to; file names come from the study id")
        .option("--convention <id>", "band convention for instruments that define it (e.g. palos-2006), or 'each' to rebuild under every convention")
        .option("--spread <x>", "fixed spread from 0 (tightest split of each group total) to 1 (widest); default drawn per reconstruction", parseFiniteNumber)
        .option("--means <mode>", "random | smallest-change | largest-change: which feasible group means to use", "random")
        .option("--improvement <mode>", "as-claimed | not-assumed: apply 'improved in all patients' claims or not", "as-claimed"),
    ),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ cohort reconstruct data/studies/ketamine-im-substance-misuse.json --count 3
  $ cohort reconstruct data/studies/kap-pilot-two-approaches.json --format csv
  $ cohort reconstruct data/studies/ketamine-im-substance-misuse.json --convention each --out out/ --format csv
  $ cohort reconstruct my-study.json --seed 7 --count 20 --json

Every dataset is ONE of very many consistent with the report, never the data. CSV output starts
with '# reconstruction — not patient data' and one '# assumption: …' line per assumption; with
--out --format csv a sidecar <study-id>.reconstruction-NNN.json carries the same metadata.

JSON: { studyId, label, seed, count, of ("unknown"), conventions, crossTables, meanLevel, notes,
        reconstructions: [{ label, method, seed, index, of, assumptions, columns, rows }], files }`,
    )
    .action(action((file: string, options: ReconstructOptions, command: Command) => reconstructCommand(file, options, Boolean(command.opts().json))));
}

export async function reconstructCommand(file: string, options: ReconstructOptions, json: boolean): Promise<CommandResult> {
  if (options.format !== undefined && options.format !== "json" && options.format !== "csv") throw new CohortError({ message: message.unknownFormat(options.format) }, exitCodes.usage);
  if (options.means !== undefined && !["random", "smallest-change", "largest-change"].includes(options.means)) throw new CohortError({ message: message.unknownMeans(options.means) }, exitCodes.usage);
  if (options.improvement !== undefined && !["as-claimed", "not-assumed"].includes(options.improvement)) throw new CohortError({ message: message.unknownImprovement(options.improvement) }, exitCodes.usage);
  if (options.spread !== undefined && !(options.spread >= 0 && options.spread <= 1)) throw new CohortError({ message: message.spreadOutOfRange(options.spread) }, exitCodes.usage);
  const registry = instrumentsFrom(options);
  const study = loadStudy(file, registry);
  const result = reconstructStudy(study, registry, {
    seed: options.seed,
    count: options.count,
    ...(options.convention !== undefined ? { convention: options.convention } : {}),
    ...(options.spread !== undefined ? { spread: options.spread } : {}),
    means: options.means as MeanChoice,
    improvement: options.improvement as "as-claimed" | "not-assumed",
  });
  const files: string[] = [];
  if (options.out !== undefined) {
    // Everything is rendered before anything is written, so a failure leaves no partial output.
    const outputs: [string, string][] = [];
    if ((options.format ?? "json") === "json") outputs.push([join(options.out, `${study.id}.reconstructions.json`), reconstructionsJson(result)]);
    else {
      for (const r of result.reconstructions) {
        const stem = join(options.out, `${study.id}.reconstruction-${String(r.index ?? 0).padStart(3, "0")}`);
        outputs.push([`${stem}.csv`, await reconstructionCsv(r)], [`${stem}.json`, reconstructionSidecar(r)]);
      }
    }
    for (const [path, content] of outputs) {
      try {
        writeFileAtomic(path, content);
      } catch (error) {
        // A file-system failure arrives as a one-line CohortError ending in its errno code: keep the code.
        const code = (error as NodeJS.ErrnoException).code ?? /\((E[A-Z0-9]+)\)$/.exec(error instanceof Error ? error.message : "")?.[1] ?? (error instanceof Error ? error.message : String(error));
        throw new CohortError({ file: path, message: message.cannotWrite(options.out, code) });
      }
      files.push(path);
    }
  }
  const document = { ...result, files };
  if (json) return { json: document, text: "" };
  if (options.out === undefined && options.format === "csv") {
    const parts = await Promise.all(result.reconstructions.map((r) => reconstructionCsv(r)));
    return { json: document, text: parts.join("\n") };
  }
  if (options.out === undefined && options.format === "json") return { json: document, text: reconstructionsJson(result) };
  return { json: document, text: summaryText(result, files) };
}

function summaryText(result: StudyReconstruction, files: string[]): string {
  const lines = [
    `${result.label.toUpperCase()}`,
    `study ${result.studyId}: ${result.count} reconstruction(s), seed ${result.seed}; datasets consistent with the report: ${result.of} (each one below is one of them, never the data)`,
  ];
  for (const t of result.crossTables) lines.push(`${t.variables.join(" × ")}: ${t.count ?? "too many to count"} cross-tables fit the reported margins`);
  for (const m of result.meanLevel) {
    const example = m.meanTuples?.[0] ? `, e.g. ${Object.entries(m.meanTuples[0]).map(([t, v]) => `${t} ${v}`).join(", ")}` : "";
    const chain = m.chain ? `percent-change chain ${m.chain.status}${m.chain.used !== "primary" ? ` (${m.chain.used} used: dropped ${m.chain.dropped.join(", ") || "none"})` : ""}; ${m.chain.feasibleTuples} tuple(s) of group means fit${example}` : "";
    const intervals = Object.entries(m.meanIntervals).map(([t, [lo, hi]]) => `${t} mean ${lo}–${hi}`).join(", ");
    const perPatient = m.perPatient
      .map((p) => `${p.timepoint} per patient by ${p.variable}: ${Object.entries(p.ranges).map(([k, r]) => `${k} ${r ? `${r[0]}–${r[1]}` : "any"}`).join(", ")}`)
      .join("; ");
    lines.push(`${m.group} ${m.instrument}${m.convention ? ` (${m.convention})` : ""}: ${[intervals, perPatient, chain].filter(Boolean).join("; ") || "no constraint on the group mean"}`);
  }
  if (result.notes.length > 0) lines.push("", "cannot be reconstructed from the report:", ...result.notes.map((n) => `  - ${n}`));
  const first = result.reconstructions[0];
  if (first) lines.push("", `reconstruction ${first.index ?? 0} of ${result.count} (assumptions: ${first.assumptions.length}; see --json or --format csv):`, ...table(first));
  if (files.length > 0) lines.push("", "written:", ...files.map((f) => `  ${f}`));
  // Each entry is one line: a line break inside study text is shown (␊), never obeyed.
  return lines.map((line) => visibleControls(line)).join("\n");
}

function table(r: Reconstruction): string[] {
  const cell = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(Math.round(v * 100) / 100) : visibleControls(String(v)));
  const widths = r.columns.map((c) => Math.max(c.length, ...r.rows.map((row) => cell(row[c]).length)));
  const line = (values: string[]): string => values.map((v, i) => v.padStart(widths[i]!)).join("  ");
  return [line(r.columns.map((c) => visibleControls(c))), ...r.rows.map((row) => line(r.columns.map((c) => cell(row[c]))))];
}
