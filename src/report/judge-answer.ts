import * as msg from "../messages/exercises.js";
import type { ExerciseInput } from "./artefact.js";
import { acceptedAnswer } from "./exercise-calls.js";

/** A reader's answer: the text of each field (a number: one; an interval: lower and upper), or the options chosen (0-based). */
export type ReaderAnswer = { texts: readonly string[] } | { chosen: readonly number[] };

/** The verdict on an answer: right, wrong, or not an answer yet (empty or unreadable, with the field to fix). */
export interface Judgement {
  state: "right" | "wrong" | "error";
  message: string;
  /** The field to fix (index into texts), for an error. */
  field?: number;
}

/**
 * A number as a reader types it: a decimal point or comma, an optional minus (or the minus sign −)
 * and a trailing %; nothing else. Undefined for empty text; NaN for text that is not a number.
 *
 * @example
 * readNumber(" 2,03 "); // => 2.03
 * readNumber("abc"); // => NaN
 */
export function readNumber(text: string): number | undefined {
  const t = text.replace(/\u2212/g, "-").replace(/\s+/g, "").replace(/%$/, "").replace(/,/g, ".");
  if (t === "") return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

/**
 * Judges a reader's answer to an exercise: a number or interval against what the exercise's library
 * call accepts (acceptedAnswer runs the call), a choice against the options marked right. Used by the
 * notebook's script in the browser (bundled), so the page's feedback is this function's.
 *
 * @param input how the exercise takes an answer
 * @param answer what the reader typed or chose
 * @example
 * judgeAnswer({ kind: "number", label: "tables", call: { fn: "countTables", rows: [2, 1], cols: [2, 1] } }, { texts: ["2"] }).state; // => "right"
 * judgeAnswer({ kind: "number", label: "tables", call: { fn: "countTables", rows: [2, 1], cols: [2, 1] } }, { texts: [""] }).message; // => "Type an answer first."
 */
export function judgeAnswer(input: ExerciseInput, answer: ReaderAnswer): Judgement {
  if (input.kind === "choice") {
    const chosen = "chosen" in answer ? answer.chosen : [];
    if (chosen.length === 0) return { state: "error", message: msg.emptyChoice() };
    const right = input.options.flatMap((option, index) => (option.correct ? [index] : []));
    const rightChosen = chosen.filter((index) => input.options[index]?.correct === true).length;
    if (rightChosen === right.length && chosen.length === right.length) return { state: "right", message: msg.rightChoice() };
    return { state: "wrong", message: input.multiple && rightChosen > 0 ? msg.partlyRight() : msg.wrongChoice() };
  }
  const texts = "texts" in answer ? answer.texts : [];
  const fields = input.kind === "interval" ? 2 : 1;
  const values: number[] = [];
  for (let field = 0; field < fields; field++) {
    const text = texts[field] ?? "";
    const value = readNumber(text);
    if (value === undefined) return { state: "error", message: msg.emptyAnswer(), field };
    if (Number.isNaN(value)) return { state: "error", message: msg.notANumber(text.trim()), field };
    values.push(value);
  }
  const accepted = acceptedAnswer(input.call);
  const within = (x: number, range: readonly [number, number]) => x >= range[0] && x <= range[1];
  const shown = (x: number, decimals: number) => x.toFixed(decimals);
  if (accepted.kind === "number") {
    const value = values[0]!;
    if (within(value, accepted.accept)) return { state: "right", message: msg.rightNumber(shown(accepted.value, accepted.decimals)) };
    return { state: "wrong", message: value < accepted.accept[0] ? msg.tooLow() : msg.tooHigh() };
  }
  const [lower, upper] = values as [number, number];
  if (lower > upper) return { state: "error", message: msg.endsReversed(), field: 0 };
  const match = accepted.intervals.find((i) => within(lower, i.lower) && within(upper, i.upper));
  if (match) return { state: "right", message: msg.rightInterval(match.name, `${shown(match.value[0], accepted.decimals)}–${shown(match.value[1], accepted.decimals)}%`) };
  const first = accepted.intervals[0]!;
  const problems = [
    ...(within(lower, first.lower) ? [] : [msg.endOff("lower", lower < first.lower[0] ? "low" : "high")]),
    ...(within(upper, first.upper) ? [] : [msg.endOff("upper", upper < first.upper[0] ? "low" : "high")]),
  ];
  return { state: "wrong", message: msg.wrongInterval(first.name, problems) };
}
