import { CohortError, isCohortError } from "../../errors.js";
import * as message from "../../messages/reconstruct-study.js";
import type { Rng } from "../../stats/rng.js";
import { boundedSum } from "./bounded-sum.js";
import type { MeanTarget, SumRange } from "./mean-targets.js";

export type MeanChoice = "random" | "smallest-change" | "largest-change";

/** Largest number of (first, last) group-total pairs enumerated before sampling instead. */
const PAIR_LIMIT = 200_000;
const ATTEMPTS = 50;

/**
 * Group totals (scoring units) for every timepoint of a target that has a reported constraint,
 * chosen together: a percent-change tuple, band intervals, and the improvement reading (the last
 * total at least one step per patient better than the first). `mode` picks uniformly, or the
 * smallest or largest change from the first to the last timepoint.
 *
 * @param target mean-level constraints of one instrument in one group
 * @param mode random | smallest-change | largest-change
 * @param rng seeded random source
 * @throws CohortError when no totals satisfy every constraint
 * @example
 * chooseTotals(phq9Target, "smallest-change", createRng(1)); // => { baseline: 320, "after-treatments": 199 } (e.g.)
 */
export function chooseTotals(target: MeanTarget, mode: MeanChoice, rng: Rng): Record<string, number> {
  const first = target.timepoints[0];
  const last = target.timepoints[target.timepoints.length - 1];
  const bases = target.tuples ?? [{}];
  const rangeOf = (t: string | undefined, base: Record<string, number>): SumRange | null => {
    if (t === undefined) return null;
    if (t in base) return { lo: base[t] as number, hi: base[t] as number };
    return target.intervals[t] ?? null;
  };
  const draw = (r: SumRange | null): number | undefined => (r ? rng.int(r.lo, r.hi) : undefined);
  const width = (r: SumRange | null): number => (r ? r.hi - r.lo + 1 : 1);
  const ok = (a: number | undefined, b: number | undefined): boolean => {
    if (!target.improved || a === undefined || b === undefined || first === last) return true;
    return target.higherIsWorse ? b <= a - target.n : b >= a + target.n;
  };
  type Pick = { base: Record<string, number>; a?: number; b?: number };
  const picks: Pick[] = [];
  if (mode === "random") {
    // Rejection sampling is uniform over the feasible (tuple, first, last) choices and avoids listing them.
    for (let i = 0; i < 2_000 && picks.length === 0; i++) {
      const base = bases[rng.int(0, bases.length - 1)]!;
      const a = draw(rangeOf(first, base));
      const b = first === last ? undefined : draw(rangeOf(last, base));
      if (ok(a, b)) picks.push({ base, ...(a !== undefined ? { a } : {}), ...(b !== undefined ? { b } : {}) });
    }
  }
  const size = bases.reduce((s, base) => s + width(rangeOf(first, base)) * width(rangeOf(last, base)), 0);
  // Every branch ends with one draw among the candidates, even of one: the seeded sequence of
  // draws (and so every later reconstruction) then does not depend on which branch ran.
  let chosen: Pick | undefined = picks.length > 0 ? picks[rng.int(0, picks.length - 1)] : undefined;
  if (!chosen && size <= PAIR_LIMIT) {
    // Every feasible (tuple, first, last) in a fixed order, visited without listing them: up to
    // 200,000 of them, three passes over numbers cost less than one pass building objects.
    const each = (visit: (base: Record<string, number>, a: number | undefined, b: number | undefined) => boolean): void => {
      for (const base of bases) {
        const ra = rangeOf(first, base);
        const rb = first === last ? null : rangeOf(last, base);
        for (let a = ra ? ra.lo : 0; a <= (ra ? ra.hi : 0); a++) {
          for (let b = rb ? rb.lo : 0; b <= (rb ? rb.hi : 0); b++) {
            const pa = ra ? a : undefined;
            const pb = rb ? b : undefined;
            if (ok(pa, pb) && visit(base, pa, pb)) return;
          }
        }
      }
    };
    const change = (a: number | undefined, b: number | undefined): number => Math.abs((b ?? a ?? 0) - (a ?? b ?? 0));
    let best = mode === "smallest-change" ? Infinity : -Infinity;
    if (mode !== "random") {
      each((_, a, b) => {
        const c = change(a, b);
        best = mode === "smallest-change" ? Math.min(best, c) : Math.max(best, c);
        return false;
      });
    }
    const counts = (a: number | undefined, b: number | undefined): boolean => mode === "random" || change(a, b) === best;
    let pool = 0;
    each((_, a, b) => {
      if (counts(a, b)) pool++;
      return false;
    });
    if (pool > 0) {
      let index = rng.int(0, pool - 1);
      each((base, a, b) => {
        if (!counts(a, b) || index-- > 0) return false;
        chosen = { base, ...(a !== undefined ? { a } : {}), ...(b !== undefined ? { b } : {}) };
        return true;
      });
    }
  } else if (!chosen) {
    for (let i = 0; i < 20_000 && picks.length < 2_000; i++) {
      const base = bases[rng.int(0, bases.length - 1)]!;
      const a = draw(rangeOf(first, base));
      const b = first === last ? undefined : draw(rangeOf(last, base));
      if (ok(a, b)) picks.push({ base, ...(a !== undefined ? { a } : {}), ...(b !== undefined ? { b } : {}) });
    }
    if (picks.length > 0) {
      let pool = picks;
      if (mode !== "random") {
        const change = (p: Pick): number => Math.abs((p.b ?? p.a ?? 0) - (p.a ?? p.b ?? 0));
        const best = mode === "smallest-change" ? Math.min(...picks.map(change)) : Math.max(...picks.map(change));
        pool = picks.filter((p) => change(p) === best);
      }
      chosen = pool[rng.int(0, pool.length - 1)]!;
    }
  }
  if (!chosen) throw new CohortError({ message: message.infeasible(target.group, target.instrument, "no group totals satisfy the reported values and the improvement reading together") });
  const totals: Record<string, number> = { ...chosen.base };
  if (first !== undefined && chosen.a !== undefined) totals[first] = chosen.a;
  if (last !== undefined && chosen.b !== undefined) totals[last] = chosen.b;
  for (const t of target.timepoints) {
    if (t in totals) continue;
    const r = target.intervals[t];
    if (r) totals[t] = rng.int(r.lo, r.hi);
  }
  return totals;
}

