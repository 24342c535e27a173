import { describe, expect, it } from "vitest";
import { markdownCell, markdownTable, markdownText } from "../../src/report/markdown.js";

describe("markdownText", () => {
  it("makes HTML inert and escapes emphasis, code and link characters", () => {
    expect(markdownText("<b>up_or_down</b> *x* `y` [z]")).toBe("&lt;b&gt;up\\_or\\_down&lt;/b&gt; \\*x\\* \\`y\\` \\[z\\]");
  });

  it("keeps line breaks from starting a line, and shows other control characters (red team finding 9)", () => {
    // A title with a newline and ~~~ opened a code fence that hid most of report.md: the line break
    // is now a space (as a renderer shows a soft break), so "~~~" and "#" are inline text.
    expect(markdownText("Study\n~~~\n# Fake")).toBe("Study \\~\\~\\~ # Fake");
    expect(markdownText("a\u001b[2Jb\r\nc\rd\te")).toBe("a\u241b\\[2Jb c d\u2409e");
  });

  it("escapes what would open a block where the text starts a line, and strikethrough and math everywhere", () => {
    expect(markdownText("# x")).toBe("\\# x");
    expect(markdownText("- item")).toBe("\\- item");
    // ">" is already an entity, which CommonMark never reads as a block-quote marker.
    expect(markdownText("> quote")).toBe("&gt; quote");
    expect(markdownText("1. one")).toBe("1\\. one");
    expect(markdownText("=== ")).toBe("\\=== ");
    expect(markdownText("    code")).toBe("&#32;&#32;&#32;&#32;code");
    expect(markdownText("~~gone~~ costs $1 or US$ 2")).toBe("\\~\\~gone\\~\\~ costs \\$1 or US\\$ 2");
    // Only the start of a text is a line start: a hyphen or hash inside stays as it is.
    expect(markdownText("−3.39% - a # b")).toBe("−3.39% - a # b");
  });
});

describe("markdownCell", () => {
  it("escapes pipes and turns line breaks into spaces", () => {
    expect(markdownCell("a|b\nc")).toBe("a\\|b c");
  });
});

describe("markdownTable", () => {
  it("writes a header, an alignment row and one line per row", () => {
    const table = { columns: [{ key: "a", label: "A" }, { key: "n", label: "n", align: "right" as const }], rows: [{ a: "x", n: "1" }, { a: "y|z", n: "20" }] };
    expect(markdownTable(table)).toBe("| A | n |\n| --- | ---: |\n| x | 1 |\n| y\\|z | 20 |\n");
  });

  it("gives repeated column labels their own names (red team finding 5, the same class)", () => {
    const table = { columns: [{ key: "a", label: "sex" }, { key: "b", label: "sex" }], rows: [{ a: "f", b: "m" }] };
    expect(markdownTable(table)).toBe("| sex | sex (2) |\n| --- | --- |\n| f | m |\n");
  });
});
