import { describe, expect, it } from "vitest";
import { renderPng } from "../../src/charts/render-png.js";
import { normaliseSvg, renderSvg, svgVisibleControls } from "../../src/charts/render-svg.js";
import { markItems } from "./svg-marks.js";

describe("normaliseSvg", () => {
  it("renumbers ids from 1 in order of appearance and rewrites their references", () => {
    // Hand-written input: vega's counter had reached 7 and 9.
    const svg = '<clipPath id="clip7"/><clipPath id="clip9"/><g clip-path="url(#clip9)"/><g clip-path="url(#clip7)"/>';
    expect(normaliseSvg(svg)).toBe('<clipPath id="clip1"/><clipPath id="clip2"/><g clip-path="url(#clip2)"/><g clip-path="url(#clip1)"/>');
  });

  it("limits coordinates to 3 decimals and leaves shorter numbers alone", () => {
    // By hand: 0.12345 → 0.123; 10.00051 → 10.001 (the 4th decimal 5, then 1, rounds up); 2.5 has one decimal and stays.
    expect(normaliseSvg('<path d="M0.12345,2.5L10.00051,3"/>')).toBe('<path d="M0.123,2.5L10.001,3"/>');
  });
});

describe("renderSvg", () => {
  it("draws one bar per datum and the same bytes on a second render", async () => {
    const spec = { data: { values: [{ a: "x", b: 1 }, { a: "y", b: 2 }, { a: "z", b: 3 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } } as const;
    const first = await renderSvg(spec);
    // Three data rows → three rect items (counted from the input, not from a previous run).
    expect(markItems(first, "rect", "marks")).toHaveLength(3);
    expect(await renderSvg(spec)).toBe(first);
  });
});

describe("control characters of study text in charts (issue 15, finding 9)", () => {
  it("are shown as their pictures, escaped as markup where the picture has < >", () => {
    // By hand: ESC is U+001B → U+241B ␛; line feed U+000A → U+240A ␊; U+202E has no picture → <U+202E>, written &lt;U+202E&gt; in markup.
    expect(svgVisibleControls("<text>a\u001b[2J\u202eb\nc</text>")).toBe("<text>a\u241b[2J&lt;U+202E&gt;b\u240ac</text>");
  });

  it("leave a label that resvg can draw: before, a title with an escape sequence made the SVG unparseable and stopped the reports", async () => {
    const label = "Arm\u001b[2J\u202e\nALL CHECKS CONSISTENT\u0000";
    const svg = await renderSvg({ data: { values: [{ a: label, b: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } }, title: label });
    expect(svg).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(svg).toContain("Arm\u241b[2J&lt;U+202E&gt;\u240aALL CHECKS CONSISTENT\u2400");
    // resvg refused the raw characters ("a non-XML character '\u{1b}'"); now the figure renders.
    expect((await renderPng(svg)).subarray(1, 4).toString()).toBe("PNG");
  });
});
