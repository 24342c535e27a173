import { describe, expect, it } from "vitest";
import * as msg from "../../src/messages/exercises.js";
import type { ExerciseInput } from "../../src/report/artefact.js";
import { acceptedAnswer } from "../../src/report/exercise-calls.js";
import { judgeAnswer, readNumber } from "../../src/report/judge-answer.js";

/** Every 2 × c table with these margins, counted by brute force over the first row (the second row is what is left). */
function bruteForceTables(rows: readonly [number, number], cols: readonly number[]): number {
  let count = 0;
  const walk = (index: number, left: number): void => {
    if (index === cols.length) {
      if (left === 0) count++;
      return;
    }
    for (let x = 0; x <= Math.min(cols[index]!, left); x++) if (cols[index]! - x <= rows[1]) walk(index + 1, left - x);
  };
  walk(0, rows[0]);
  return count;
}

const number = (call: Extract<ExerciseInput, { kind: "number" | "interval" }>["call"]): ExerciseInput => ({ kind: "number", label: "x", call });

describe("acceptedAnswer", () => {
  it("counts tables exactly, as brute force does", () => {
    // Study A's sex × substance margins; and [2, 1] × [2, 1] by hand: [[1,1],[1,0]] and [[2,0],[0,1]].
    expect(acceptedAnswer({ fn: "countTables", rows: [11, 9], cols: [9, 5, 4, 2] })).toMatchObject({ value: bruteForceTables([11, 9], [9, 5, 4, 2]), decimals: 0 });
    expect(acceptedAnswer({ fn: "countTables", rows: [2, 1], cols: [2, 1] }).kind === "number" && acceptedAnswer({ fn: "countTables", rows: [2, 1], cols: [2, 1] })).toMatchObject({ value: 2, accept: [2, 2] });
  });
  it("accepts mde to two decimals, give or take 0.01", () => {
    // Cohen (1988) Table 2.4.1: 64 per group give 80% power for d = 0.5 at α = .05 two-sided, so mde(64, 64) rounds to 0.50.
    expect(acceptedAnswer({ fn: "mde", design: "two-group", n: [64, 64] })).toMatchObject({ accept: [0.49, 0.51], decimals: 2 });
  });
  it("accepts the Wilson or the Clopper–Pearson interval in percent, each end to one decimal ± 0.1", () => {
    // Wilson 11/20 by hand: (0.55 + 1.96²/40 ± 1.96·√(0.55·0.45/20 + 1.96²/1600)) / (1 + 1.96²/20) = [0.34209, 0.74180].
    // Clopper–Pearson 11/20: R binom.test(11, 20)$conf.int = [0.3152781, 0.7694221].
    const accepted = acceptedAnswer({ fn: "proportionIntervals", count: 11, n: 20 });
    expect(accepted.kind === "interval" && accepted.intervals.map((i) => [i.name, i.lower, i.upper])).toEqual([
      ["Wilson", [34.1, 34.3], [74.1, 74.3]],
      ["Clopper–Pearson (exact)", [31.4, 31.6], [76.8, 77]],
    ]);
  });
});

describe("judgeAnswer", () => {
  const tables = number({ fn: "countTables", rows: [2, 1], cols: [2, 1] });
  const effect = number({ fn: "mde", design: "two-group", n: [64, 64] });
  const interval: ExerciseInput = { kind: "interval", label: "x", call: { fn: "proportionIntervals", count: 11, n: 20 } };

  it("asks for an answer when a field is empty and names text that is not a number", () => {
    expect(judgeAnswer(tables, { texts: [""] })).toEqual({ state: "error", message: msg.emptyAnswer(), field: 0 });
    expect(judgeAnswer(tables, { texts: ["two"] })).toEqual({ state: "error", message: msg.notANumber("two"), field: 0 });
    expect(judgeAnswer(interval, { texts: ["34.2", " "] })).toEqual({ state: "error", message: msg.emptyAnswer(), field: 1 });
  });
  it("says right, too low or too high for a number", () => {
    expect(judgeAnswer(tables, { texts: ["2"] })).toEqual({ state: "right", message: msg.rightNumber("2") });
    expect(judgeAnswer(tables, { texts: ["1"] })).toEqual({ state: "wrong", message: msg.tooLow() });
    expect(judgeAnswer(effect, { texts: ["0,5"] }).state).toBe("right");
    expect(judgeAnswer(effect, { texts: ["0.52"] })).toEqual({ state: "wrong", message: msg.tooHigh() });
    expect(judgeAnswer(effect, { texts: ["0.48"] })).toEqual({ state: "wrong", message: msg.tooLow() });
  });
  it("names the interval a right answer matches and the ends a wrong one misses", () => {
    expect(judgeAnswer(interval, { texts: ["34.2", "74.2%"] })).toEqual({ state: "right", message: msg.rightInterval("Wilson", "34.2–74.2%") });
    expect(judgeAnswer(interval, { texts: ["31.5", "76.9"] })).toEqual({ state: "right", message: msg.rightInterval("Clopper–Pearson (exact)", "31.5–76.9%") });
    // The Wald interval, 55 ± 1.96·√(0.55·0.45/20) = 33.2–76.8%, is neither: both ends are off Wilson's.
    expect(judgeAnswer(interval, { texts: ["33.2", "76.8"] })).toEqual({ state: "wrong", message: msg.wrongInterval("Wilson", [msg.endOff("lower", "low"), msg.endOff("upper", "high")]) });
    expect(judgeAnswer(interval, { texts: ["74.2", "34.2"] })).toEqual({ state: "error", message: msg.endsReversed(), field: 0 });
  });
  it("judges choices: none, wrong, partly right and right", () => {
    const choice: ExerciseInput = { kind: "choice", label: "x", multiple: true, options: [{ label: "a", correct: true, feedback: "" }, { label: "b", correct: false, feedback: "" }, { label: "c", correct: true, feedback: "" }] };
    expect(judgeAnswer(choice, { chosen: [] })).toEqual({ state: "error", message: msg.emptyChoice() });
    expect(judgeAnswer(choice, { chosen: [1] })).toEqual({ state: "wrong", message: msg.wrongChoice() });
    expect(judgeAnswer(choice, { chosen: [0] })).toEqual({ state: "wrong", message: msg.partlyRight() });
    expect(judgeAnswer(choice, { chosen: [0, 1, 2] })).toEqual({ state: "wrong", message: msg.partlyRight() });
    expect(judgeAnswer(choice, { chosen: [2, 0] })).toEqual({ state: "right", message: msg.rightChoice() });
  });
});

describe("readNumber", () => {
  it("reads what readers type and refuses the rest", () => {
    expect(readNumber(" 2,03 ")).toBe(2.03);
    expect(readNumber("\u22120.5")).toBe(-0.5);
    expect(readNumber("12%")).toBe(12);
    expect(readNumber("")).toBeUndefined();
    expect(readNumber("1.2.3")).toBeNaN();
    expect(readNumber("abc")).toBeNaN();
  });
});
