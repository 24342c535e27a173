import { CohortError } from "../errors.js";
import * as msg from "../messages/checks.js";
import type { CheckResult } from "../schema/check-result.js";
import type { Reference } from "../schema/reference.js";
import { references } from "./references.js";

export interface BandDefinition {
  id: string;
  label: string;
  /** Inclusive whole-number range on the total score. */
  min: number;
  max: number;
}

export interface BandConventionInput {
  id: string;
  label: string;
  bands: BandDefinition[];
  reference?: Reference;
}

export interface BandEnd {
  /** The source's words, e.g. "moderately severe". */
  label: string;
  /** The band id the words map to; absent (or not in a convention) when they map to none. */
  band?: string;
  timepoint?: string;
}

export interface BandShiftInput {
  /** Absent when the source gives only the end band. */
  from?: BandEnd;
  to: BandEnd;
  conventions: BandConventionInput[];
  /** What summary the bands describe; the continuous interpretation applies to a mean. */
  statistic?: string;
}

export interface MeanInterval {
  lower: number;
  upper: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
}

/**
 * A whole-number band min…max read as an interval for a continuous group mean: [min, next band's
 * min) — a mean of 9.6 on PHQ-9 is still "mild" (5–9) because it is below 10 — and [min, max] for
 * the top band. Stated as an assumption in every result.
 */
export function bandInterval(bands: BandDefinition[], id: string): MeanInterval | null {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const i = sorted.findIndex((b) => b.id === id);
  if (i < 0) return null;
  const band = sorted[i]!;
  const next = sorted[i + 1];
  return next ? { lower: band.min, upper: next.min, lowerInclusive: true, upperInclusive: false } : { lower: band.min, upper: band.max, lowerInclusive: true, upperInclusive: true };
}

const show = (i: MeanInterval): string => `${i.lowerInclusive ? "[" : "("}${i.lower}, ${i.upper}${i.upperInclusive ? "]" : ")"}`;

/**
 * Band shift: a reported move between severity bands (e.g. PHQ-9 "moderately severe" → "mild")
 * becomes an interval for the group mean at each timepoint and the least and greatest change of
 * the mean, under EACH band convention supplied (one result per convention). A band the
 * convention does not define (e.g. SDS "satisfactory") makes that result `undetermined`.
 * Reference: the instrument's published cut points (e.g. Kroenke et al. 2001 for PHQ-9).
 *
 * @param input.from the earlier band (optional), input.to the later band
 * @param input.conventions [{ id, label, bands: [{ id, label, min, max }] }], bands inclusive on the total score
 * @throws CohortError for no conventions, a band with a non-finite bound, or a band with min > max
 * @example
 * bandShift({ from: { label: "moderately severe", band: "moderately-severe" }, to: { label: "mild", band: "mild" },
 *   conventions: [phq9] })[0].details.change; // => { lower: 5, upper: 15, lowerInclusive: false, upperInclusive: false } (a decrease of more than 5 and less than 15 points)
 */
export function bandShift(input: BandShiftInput): CheckResult[] {
  if (input.conventions.length === 0) throw new CohortError({ message: msg.noConventions() });
  return input.conventions.map((convention) => {
    for (const b of convention.bands) {
      for (const which of ["min", "max"] as const) if (typeof b[which] !== "number" || !Number.isFinite(b[which])) throw new CohortError({ message: msg.bandBoundNotFinite(b.id, which, b[which]) });
      if (b.min > b.max) throw new CohortError({ message: msg.badBand(b.id, b.min, b.max) });
    }
    const to = input.to.band ? bandInterval(convention.bands, input.to.band) : null;
    const from = input.from ? (input.from.band ? bandInterval(convention.bands, input.from.band) : null) : undefined;
    const base = {
      check: "band-shift",
      inputs: { from: input.from ?? null, to: input.to, convention: convention.id },
      assumptions: {
        convention: convention.label,
        bands: convention.bands.map((b) => `${b.label} ${b.min}–${b.max}`).join("; "),
        interpretation: "a band min–max on whole-number totals read as [min, next band's min) for a continuous group mean; the top band is [min, max]",
        statistic: input.statistic ?? "not stated; read as the group mean",
      },
      reference: convention.reference ?? references.bandShift,
    };
    const missing = [input.from && from === null ? input.from : null, to === null ? input.to : null].filter((e): e is BandEnd => e !== null);
    if (missing.length > 0) {
      return {
        ...base,
        status: "undetermined" as const,
        explanation: missing.map((e) => `"${e.label}" is not a band of ${convention.label}${e.band ? ` (no band "${e.band}")` : ""}`).join("; ") + ": the shift cannot be turned into numbers under this convention",
        details: { from: from ?? null, to },
      };
    }
    if (!to) throw new Error("unreachable");
    if (!from) {
      return {
        ...base,
        status: "consistent" as const,
        explanation: `only the end band is reported: the group mean at the end lies in ${show(to)} under ${convention.label}; no change can be derived`,
        details: { from: null, to, change: null },
      };
    }
    // change = later − earlier ranges over (to.lower − from.upper, to.upper − from.lower)
    const change: MeanInterval = {
      lower: to.lower - from.upper,
      upper: to.upper - from.lower,
      lowerInclusive: to.lowerInclusive && from.upperInclusive,
      upperInclusive: to.upperInclusive && from.lowerInclusive,
    };
    const falling = change.upper < 0 || (change.upper === 0 && !change.upperInclusive);
    const rising = change.lower > 0 || (change.lower === 0 && !change.lowerInclusive);
    const text = falling
      ? `a decrease of ${change.upperInclusive ? "at least" : "more than"} ${-change.upper} and ${change.lowerInclusive ? "at most" : "less than"} ${-change.lower} points`
      : rising
        ? `an increase of ${change.lowerInclusive ? "at least" : "more than"} ${change.lower} and ${change.upperInclusive ? "at most" : "less than"} ${change.upper} points`
        : `a change between ${change.lower} and ${change.upper} points (the bands overlap or are the same)`;
    return {
      ...base,
      status: "consistent" as const,
      explanation: `${input.from!.label} ${show(from)} → ${input.to.label} ${show(to)} under ${convention.label}: ${text}`,
      details: { from, to, change, minimumChange: falling ? -change.upper : rising ? change.lower : 0, maximumChange: falling ? -change.lower : rising ? change.upper : Math.max(-change.lower, change.upper) },
    };
  });
}
