import { parseDecimal } from "../stats/rounding.js";
import { numberWordValue } from "./number-words.js";
import { pattern } from "./patterns.js";
import type { ExtractedNumber, StatisticFlag } from "./types.js";

/** Whether a text writes its decimals with a point (English) or a comma (many European texts). */
export type DecimalMark = "point" | "comma";

export interface ReadNumber {
  number: ExtractedNumber;
  flags: StatisticFlag[];
}

const minusSigns = "-\u2212\u2012\ufe63\uff0d";
const dashSigns = "\u2010\u2011\u2013\u2014\u2015";
const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const SCIENTIFIC = pattern(String.raw`^(.{1,40}?)\s{0,3}(?:[×x*·⋅]\s{0,3}10\s{0,3}\^?\s{0,3}([-+\u2212\u2013⁻]?)\s{0,3}([0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|[eE]\s{0,3}([-+\u2212]?)([0-9]{1,3}))$`, "");
const POWER_ONLY = pattern(String.raw`^10\s{0,3}\^?\s{0,3}([-\u2212\u2013⁻])\s{0,3}([0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})$`, "");

const plainDigits = (text: string): string => [...text].map((c) => (superscripts.includes(c) ? String(superscripts.indexOf(c)) : c)).join("");

/** Moves the decimal point of an unsigned plain decimal by `shift` places (negative: to the left). */
function shiftPoint(body: string, shift: number): string {
  const [whole = "", fraction = ""] = body.split(".");
  let digits = whole + fraction;
  let point = whole.length + shift;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const fracPart = digits.slice(point);
  return fracPart === "" ? intPart : `${intPart}.${fracPart}`;
}

/** Reads the unsigned digits of a printed number into a plain decimal, noting separators. */
function plainBody(body: string, mark: DecimalMark, flags: StatisticFlag[]): string | undefined {
  if (/[·⋅∙]/.test(body)) {
    flags.push("decimal-middle-dot");
    body = body.replace(/[·⋅∙]/g, ".");
  }
  if (body.includes(",") && body.includes(".")) {
    // Both marks: the last one is the decimal mark ("1,234.5" in English, "1.234,5" in German).
    const commaLast = body.lastIndexOf(",") > body.lastIndexOf(".");
    flags.push(commaLast ? "decimal-comma" : "thousands-separator");
    body = commaLast ? body.replace(/\./g, "").replace(",", ".") : body.replace(/,/g, "");
  } else if (mark === "comma" && /^[1-9]\d{0,2}(?:\.\d{3})+$/.test(body)) {
    // "1.296 pacientes" in a text that writes decimals with a comma.
    flags.push("thousands-separator");
    body = body.replace(/\./g, "");
  } else if (body.includes(",")) {
    const thousandsShape = /^[1-9]\d{0,2}(?:,\d{3})+$/.test(body);
    if (thousandsShape && mark === "point") {
      flags.push("thousands-separator");
      body = body.replace(/,/g, "");
    } else if (/^\d*,\d+$/.test(body)) {
      flags.push("decimal-comma");
      body = body.replace(",", ".");
    } else return undefined;
  }
  if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(body)) return undefined;
  return body.startsWith(".") ? `0${body}` : body;
}

/**
 * Reads one printed number exactly, keeping its digits: a sign (ASCII or Unicode minus, or a dash
 * used as one, flagged), digits with a decimal point, comma or raised dot, a power of ten, or a
 * number word. Returns undefined when the text is not a number.
 *
 * @param printed the number as it appears in the text, e.g. "−0.80", ".04", "5,2", "Twenty"
 * @param mark the text's decimal mark, which decides what "1,234" means
 * @example
 * readNumber(".04", "point")?.number.decimal; // => "0.04"
 * readNumber("−2.10", "point")?.number.parsed; // => { scaled: 210, digits: 2, negative: true }
 */
export function readNumber(printed: string, mark: DecimalMark): ReadNumber | undefined {
  const flags: StatisticFlag[] = [];
  const text = printed.trim();
  const word = numberWordValue(text);
  if (word !== undefined) return { number: { text: printed, decimal: String(word), parsed: parseDecimal(String(word)), value: word }, flags: ["number-word"] };

  let rest = text;
  let negative = false;
  const first = rest[0] ?? "";
  if (minusSigns.includes(first) || dashSigns.includes(first)) {
    negative = true;
    if (dashSigns.includes(first)) flags.push("dash-as-minus");
    rest = rest.slice(1).trimStart();
  } else if (first === "+") rest = rest.slice(1).trimStart();

  let body: string | undefined;
  const power = POWER_ONLY.exec(rest);
  const scientific = power ? null : SCIENTIFIC.exec(rest);
  if (power) {
    flags.push("scientific-notation");
    body = shiftPoint("1", -Number(plainDigits(power[2]!)));
  } else if (scientific) {
    const mantissa = plainBody(scientific[1]!, mark, flags);
    if (mantissa === undefined) return undefined;
    flags.push("scientific-notation");
    const sign = scientific[2] ?? scientific[4] ?? "";
    const exponent = Number(plainDigits(scientific[3] ?? scientific[5]!));
    body = shiftPoint(mantissa, sign !== "" && sign !== "+" ? -exponent : exponent);
  } else body = plainBody(rest, mark, flags);
  if (body === undefined) return undefined;

  const decimal = negative ? `-${body}` : body;
  let parsed;
  try {
    parsed = parseDecimal(decimal);
  } catch {
    return undefined; // more than 15 decimals or beyond exact integers: not a reported statistic
  }
  return { number: { text: printed, decimal, parsed, value: Number(decimal) }, flags };
}
