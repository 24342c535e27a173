import { describe, expect, it } from "vitest";
import { markdownCell, markdownTable, markdownText } from "../../src/report/markdown.js";

describe("markdownText", () => {
  it("makes HTML inert and escapes emphasis, code and link characters", () => {
    expect(markdownText("<b>up_or_down</b> *x* `y` [z]")).toBe("&lt;b&gt;up\\_or\\_down&lt;/b&gt; \\*x\\* \\`y\\` \\[z\\]");
  });
});

describe("markdownCell", () => {
  it("escapes pipes and flattens line breaks", () => {
    expect(markdownCell("a|b\nc")).toBe("a\\|b c");
  });
});

describe("markdownTable", () => {
  it("writes a header, an alignment row and one line per row", () => {
    const table = { columns: [{ key: "a", label: "A" }, { key: "n", label: "n", align: "right" as const }], rows: [{ a: "x", n: "1" }, { a: "y|z", n: "20" }] };
    expect(markdownTable(table)).toBe("| A | n |\n| --- | ---: |\n| x | 1 |\n| y\\|z | 20 |\n");
  });
});
