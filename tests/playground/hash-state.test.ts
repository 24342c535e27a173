import { describe, expect, it } from "vitest";
import { decodeState, encodeState, MAX_HASH_LENGTH } from "../../src/playground/hash-state.js";

describe("encodeState / decodeState", () => {
  it("keeps a panel's inputs in the link and reads them back", () => {
    const state = { tab: "mean" as const, fields: { mean: "5.10", sd: "1.20", n: "28", items: "", min: "1", max: "7", rounding: "up_from", threshold: "4" } };
    const { hash, dropped } = encodeState(state);
    expect(hash).toBe("tab=mean&mean=5.10&sd=1.20&n=28&min=1&max=7&rounding=up_from&threshold=4");
    expect(dropped).toBe(false);
    expect(decodeState(`#${hash}`)).toEqual({ tab: "mean", fields: { mean: "5.10", sd: "1.20", n: "28", min: "1", max: "7", rounding: "up_from", threshold: "4" } });
  });

  it("leaves out defaults, empty fields and the parts of a statistic entered as printed", () => {
    const printed = encodeState({ tab: "statistic", fields: { entry: "printed", printed: "t(28) = 2.20, p = .03", test: "F", value: "3", rounding: "up_or_down", threshold: "5" } });
    expect(printed.hash).toBe("tab=statistic&printed=t%2828%29+%3D+2.20%2C+p+%3D+.03");
    expect(decodeState(printed.hash)?.fields).toEqual({ printed: "t(28) = 2.20, p = .03" });
    const parts = encodeState({ tab: "statistic", fields: { entry: "parts", printed: "ignored", test: "F", value: "3.21", df: "2", df2: "57", relation: "<", p: ".05" } });
    expect(decodeState(parts.hash)?.fields).toEqual({ entry: "parts", test: "F", value: "3.21", df: "2", df2: "57", relation: "<", p: ".05" });
  });

  it("keeps text as typed: spaces, symbols, line breaks and markup", () => {
    const text = 'Line one: t(28) = 2.20, p = .03 & χ²(1) = 3.84;\n<b>"two"</b> 50%';
    expect(decodeState(encodeState({ tab: "passage", fields: { text } }).hash)?.fields.text).toBe(text);
  });

  it("has no rounding for CLOSURE, and ignores names a panel does not have", () => {
    expect(encodeState({ tab: "closure", fields: { mean: "3.0", sd: "1.2", n: "200", min: "1", max: "5", rounding: "up" } }).hash).toBe("tab=closure&mean=3.0&sd=1.2&n=200&min=1&max=5");
    expect(decodeState("#tab=closure&mean=3.0&rounding=up&evil=%3Cscript%3E")?.fields).toEqual({ mean: "3.0" });
  });

  it("opens nothing for a fragment that names no panel", () => {
    expect(decodeState("")).toBeUndefined();
    expect(decodeState("#main")).toBeUndefined();
    expect(decodeState("#tab=unknown&mean=1")).toBeUndefined();
  });

  it("leaves a passage too long for a link out of it, and says so", () => {
    const { hash, dropped } = encodeState({ tab: "passage", fields: { text: "x".repeat(MAX_HASH_LENGTH), rounding: "up" } });
    expect([hash, dropped]).toEqual(["tab=passage&rounding=up", true]);
  });
});
