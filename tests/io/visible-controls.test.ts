import { describe, expect, it } from "vitest";
import { visibleControls } from "../../src/io/visible-controls.js";

describe("visibleControls", () => {
  it("shows C0 controls as their control pictures (U+2400 + code), DEL as ␡", () => {
    // ESC is 0x1b → U+241B ␛; LF 0x0a → U+240A ␊; CR 0x0d → U+240D ␍; BEL 0x07 → U+2407 ␇.
    expect(visibleControls("a\u001b[2Jb\nc\rd\u0007\u007f")).toBe("a\u241b[2Jb\u240ac\u240dd\u2407\u2421");
  });

  it("shows C1 controls, bidirectional overrides and line separators by their code point", () => {
    expect(visibleControls("x\u009b31my\u202eevil\u2028z")).toBe("x<U+009B>31my<U+202E>evil<U+2028>z");
  });

  it("keeps line feeds and tabs when asked (for multi-line text the tool laid out), nothing else", () => {
    expect(visibleControls("a\tb\nc\u001b", "lines")).toBe("a\tb\nc\u241b");
  });

  it("leaves ordinary text, emoji and accents alone", () => {
    expect(visibleControls("Pain ✓ é 💊 — “quotes”")).toBe("Pain ✓ é 💊 — “quotes”");
  });
});
