import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import * as msg from "../../src/messages/reports.js";
import { notebookHtml } from "../../src/report/notebook-html.js";
import { studyA } from "../helpers/fixtures.js";

const study = loadStudy(studyA, loadInstruments());
const hostile = { ...study, title: '<img src=x onerror="window.__pwned=1">Study' };
const artefact = {
  id: "demo",
  title: "Demo <b>artefact</b>",
  section: "reported" as const,
  paragraphs: ['A quote: "<script>alert(1)</script>"'],
  table: { columns: [{ key: "a", label: "<th>" }], rows: [{ a: "<td>&" }] },
  figure: { spec: {} as never, alt: "alt <i>" },
  svg: '<svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><text>x</text></g></svg>',
  exercises: [{ question: "Q <1>?", answer: "A & B", method: "m" }],
};

describe("notebookHtml", () => {
  const html = notebookHtml([{ study: hostile, artefacts: [artefact], skipped: [] }]);

  it("escapes every text that comes from data", () => {
    expect(html).toContain("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;Study");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('<th scope="col">&lt;th&gt;</th>');
    expect(html).toContain("&lt;td&gt;&amp;");
    expect(html).toContain("Q &lt;1&gt;?");
  });

  it("allows only its own script, by hash, and no network source", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    // The hash is recomputed here from the script text in the page (CSP Level 2, hash-source).
    const hash = createHash("sha256").update(scripts[0]!).digest("base64");
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it("prefixes chart ids so two inline charts cannot share a clip path", () => {
    // The wide layout's ids get "-w" after the artefact's prefix (a narrow layout's would get "-n").
    expect(html).toContain(`id="${study.id}-demo-w-clip1"`);
    expect(html).toContain(`url(#${study.id}-demo-w-clip1)`);
  });

  it("hides each answer behind a button that controls it", () => {
    expect(html).toMatch(/<button type="button" class="reveal" aria-expanded="false" aria-controls="answer-1"[^>]*>Show the worked answer<\/button>/);
    expect(html).toContain('<div class="answer" id="answer-1" hidden><p>A &amp; B</p>');
  });

  it("refuses chart SVG that carries a script", () => {
    expect(() => notebookHtml([{ study, artefacts: [{ ...artefact, svg: '<svg onload="x()"></svg>' }], skipped: [] }])).toThrow(/refusing to embed/);
  });

  it("embeds a chart whose labels carry escaped hostile study text, inertly (fuzz regression)", () => {
    // vega escapes label text; before the fix the words onerror= and javascript: in it made the page refuse the chart.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><g aria-label="&lt;img src=x onerror=&quot;a()&quot;&gt;"><text>see javascript:alert(1) onerror=b()</text></g></svg>';
    const page = notebookHtml([{ study: hostile, artefacts: [{ ...artefact, svg }], skipped: [] }]);
    expect(page).toContain("<text>see javascript:alert(1) onerror=b()</text>");
    expect(page).not.toMatch(/<img|\sonerror="/i);
  });

  it("names what it refused in the message", () => {
    expect(() => notebookHtml([{ study, artefacts: [{ ...artefact, svg: '<svg><a href="javascript:x()"/></svg>' }], skipped: [] }])).toThrow(
      msg.unsafeSvg(`${study.id}-demo`, 'a script URL in the attribute "href"'),
    );
  });
});

describe("notebookHtml lists", () => {
  it("renders the toolkit's numbered list as an <ol> after the paragraphs it follows, its items escaped", () => {
    const page = notebookHtml([{ study, artefacts: [{ id: "v", title: "V", section: "verdict", paragraphs: ["intro:", "after"], list: { after: 1, items: ["<b>one</b>", "two"] } }], skipped: [] }]);
    const at = (needle: string) => page.indexOf(needle);
    expect(page).toContain("<ol><li>&lt;b&gt;one&lt;/b&gt;</li><li>two</li></ol>");
    const list = "<ol><li>&lt;b&gt;one";
    expect(at("<p>intro:</p>")).toBeLessThan(at(list));
    expect(at(list)).toBeLessThan(at("<p>after</p>"));
  });
});
