import type { Command } from "commander";
import { existsSync } from "node:fs";
import { basename, dirname, extname, relative, resolve } from "node:path";
import { draftStudy } from "../../draft/draft-study.js";
import { UNKNOWN } from "../../draft/unknown.js";
import { CohortError, exitCodes } from "../../errors.js";
import { builtInInstrumentsDir } from "../../io/load-instruments.js";
import { readSourceText, MAX_SOURCE_TEXT_BYTES } from "../../io/read-source-text.js";
import { stableJson } from "../../io/stable-json.js";
import { writeFileAtomic } from "../../io/write-atomic.js";
import * as msg from "../../messages/extract.js";
import { Slug } from "../../schema/primitives.js";
import { Source } from "../../schema/source.js";
import { action, withJson } from "../run.js";

// Beside data/instruments, which src/io resolves from its own place: this module's depth differs between
// src/ (src/cli/commands) and the bundled CLI (dist/cli), so a path relative to it would miss in one of them.
const studySchema = resolve(dirname(builtInInstrumentsDir), "schema/study.schema.json");

/** A slug from a file name: "Trial Results (2021).txt" → "trial-results-2021". */
function slugOf(file: string): string {
  const slug = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return Slug.safeParse(slug).success ? slug : "draft";
}

/** Keeps POSIX separators in paths written into JSON, whatever the platform. */
const portable = (path: string): string => (path === "" ? "." : path.split("\\").join("/"));

/** `cohort extract <source.txt>`: every reported statistic, quoted, into a draft study file. */
export function register(program: Command): void {
  withJson(program.command("extract"))
    .description("read every reported statistic in a plain-text source (counts and percentages, means with SD/SE/CI, medians, percent changes, tests and p-values, effects with CIs, sample sizes) into a draft study file, each value with its verbatim quote and offsets; what only a person can decide is left \"unknown\"")
    .argument("<source>", "the source document as plain UTF-8 text")
    .option("--out <file>", "where to write the draft (default: <source name>.draft.json in the current folder)")
    .option("--id <slug>", "the draft study's id (default: from the source's file name)")
    .option("--force", "replace the draft file if it exists")
    .option("--max-bytes <n>", `refuse sources larger than this (default ${MAX_SOURCE_TEXT_BYTES})`)
    .addHelpText(
      "after",
      `
Examples:
  $ cohort extract data/sources/000_3f875f1cb85950c7.txt
  $ cohort extract paper.txt --out data/drafts/paper.json --id my-trial
  $ cohort extract paper.txt --json

Then fill every "<unknown>" in the draft (cohort validate <draft> lists those left), delete values you do
not want, run cohort audit-sources <draft>, and move the file to data/studies/.

Exit status: 0 when a draft is written (or the text holds no statistic: nothing is written);
1 for a missing, empty, binary or non-UTF-8 source or an existing draft without --force;
3 when the source is over the size limit.`,
    )
    .action(
      action((source: string, options: { out?: string; id?: string; force?: boolean; maxBytes?: string }) => {
        let maxBytes = MAX_SOURCE_TEXT_BYTES;
        if (options.maxBytes !== undefined) {
          maxBytes = Number(options.maxBytes);
          if (!/^\d+$/.test(options.maxBytes) || maxBytes < 1) throw new CohortError({ message: msg.badMaxBytes(options.maxBytes) }, exitCodes.usage);
        }
        if (options.id !== undefined && !Slug.safeParse(options.id).success) throw new CohortError({ message: msg.badDraftId(options.id) }, exitCodes.usage);
        const file = basename(source);
        if (!Source.shape.file.safeParse(file).success) throw new CohortError({ file: source, message: msg.sourceNameNotPlain(file) });
        const text = readSourceText(source, maxBytes);
        const out = resolve(options.out ?? `${basename(source, extname(source))}.draft.json`);
        if (existsSync(out) && !options.force) throw new CohortError({ message: msg.draftExists(out) });

        const draft = draftStudy(text, {
          file,
          id: options.id ?? slugOf(source),
          sources: portable(relative(dirname(out), dirname(resolve(source)))),
          schema: portable(relative(dirname(out), studySchema)),
        });
        const statistics = draft.statistics.map((statistic, index) => ({
          id: (draft.study.reported as Array<{ id: string }>)[index]!.id,
          kind: statistic.kind,
          start: statistic.start,
          end: statistic.end,
          quote: statistic.quote,
          fields: statistic.fields,
          flags: statistic.flags,
        }));
        if (statistics.length === 0) return { json: { status: "empty", source, written: null, statistics }, text: msg.nothingFound(source) };

        writeFileAtomic(out, stableJson(draft.study));
        const lines = statistics.map((s) => `  ${s.kind.padEnd(16)} ${`${s.start}–${s.end}`.padEnd(12)} ${JSON.stringify(s.quote)}${s.flags.length > 0 ? `  [${s.flags.join(", ")}]` : ""}`);
        return {
          json: { status: "drafted", source, written: out, unknowns: draft.unknowns, statistics },
          text: [
            `drafted ${out}: ${statistics.length} statistics from ${source}, ${draft.unknowns} fields left "${UNKNOWN}"`,
            ...lines,
            `next: fill every "${UNKNOWN}" (cohort validate ${out} lists those left), then cohort audit-sources ${out}`,
          ].join("\n"),
        };
      }),
    );
}