/**
 * Patient scores (in scoring units) at every timepoint of a target, for the group's patients in
 * order: each timepoint's total is split over patients with `spread`, later timepoints as changes
 * from the previous one, within the scale, the per-category bands and the improvement reading.
 * Timepoints without a total (e.g. SDS before treatment) get a total drawn uniformly from those the
 * bounds allow.
 *
 * @param target mean-level constraints
 * @param categories category id of each of the group's patients for the per-patient bands' variable
 * @param options spread 0…1, mode for the totals
 * @param rng seeded random source
 * @throws CohortError when no scores satisfy the constraints after repeated attempts
 * @example
 * patientUnits(target, {}, { spread: 0, mode: "random" }, createRng(1)).baseline; // => [16, 16, …]
 */
export function patientUnits(
  target: MeanTarget,
  categories: Record<string, string[]>,
  options: { spread: number; mode: MeanChoice },
  rng: Rng,
): Record<string, number[]> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      return attemptUnits(target, categories, options, rng);
    } catch (error) {
      if (!isCohortError(error)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

function attemptUnits(target: MeanTarget, categories: Record<string, string[]>, options: { spread: number; mode: MeanChoice }, rng: Rng): Record<string, number[]> {
  const totals = chooseTotals(target, options.mode, rng);
  const n = target.n;
  const out: Record<string, number[]> = {};
  const first = target.timepoints[0];
  const last = target.timepoints[target.timepoints.length - 1];
  let previous: number[] | null = null;
  let previousTotal = 0;
  for (const t of target.timepoints) {
    const lo = new Array<number>(n).fill(target.lowUnits);
    const hi = new Array<number>(n).fill(target.highUnits);
    for (const band of target.perPatient.filter((p) => p.timepoint === t)) {
      const cats = categories[band.variable];
      for (let i = 0; i < n; i++) {
        const r = cats ? band.ranges[cats[i] ?? ""] : null;
        if (r) {
          lo[i] = Math.max(lo[i]!, r.lo);
          hi[i] = Math.min(hi[i]!, r.hi);
        }
      }
    }
    if (target.improved && first !== last) {
      if (t === first) {
        if (target.higherIsWorse) for (let i = 0; i < n; i++) lo[i] = Math.max(lo[i]!, target.lowUnits + 1);
        else for (let i = 0; i < n; i++) hi[i] = Math.min(hi[i]!, target.highUnits - 1);
      } else if (t === last) {
        const base = out[first!]!;
        if (target.higherIsWorse) for (let i = 0; i < n; i++) hi[i] = Math.min(hi[i]!, base[i]! - 1);
        else for (let i = 0; i < n; i++) lo[i] = Math.max(lo[i]!, base[i]! + 1);
      }
    }
    const low = lo.reduce((s, v) => s + v, 0);
    const high = hi.reduce((s, v) => s + v, 0);
    const total = totals[t] ?? rng.int(Math.min(low, high), high);
    if (previous === null) {
      out[t] = boundedSum(lo, hi, total, options.spread, rng);
    } else {
      const prev: number[] = previous;
      const changes = boundedSum(
        lo.map((v, i) => v - prev[i]!),
        hi.map((v, i) => v - prev[i]!),
        total - previousTotal,
        options.spread,
        rng,
      );
      out[t] = changes.map((d: number, i: number): number => prev[i]! + d);
    }
    previous = out[t] as number[];
    previousTotal = total;
  }
  return out;
}
