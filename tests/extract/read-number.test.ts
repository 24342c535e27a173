import { describe, expect, it } from "vitest";
import { readNumber } from "../../src/extract/index.js";

const read = (printed: string, mark: "point" | "comma" = "point") => readNumber(printed, mark);

describe("readNumber", () => {
  it("keeps the printed digits: a missing leading zero, trailing zeros, the text as printed", () => {
    expect(read(".04")?.number).toEqual({ text: ".04", decimal: "0.04", parsed: { scaled: 4, digits: 2, negative: false }, value: 0.04 });
    expect(read("0.040")?.number.parsed).toEqual({ scaled: 40, digits: 3, negative: false });
  });
  it("reads a Unicode minus as negative without a flag, and a dash used as a minus with one", () => {
    expect(read("\u22122.10")?.number).toMatchObject({ decimal: "-2.10", parsed: { scaled: 210, digits: 2, negative: true } });
    expect(read("\u22122.10")?.flags).toEqual([]);
    expect(read("\u20130.8")).toMatchObject({ number: { decimal: "-0.8" }, flags: ["dash-as-minus"] });
  });
  it("reads a decimal comma and flags it, never silently", () => {
    expect(read("5,2")).toMatchObject({ number: { decimal: "5.2" }, flags: ["decimal-comma"] });
    expect(read("0,001")).toMatchObject({ number: { decimal: "0.001" }, flags: ["decimal-comma"] });
  });
  it("reads 1,234 by the text's decimal mark", () => {
    expect(read("1,234", "point")).toMatchObject({ number: { decimal: "1234" }, flags: ["thousands-separator"] });
    expect(read("1,234", "comma")).toMatchObject({ number: { decimal: "1.234" }, flags: ["decimal-comma"] });
    expect(read("1.296", "comma")).toMatchObject({ number: { decimal: "1296" }, flags: ["thousands-separator"] });
    expect(read("1,234.5")).toMatchObject({ number: { decimal: "1234.5" }, flags: ["thousands-separator"] });
    expect(read("1.234,5")).toMatchObject({ number: { decimal: "1234.5" }, flags: ["decimal-comma"] });
  });
  it("reads a raised decimal point (Lancet) and flags it", () => {
    expect(read("0\u00b704")).toMatchObject({ number: { decimal: "0.04" }, flags: ["decimal-middle-dot"] });
  });
  it("reads powers of ten exactly: 2.3 × 10−5 is 0.000023", () => {
    // 2.3 × 10^-5 = 0.000023 (shift the point five places left); 1e-4 = 0.0001; 10−6 = 0.000001.
    expect(read("2.3 \u00d7 10\u22125")).toMatchObject({ number: { decimal: "0.000023", parsed: { scaled: 23, digits: 6 } }, flags: ["scientific-notation"] });
    expect(read("1e-4")?.number.decimal).toBe("0.0001");
    expect(read("10\u22126")?.number.decimal).toBe("0.000001");
    expect(read("5 \u00d7 10\u207b\u00b3")?.number.decimal).toBe("0.005");
    expect(read("1.5e3")?.number.decimal).toBe("1500");
  });
  it("reads number words", () => {
    expect(read("Fifteen")).toMatchObject({ number: { text: "Fifteen", decimal: "15" }, flags: ["number-word"] });
  });
  it("refuses what is not a number", () => {
    expect(read("abc")).toBeUndefined();
    expect(read("1.2.3")).toBeUndefined();
    expect(read("0.1234567890123456")).toBeUndefined(); // 16 decimals: beyond what parseDecimal keeps exact
  });
});
