import { describe, expect, it } from "vitest";
import { notebookFigure } from "../../src/report/notebook-figure.js";
import { chartSwitchStyle } from "../../src/report/notebook-style.js";
import { FOLDED_ABOVE, notebookTable } from "../../src/report/notebook-table.js";

describe("notebookTable", () => {
  const table = { columns: [{ key: "a", label: "group" }, { key: "b", label: "n", align: "right" as const }], rows: [{ a: "<A>", b: "5" }] };
  it("has a caption, column headers with scope, and each cell named by its column for the phone layout", () => {
    const html = notebookTable(table, "Sizes", undefined, (t) => t, "x.csv");
    expect(html).toContain("<caption>Sizes</caption>");
    expect(html).toContain('<thead><tr><th scope="col">group</th><th scope="col">n</th></tr></thead>');
    expect(html).toContain('<td data-label="group">&lt;A&gt;</td><td class="num" data-label="n">5</td>');
  });
  it("puts a table of more than FOLDED_ABOVE rows in a disclosure the page folds on a phone, saying how many rows", () => {
    const rows = Array.from({ length: FOLDED_ABOVE + 1 }, (_, i) => ({ a: String(i), b: "1" }));
    const html = notebookTable({ ...table, rows }, "Sizes", undefined, (t) => t, "x.csv");
    expect(html).toMatch(/^<details class="table-box" open data-narrow-closed><summary>Sizes: 4 rows<\/summary>/);
  });
});

describe("notebookFigure", () => {
  const chart = { prefix: "s-power", id: "power", svg: '<svg width="600" height="300"><g id="c1"/></svg>', narrowSvg: '<svg width="300" height="300"><g id="c1"/></svg>', name: "Power <curve>", description: "What it shows.", dataHtml: "" };
  it("makes each layout one image named by its title and described by the caption, with ids of its own", () => {
    const { html } = notebookFigure(chart);
    expect(html.match(/role="img"/g)).toHaveLength(2);
    expect(html).toContain('<svg width="600" height="300" role="img" aria-labelledby="s-power-w-title" aria-describedby="s-power-caption"><title id="s-power-w-title">Power &lt;curve&gt;</title>');
    expect(html).toContain('id="s-power-w-c1"');
    expect(html).toContain('id="s-power-n-c1"');
    expect(html).toContain('<figcaption id="s-power-caption">What it shows.</figcaption>');
  });
  it("switches to the narrow layout below the width the wide one needs (600 px chart + 32 px margins + 17 px scroll bar, to 20 px)", () => {
    // (600 + 32 + 17) / 20 = 32.45 → 33 × 20 = 660.
    const { fit } = notebookFigure(chart);
    expect(fit).toEqual({ name: "fit-660", width: 600 });
    expect(chartSwitchStyle(new Map([[fit!.name, fit!.width]]))).toBe("@media (max-width:659px){.fit-660 .chart-wide{display:none}.fit-660 .chart-narrow{display:block}}");
  });
});
