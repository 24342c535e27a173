import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import { parseDecimal, roundingInterval, type RoundingMode, type ScaledInterval } from "../stats/rounding.js";
import { computationLabels, parseDirection, type ChangeComputation, type Direction } from "./change-computation.js";
import { references } from "./references.js";
import { requireMode, requireScale } from "./validate.js";

export interface PercentChangeInput {
  /** Earlier mean as reported (string). */
  from: string;
  /** Later mean as reported (string). */
  to: string;
  /** Magnitude of the change as reported (string, no sign). */
  percent: string;
  /** Default: the direction the means imply. */
  direction?: Direction;
  rounding?: RoundingMode;
  /** Deciding digit for the `*_from` modes; default 5. */
  threshold?: number;
  /** Scale range, needed only for the percentage-points alternative. */
  scale?: { min: number; max: number };
}

type Frac = { num: bigint; den: bigint };
const frac = (i: ScaledInterval, which: "lo" | "hi"): Frac => ({ num: BigInt(i[which]), den: BigInt(i.den) });
const cmp = (a: Frac, b: Frac): number => {
  const d = a.num * b.den - b.num * a.den;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};
const sub = (a: Frac, b: Frac): Frac => ({ num: a.num * b.den - b.num * a.den, den: a.den * b.den });
const div = (a: Frac, b: Frac): Frac => (b.num < 0n ? { num: -a.num * b.den, den: -b.num * a.den } : { num: a.num * b.den, den: b.num * a.den });
const times100 = (a: Frac): Frac => ({ num: 100n * a.num, den: a.den });

/** Range of the signed percent change over the two means' rounding intervals (open ends where either interval is open). */
function changeRange(f: ScaledInterval, t: ScaledInterval, computation: ChangeComputation, range: number | null): { lo: Frac; hi: Frac; loIn: boolean; hiIn: boolean } | null {
  const fLo = frac(f, "lo");
  const fHi = frac(f, "hi");
  const tLo = frac(t, "lo");
  const tHi = frac(t, "hi");
  if (computation === "percentage-points") {
    if (range === null) return null;
    const r: Frac = { num: BigInt(Math.round(range * 1e6)), den: 1_000_000n };
    return { lo: times100(div(sub(tLo, fHi), r)), hi: times100(div(sub(tHi, fLo), r)), loIn: t.loIn && f.hiIn, hiIn: t.hiIn && f.loIn };
  }
  const base = computation === "percent-of-earlier" ? { lo: fHi, hi: fLo } : { lo: tLo, hi: tHi };
  if (base.lo.num <= 0n || base.hi.num <= 0n) return null;
  // (to − from)/from increases in `to` and decreases in `from` (positive means); (to − from)/to likewise.
  return {
    lo: times100(div(sub(tLo, fHi), base.lo)),
    hi: times100(div(sub(tHi, fLo), computation === "percent-of-earlier" ? fLo : tHi)),
    loIn: t.loIn && f.hiIn,
    hiIn: t.hiIn && f.loIn,
  };
}

function overlaps(r: { lo: Frac; hi: Frac; loIn: boolean; hiIn: boolean }, p: { lo: Frac; hi: Frac; loIn: boolean; hiIn: boolean }): boolean {
  const a = cmp(r.lo, p.hi);
  const b = cmp(p.lo, r.hi);
  return (a < 0 || (a === 0 && r.loIn && p.hiIn)) && (b < 0 || (b === 0 && p.loIn && r.hiIn));
}

/**
 * A single reported percent change between two reported means: can some pair of unrounded means
 * (each within its rounding interval) give a change that rounds to the reported percent? Exact
 * rational arithmetic. When not, tries the change relative to the later value and (with a scale
 * range) percentage points, and lists each with its status.
 * Reference: arithmetic of percent change with scrutiny-style rounding intervals (Jung, scrutiny `unround()`).
 *
 * @param input.from earlier mean (string), input.to later mean (string), input.percent magnitude (string)
 * @throws CohortError for malformed strings, a non-positive earlier mean, a bad direction, or a scale
 *   with a non-finite bound or min ≥ max
 * @example
 * percentChange({ from: "3.20", to: "2.50", percent: "21.88" }).status; // => "consistent" (−21.875%)
 */
export function percentChange(input: PercentChangeInput): CheckResult {
  const rounding = requireMode(input.rounding);
  const threshold = input.threshold ?? 5;
  const f = roundingInterval(input.from, rounding, threshold);
  const t = roundingInterval(input.to, rounding, threshold);
  const from = parseDecimal(input.from, "from");
  const to = parseDecimal(input.to, "to");
  if (from.negative || from.scaled === 0) throw new CohortError({ message: msg.earlierMeanNotPositive(input.from) });
  const fromValue = from.scaled / 10 ** from.digits;
  const toValue = (to.negative ? -1 : 1) * (to.scaled / 10 ** to.digits);
  const direction = input.direction === undefined ? (toValue < fromValue ? "decrease" : "increase") : parseDirection(input.direction);
  const p = roundingInterval(input.percent, rounding, threshold);
  const s = direction === "increase" ? 1n : -1n;
  const signed = s > 0n ? { lo: frac(p, "lo"), hi: frac(p, "hi"), loIn: p.loIn, hiIn: p.hiIn } : { lo: { num: -BigInt(p.hi), den: BigInt(p.den) }, hi: { num: -BigInt(p.lo), den: BigInt(p.den) }, loIn: p.hiIn, hiIn: p.loIn };
  const scale = input.scale === undefined ? undefined : requireScale(input.scale);
  const range = scale ? scale.max - scale.min : null;
  const test = (c: ChangeComputation) => {
    const r = changeRange(f, t, c, range);
    if (r === null) return { status: "undetermined" as const, range: null };
    return { status: overlaps(r, signed) ? ("consistent" as const) : ("inconsistent" as const), range: [Number(r.lo.num) / Number(r.lo.den), Number(r.hi.num) / Number(r.hi.den)] };
  };
  const primary = test("percent-of-earlier");
  const alternatives =
    primary.status === "consistent"
      ? []
      : (["percent-of-later", "percentage-points"] as const).map((c) => ({ id: c, label: computationLabels[c], ...test(c) }));
  const rescuers = alternatives.filter((a) => a.status === "consistent").map((a) => a.id);
  const possible = primary.range ? `${primary.range[0]!.toFixed(3)}% to ${primary.range[1]!.toFixed(3)}%` : "undefined";
  return {
    check: "percent-change",
    status: primary.status,
    inputs: { from: input.from, to: input.to, percent: input.percent, direction },
    assumptions: { rounding, computation: computationLabels["percent-of-earlier"], means: "each reported mean stands for any value that rounds to it" },
    explanation:
      primary.status === "consistent"
        ? `${input.from} → ${input.to} allows a change of ${possible}, which includes a ${direction} of ${input.percent}%`
        : `${input.from} → ${input.to} allows only ${possible}, not a ${direction} of ${input.percent}%${rescuers.length > 0 ? `; consistent under: ${rescuers.join(", ")}` : alternatives.length > 0 ? "; no alternative computation tried fits" : ""}`,
    reference: references.percentChange,
    details: { possibleChange: primary.range, alternatives },
  };
}
