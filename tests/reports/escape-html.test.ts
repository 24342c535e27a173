import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/report/escape-html.js";

describe("escapeHtml", () => {
  it("turns markup into text", () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("escapes ampersands first so entities are not double-decoded", () => {
    expect(escapeHtml("&lt; & ' \"")).toBe("&amp;lt; &amp; &#39; &quot;");
  });

  it("leaves ordinary text, including non-ASCII, alone", () => {
    expect(escapeHtml("moderately severe → mild, 55% (11/20)")).toBe("moderately severe → mild, 55% (11/20)");
  });

  it("shows control characters of study text instead of passing them to the page (issue 15, finding 9), keeping line feeds and tabs", () => {
    // By hand: ESC U+001B → ␛ (U+241B); CR U+000D → ␍ (U+240D); U+202E (right-to-left override, no picture) → <U+202E>, then escaped as markup.
    expect(escapeHtml("a\u001b[2J\r\u202eb\n\tc")).toBe("a\u241b[2J\u240d&lt;U+202E&gt;b\n\tc");
  });
});
