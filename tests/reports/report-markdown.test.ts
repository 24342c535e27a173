import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import type { Artefact } from "../../src/report/artefact.js";
import { artefactMarkdown, reportMarkdown } from "../../src/report/report-markdown.js";
import { hostileTextStudy, HOSTILE_TITLE } from "../helpers/hostile-studies.js";
import { markdownSkeleton } from "../helpers/markdown-skeleton.js";

const registry = loadInstruments();

/** An artefact carrying `text` everywhere a study's words can reach: title, prose, summary, table, chart alt, exercise. */
function artefactWith(text: string): Artefact {
  return {
    id: "x",
    title: text,
    section: "reported",
    paragraphs: [text, `before ${text} after`],
    summary: text,
    table: { columns: [{ key: "a", label: text }], rows: [{ a: text }] },
    exercises: [{ question: text, answer: text, method: text }],
  };
}

describe("reportMarkdown with hostile study text (red team finding 9: a title with a newline and ~~~ hid most of report.md)", () => {
  it("keeps the report's block structure: the same headings, lists and tables as with plain text, no code fence", () => {
    const hostile = reportMarkdown(parseStudy(hostileTextStudy(), registry), [artefactWith(HOSTILE_TITLE)], [{ skipped: true, id: "y", title: HOSTILE_TITLE, reason: HOSTILE_TITLE }]);
    const plain = reportMarkdown(parseStudy(hostileTextStudy("Plain words"), registry), [artefactWith("Plain words")], [{ skipped: true, id: "y", title: "Plain words", reason: "Plain words" }]);
    expect(markdownSkeleton(hostile)).toEqual(markdownSkeleton(plain));
    expect(markdownSkeleton(hostile)).not.toContain("fence-start");
    // The hostile text is shown, not obeyed: its line breaks are spaces, its escape sequences visible symbols.
    expect(hostile).toContain("Study \\~\\~\\~ # Fake heading \u241b\\[2J");
    expect(hostile).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });
});

describe("artefactMarkdown lists", () => {
  it("numbers the toolkit's own list as Markdown after the paragraphs it follows, escaping only the items' text", () => {
    const artefact: Artefact = { id: "v", title: "V", section: "verdict", paragraphs: ["intro:", "after"], list: { after: 1, items: ["first *reason*", "1. second"] } };
    const lines = artefactMarkdown(artefact);
    // The list sits between "intro:" and "after"; a leading "1." inside an item's text stays escaped text.
    expect(lines.slice(2, 8)).toEqual(["intro:", "", "1. first \\*reason\\*", "2. 1\\. second", "", "after"]);
  });

  it("puts a list with after ≥ the paragraph count at the end of the prose", () => {
    const lines = artefactMarkdown({ id: "v", title: "V", section: "verdict", paragraphs: ["only"], list: { after: 1, items: ["a"] } });
    expect(lines.slice(2)).toEqual(["only", "", "1. a", ""]);
  });
});
