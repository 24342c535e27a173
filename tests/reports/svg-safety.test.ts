import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/charts/render-svg.js";
import { escapeHtml } from "../../src/report/escape-html.js";
import { unsafeSvgReason } from "../../src/report/svg-safety.js";

// Hostile study text as the fuzz suite found it: it reaches chart labels, where vega escapes it.
const HOSTILE = '<img src=x onerror="alert(1)"> see javascript:alert(1)';

describe("unsafeSvgReason", () => {
  it("accepts escaped hostile text in text nodes and ordinary attribute values (fuzz regression)", () => {
    // Hand-written SVG in vega's shape: the text is escaped, the aria-label value quotes it.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><g aria-label="${escapeHtml(HOSTILE)}"><text>${escapeHtml(HOSTILE)}</text></g></svg>`;
    expect(unsafeSvgReason(svg)).toBeUndefined();
  });

  it("accepts a chart vega rendered with the hostile text as title and axis labels", async () => {
    const svg = await renderSvg({
      title: HOSTILE,
      data: { values: [{ a: HOSTILE, b: 1 }, { a: "javascript:void(0)", b: 2 }] },
      mark: "bar",
      encoding: { x: { field: "a", type: "nominal", title: ` onerror=x()` }, y: { field: "b", type: "quantitative" } },
    });
    // The hostile words are present as text (so the old regex would have refused the chart) …
    expect(svg).toContain("onerror=");
    expect(svg).toContain("javascript:");
    // … but no element or attribute carries them.
    expect(unsafeSvgReason(svg)).toBeUndefined();
  });

  it("refuses real script elements, event-handler attributes and script URLs", () => {
    expect(unsafeSvgReason('<svg><script>alert(1)</script></svg>')).toBe("a <script> element");
    expect(unsafeSvgReason('<svg><SCRIPT xlink:href="x.js"/></svg>')).toBe("a <SCRIPT> element");
    expect(unsafeSvgReason('<svg onload="x()"></svg>')).toBe('an event-handler attribute "onload"');
    expect(unsafeSvgReason("<svg><g ONERROR = 'x()'></g></svg>")).toBe('an event-handler attribute "ONERROR"');
    expect(unsafeSvgReason('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>')).toBe('a script URL in the attribute "href"');
    // Obfuscations browsers still run (OWASP cheat sheet): entity-encoded letters, a tab inside the scheme, leading space.
    expect(unsafeSvgReason('<svg><a xlink:href=" &#106;ava&#x09;script&colon;alert(1)"/></svg>')).toBe('a script URL in the attribute "xlink:href"');
    expect(unsafeSvgReason('<svg><foreignObject><div/></foreignObject></svg>')).toBe("a <foreignObject> element");
  });

  it("refuses markup it cannot parse rather than guessing", () => {
    // An unescaped "<" in text or an unquoted attribute is not what vega writes.
    expect(unsafeSvgReason("<svg><text>a < b</text></svg>")).toMatch(/^markup it cannot parse/);
    expect(unsafeSvgReason("<svg><g x=1></g></svg>")).toMatch(/^markup it cannot parse/);
  });

  it("accepts in-document references such as clip paths", () => {
    expect(unsafeSvgReason('<svg><clipPath id="c1"><rect/></clipPath><g clip-path="url(#c1)"><a xlink:href="#c1"/></g></svg>')).toBeUndefined();
  });
});
