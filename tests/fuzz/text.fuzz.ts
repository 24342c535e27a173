import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { escapeHtml } from "../../src/report/escape-html.js";
import { markdownCell, markdownText } from "../../src/report/markdown.js";
import { tableCsv } from "../../src/report/tables-to-csv.js";
import { reportMarkdown } from "../../src/report/report-markdown.js";
import { sourcesDir } from "../helpers/fixtures.js";
import { hostileTextStudy } from "../helpers/hostile-studies.js";
import { markdownSkeleton } from "../helpers/markdown-skeleton.js";
import { hostileText, reportTried, runInProcess, runs, tried } from "./harness.js";

/*
 * Hostile strings (issue 15, findings 2 and 9) in CSV — no cell a spreadsheet would run as a formula,
 * and every cell reads back as written — in Markdown — the report's block structure must stay that of
 * plain text — and on the terminal — no raw control character may reach it, and study text may not
 * start a line of its own.
 */

const registry = loadInstruments();
const folder = mkdtempSync(join(tmpdir(), "cohortcheck-text-fuzz-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Pieces that open Markdown blocks or drive terminals, glued into strings with ordinary text. */
const piece = fc.constantFrom("\n", "\r\n", "\r", "~~~", "```", "# ", "## ", "> ", "- ", "+ ", "* ", "1. ", "2) ", "    ", "\t", "---", "===", "| a | b |", "|---|", "<script>", "&amp;", "[x](y)", "![i](j)", "$x$", "~~s~~", "\\", "\u001b[2J", "\u001b[H", "\u001b]0;title\u0007", "\u009b31m", "\u202e", "\u2066", "\u2028", "\u0000", "\u007f", "ALL CHECKS CONSISTENT", "[^1]: note", "<!-- c -->");
const hostile = fc.oneof(fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")), hostileText).filter((text) => text.trim() !== "");

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** What a spreadsheet runs as a formula (OWASP CSV injection), and the whole plain numbers it reads as numbers instead. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const formulaPiece = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "=HYPERLINK(\"http://evil.example\",\"x\")", "=1+2", "-2+3", "+cmd|' /C calc'!A0", "@SUM(A1)", "-3.39", "+24.56", "1e-9", "-12.5%", "'");
const cellText = fc.oneof(hostile, fc.tuple(formulaPiece, fc.oneof(fc.constant(""), hostile, piece)).map(([a, b]) => a + b));

describe("hostile strings in CSV (fuzz)", () => {
  it("a report table's CSV parses back to its cells, with a quote before every cell a spreadsheet would run as a formula", () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), { maxLength: 4 }), (labels, rows) => {
        tried("text: CSV cells");
        const keys = labels.map((_, i) => `c${i}`);
        const table = { columns: keys.map((key, i) => ({ key, label: labels[i]! })), rows: rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]!]))) };
        const parsed: string[][] = parse(tableCsv(table), { relax_quotes: false });
        const written = [labels, ...rows.map((row) => row.slice(0, labels.length))];
        expect(parsed).toHaveLength(written.length);
        parsed.forEach((line, r) =>
          line.forEach((cell, c) => {
            // As the file holds it: UTF-8 turns a lone surrogate into U+FFFD (csv-parse reads bytes).
            const original = Buffer.from(written[r]![c]!, "utf8").toString("utf8");
            // A formula start is allowed only on a whole plain number; anything else starting so is written with a quote in front.
            if (FORMULA_START.test(cell)) expect(cell, JSON.stringify(original)).toMatch(PLAIN_NUMBER);
            expect(cell).toBe(FORMULA_START.test(original) && !PLAIN_NUMBER.test(original) ? `'${original}` : original);
          }),
        );
      }),
      runs(1500),
    );
    reportTried("text: CSV cells");
  });
});

describe("hostile strings in Markdown (fuzz)", () => {
  it("markdownText and markdownCell never let text break a line, keep a raw control, or open a block", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        tried("text: Markdown escaping");
        for (const out of [markdownText(text), markdownCell(text)]) {
          expect(out).not.toMatch(/[\n\r]/);
          expect(out).not.toMatch(RAW_CONTROL);
        }
        const line = markdownText(text);
        expect(markdownSkeleton(line)).toEqual(["paragraph"]);
        expect(markdownSkeleton(`| ${markdownCell(text)} |`)).toEqual(["table"]);
      }),
      runs(2000),
    );
    reportTried("text: Markdown escaping");
  });

  it("a study's report.md keeps the block structure of plain text whatever its title, labels and description", () => {
    const plain = reportMarkdown(parseStudy(hostileTextStudy("Plain words"), registry), [], []);
    fc.assert(
      fc.property(hostile, (text) => {
        tried("text: report structure");
        const markdown = reportMarkdown(parseStudy(hostileTextStudy(text), registry), [], []);
        expect(markdownSkeleton(markdown)).toEqual(markdownSkeleton(plain));
      }),
      runs(150),
    );
    reportTried("text: report structure");
  });
});

describe("hostile strings in the notebook's HTML (fuzz)", () => {
  it("escapeHtml leaves no markup and no raw control but line feed and tab, and keeps every other character", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        tried("text: HTML escaping");
        const html = escapeHtml(text);
        expect(html).not.toMatch(/[<>"']/);
        expect(html.replace(/[\n\t]/g, "")).not.toMatch(RAW_CONTROL);
        // Decoding the five entities gives the text back with its controls as pictures (no character lost or added otherwise).
        const decoded = html.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[name]!);
        expect(decoded.replace(/[\u2400-\u241f\u2421]|<U\+[0-9A-F]{4}>/g, "")).toBe(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\u2400-\u241f\u2421]|<U\+[0-9A-F]{4}>/g, ""));
      }),
      runs(2000),
    );
    reportTried("text: HTML escaping");
  });
});

describe("hostile strings on the terminal (fuzz)", () => {
  it("no command prints a raw control character, and study text never starts a line of its own", async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom("check", "appraise", "validate", "reconstruct", "crosstab"), async (text, command) => {
        tried("text: terminal output");
        const file = join(folder, `s${index++}.json`);
        // A line break before the sentinel: if any line break of study text were obeyed, the sentinel would start a line.
        const withSentinel = `${text}\nFORGED-LINE`;
        writeFileSync(file, JSON.stringify({ ...hostileTextStudy(withSentinel), sources: [relative(folder, sourcesDir)] }));
        const argv =
          command === "crosstab"
            ? ["crosstab", "--rows", "1,1", "--cols", "2", "--row-labels", `${withSentinel.replace(/,/g, ";")},b`]
            : command === "reconstruct"
              ? ["reconstruct", file, "--count", "1"]
              : [command, file];
        const run = await runInProcess(argv);
        const output = run.stdout + run.stderr;
        expect(output).not.toMatch(RAW_CONTROL);
        expect(output.split("\n").some((line) => line.trimStart().startsWith("FORGED-LINE")), "study text started a line of its own").toBe(false);
      }),
      runs(120),
    );
    reportTried("text: terminal output");
  });
});
