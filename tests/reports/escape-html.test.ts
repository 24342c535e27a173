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
});
