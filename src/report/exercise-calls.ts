import { clopperPearson } from "../inference/clopper-pearson.js";
import { mde } from "../inference/mde.js";
import type { SampleSizes, TDesign } from "../inference/t-design.js";
import { wilson } from "../inference/wilson.js";
import { countTables } from "../reconstruct/crosstab.js";

/**
 * The library call whose result is an exercise's answer. The report's worked answer and the
 * notebook's check of a reader's answer both run it (the notebook in the browser, from its bundled
 * copy of this module), so the feedback is the library's, not a copy of it.
 */
export type ExerciseCall =
  /** The smallest standardised effect a t-test detects with 80% power at α = 0.05 (mde), to 2 decimals. */
  | { fn: "mde"; design: TDesign; n: SampleSizes }
  /** How many two-way tables fit the margins (countTables), exactly. */
  | { fn: "countTables"; rows: number[]; cols: number[] }
  /** The 95% interval of count/n in percent, Wilson or Clopper–Pearson, each end to 1 decimal. */
  | { fn: "proportionIntervals"; count: number; n: number };

/** What a call accepts: a number's range, or each interval a right answer may be with the range of each end. */
export type AcceptedAnswer =
  | { kind: "number"; value: number; accept: readonly [number, number]; decimals: number }
  | { kind: "interval"; intervals: ReadonlyArray<{ name: string; value: readonly [number, number]; lower: readonly [number, number]; upper: readonly [number, number] }>; decimals: number };

/** A bound made exact to 6 decimals, so no floating-point dust decides a comparison. */
const tidy = (x: number): number => Number(x.toFixed(6));
const rounded = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
/** x to `decimals` decimals, give or take `slack` units of the last decimal. */
const around = (x: number, decimals: number, slack: number): [number, number] => {
  const step = 10 ** -decimals;
  return [tidy(rounded(x, decimals) - slack * step), tidy(rounded(x, decimals) + slack * step)];
};

/**
 * Runs an exercise's call and says which answers are right: mde to 2 decimals give or take 0.01 (a
 * reader reading it off the chart or rounding differently); a table count exactly; each end of a
 * percentage interval to 1 decimal give or take 0.1, for either interval method.
 *
 * @param call the exercise's library call
 * @example
 * acceptedAnswer({ fn: "countTables", rows: [2, 1], cols: [2, 1] }); // => { kind: "number", value: 2, accept: [2, 2], decimals: 0 }
 * acceptedAnswer({ fn: "mde", design: "two-group", n: [5, 5] }).accept; // => [2.01, 2.03] (mde 2.0244)
 */
export function acceptedAnswer(call: ExerciseCall): AcceptedAnswer {
  switch (call.fn) {
    case "mde": {
      const value = mde(call.design, call.n).mde;
      return { kind: "number", value, accept: around(value, 2, 1), decimals: 2 };
    }
    case "countTables": {
      const count = countTables(call.rows, call.cols);
      const value = Number(count);
      return { kind: "number", value, accept: [value, value], decimals: 0 };
    }
    case "proportionIntervals": {
      const methods = [
        { name: "Wilson", interval: wilson(call.count, call.n).interval },
        { name: "Clopper–Pearson (exact)", interval: clopperPearson(call.count, call.n).interval },
      ];
      return {
        kind: "interval",
        decimals: 1,
        intervals: methods.map(({ name, interval }) => {
          const value = [100 * interval[0], 100 * interval[1]] as const;
          return { name, value, lower: around(value[0], 1, 1), upper: around(value[1], 1, 1) };
        }),
      };
    }
  }
}
