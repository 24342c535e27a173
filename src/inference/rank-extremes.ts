import { isCohortError } from "../errors.js";
import * as message from "../messages/extremes.js";
import { relaxedOf, witnessGroup, type Extreme, type Pick, type SliceSource, type Witness } from "./extreme.js";
import { mannWhitney } from "./mann-whitney.js";
import type { Slice } from "./score-slices.js";
import { bySum, requireBudget, DEFAULT_BUDGET } from "./t-extremes.js";
import { wilcoxonSignedRank } from "./wilcoxon-signed-rank.js";

export interface RankExtremes {
  n: number[];
  statistic: { name: "V" | "W"; min: Extreme; max: Extreme } | null;
  p: { min: Extreme; max: Extreme } | null;
  /** A dataset where the test is undefined (Wilcoxon: every change 0). */
  undefinedWitness: Witness | null;
  relaxed: string[];
  /** Datasets the search evaluated. */
  tried: number;
}

/** Slices tried in full (most even, widest, next to constant); more are sampled evenly. */
const SLICES_TRIED = 48;
/** Test evaluations of one local search. */
const SEARCH_STEPS = 1500;

interface Scored {
  p: number;
  statistic: number;
  picks: Pick[];
}

/**
 * Smallest and largest exact Wilcoxon signed-rank p (and V) over the datasets the constraints allow.
 * Bounds by proof: p ≥ 2/2^n, reached exactly when some dataset has every change non-zero and of one
 * sign — a slice whose sum is at least n in size has one, its most even vector — and p ≤ 1. V lies in
 * [0, n(n+1)/2]. Attained values come from the datasets tried: each slice's most even, widest and
 * next-to-constant vectors (up to 48 slices, spread evenly, nearest sum 0 first), then a local search
 * by unit exchanges (z_i + 1, z_j − 1) inside a slice. An extreme is exact when attained meets its bound;
 * otherwise both are shown. With `forcedSign` (the strongest reading of "improved in all": every change
 * at least one step the same way) every dataset has V = 0 (or n(n+1)/2) and p = 2/2^n.
 * Reference: Wilcoxon (1945); Pratt (1959) for zeros; Murota (2003) for the exchanges.
 *
 * @param sources change slices of the group, per band convention
 * @example
 * signedRankExtremes(sources).p?.min.exact; // => true when a same-sign dataset fits
 */
export function signedRankExtremes(sources: readonly SliceSource[], budget = DEFAULT_BUDGET, forcedSign: "down" | "up" | null = null): RankExtremes {
  const relaxed = relaxedOf(sources);
  const all: Pick[] = [];
  let n = 0;
  requireBudget("Wilcoxon signed-rank", sources.reduce((s, x) => s + x.family.count, 0) * 4, budget);
  let allDown: Pick | null = null;
  let allUp: Pick | null = null;
  let allZero: Pick | null = null;
  for (const { family, tag } of sources) {
    for (const slice of family.slices) {
      n = slice.n;
      if (!allDown && slice.sum <= -n) allDown = { slice, z: slice.narrowest(), tag };
      if (!allUp && slice.sum >= n) allUp = { slice, z: slice.narrowest(), tag };
      if (!allZero && slice.sum === 0 && slice.qMin === 0) allZero = { slice, z: slice.narrowest(), tag };
      all.push({ slice, z: [], tag });
    }
  }
  const base = { n: [n], relaxed, undefinedWitness: allZero ? [witnessGroup(allZero)] : null };
  if (all.length === 0) return { ...base, statistic: null, p: null, tried: 0 };
  const memo = new Map<string, Scored | null>();
  const score = (picks: Pick[]): Scored | null => {
    const z = picks[0]!.z;
    const key = [...z].sort((a, b) => a - b).join(",");
    if (!memo.has(key)) {
      try {
        const r = wilcoxonSignedRank(z.map(() => 0), z);
        memo.set(key, { p: r.p, statistic: r.statistic.value, picks });
      } catch (error) {
        if (!isCohortError(error)) throw error;
        memo.set(key, null);
      }
    }
    const hit = memo.get(key);
    return hit ? { ...hit, picks } : null;
  };
  const tried: Scored[] = [];
  const push = (s: Scored | null) => s && tried.push(s);
  for (const pick of [allDown, allUp].filter((p): p is Pick => p !== null)) push(score([pick]));
  for (const pick of spread(all)) for (const z of vectorsOf(pick.slice)) push(score([{ ...pick, z }]));
  const best = (better: (a: Scored, b: Scored) => boolean) => tried.reduce<Scored | null>((m, s) => (m === null || better(s, m) ? s : m), null);
  const climb = (start: Scored | null, better: (a: Scored, b: Scored) => boolean) => {
    if (!start) return;
    let current = start;
    for (let steps = 0; steps < SEARCH_STEPS; ) {
      let improved: Scored | null = null;
      for (const z of exchanges(current.picks[0]!)) {
        steps++;
        const s = score([{ ...current.picks[0]!, z }]);
        if (s && better(s, improved ?? current)) improved = s;
        if (steps >= SEARCH_STEPS) break;
      }
      if (!improved) break;
      push(improved);
      current = improved;
    }
  };
  if (forcedSign) {
    // Every change is non-zero and of one sign in every dataset: V is 0 (or n(n+1)/2) and p = 2/2^n throughout.
    const result = assemble(tried, relaxed, "V", 2 / 2 ** n, message.BY_SIGNED_RANK_FLOOR, [0, (n * (n + 1)) / 2]);
    const v = forcedSign === "down" ? 0 : (n * (n + 1)) / 2;
    if (result.p && result.statistic) {
      result.p.max = { ...result.p.min, bound: 2 / 2 ** n, boundBy: message.BY_FORCED_SIGN };
      result.p.max.exact = result.p.max.attained !== null;
      result.statistic.min = forcedSign === "down" ? result.statistic.min : { ...result.statistic.max, bound: v, boundBy: message.BY_FORCED_SIGN };
      result.statistic.max = forcedSign === "down" ? { ...result.statistic.min, bound: v, boundBy: message.BY_FORCED_SIGN } : result.statistic.max;
    }
    return { ...base, ...result, tried: memo.size };
  }
  if (!allDown && !allUp) climb(best((a, b) => a.p < b.p), (a, b) => a.p < b.p);
  climb(best((a, b) => a.p > b.p), (a, b) => a.p > b.p);
  return { ...base, ...assemble(tried, relaxed, "V", 2 / 2 ** n, message.BY_SIGNED_RANK_FLOOR, [0, (n * (n + 1)) / 2]), tried: memo.size };
}

/**
 * Smallest and largest exact Mann–Whitney p (and W) between two groups over the datasets the
 * constraints allow. Bounds by proof: p ≥ 2/C(n₁ + n₂, n₁), reached exactly when the groups can be
 * separated (every value of one below every value of the other) — decided exactly, since the most
 * even vector of a sum has the smallest largest entry and the largest smallest entry (it is
 * decreasingly minimal; Frank & Murota 2022) — and p ≤ 1. W lies in [0, n₁n₂]. Attained values come
 * from the datasets tried (for sums spread evenly, each group's most even and widest vectors), then a
 * local search by unit exchanges within either group.
 * Reference: Mann & Whitney (1947); Frank A, Murota K (2022) Math Oper Res 47:1–37, doi:10.1287/moor.2021.1137.
 *
 * @param first slices of the first group
 * @param second slices of the second group
 * @example
 * rankSumExtremes(a, b).p?.min.exact; // => true when the groups can be separated
 */
export function rankSumExtremes(first: readonly SliceSource[], second: readonly SliceSource[], budget = DEFAULT_BUDGET): RankExtremes {
  const relaxed = relaxedOf([...first, ...second]);
  const countOf = (s: readonly SliceSource[]) => s.reduce((t, x) => t + x.family.count, 0);
  requireBudget("Mann–Whitney", countOf(first) * 4 + countOf(second) * 4, budget);
  const g1 = bySum(first);
  const g2 = bySum(second);
  const n1 = g1[0]?.min.z.length ?? 0;
  const n2 = g2[0]?.min.z.length ?? 0;
  const base = { n: [n1, n2], relaxed, undefinedWitness: null };
  if (g1.length === 0 || g2.length === 0) return { ...base, statistic: null, p: null, tried: 0 };
  const memo = new Map<string, Scored>();
  const score = (picks: Pick[]): Scored => {
    const key = `${[...picks[0]!.z].sort((a, b) => a - b).join(",")}|${[...picks[1]!.z].sort((a, b) => a - b).join(",")}`;
    let hit = memo.get(key);
    if (!hit) {
      const r = mannWhitney(picks[0]!.z, picks[1]!.z);
      memo.set(key, (hit = { p: r.p, statistic: r.statistic.value, picks }));
    }
    return { ...hit, picks };
  };
  const tried: Scored[] = [];
  // Separation, decided on the most even vectors.
  for (const a of g1) {
    for (const b of g2) {
      if (Math.max(...a.min.z) < Math.min(...b.min.z) || Math.max(...b.min.z) < Math.min(...a.min.z)) {
        tried.push(score([a.min, b.min]));
        break;
      }
    }
    if (tried.length > 0) break;
  }
  for (const a of spread(g1)) for (const b of spread(g2)) for (const pa of [a.min, a.max]) for (const pb of [b.min, b.max]) tried.push(score([pa, pb]));
  const best = (better: (a: Scored, b: Scored) => boolean) => tried.reduce<Scored | null>((m, s) => (m === null || better(s, m) ? s : m), null);
  const climb = (start: Scored | null, better: (a: Scored, b: Scored) => boolean) => {
    if (!start) return;
    let current = start;
    for (let steps = 0; steps < SEARCH_STEPS; ) {
      let improved: Scored | null = null;
      for (const side of [0, 1]) {
        for (const z of exchanges(current.picks[side]!)) {
          steps++;
          const picks = [...current.picks];
          picks[side] = { ...picks[side]!, z };
          const s = score(picks);
          if (better(s, improved ?? current)) improved = s;
        }
      }
      if (!improved) break;
      tried.push(improved);
      current = improved;
    }
  };
  const separated = tried.length > 0 && Math.abs(tried[0]!.p - 2 / binomial(n1 + n2, n1)) <= 1e-12;
  if (!separated) climb(best((a, b) => a.p < b.p), (a, b) => a.p < b.p);
  climb(best((a, b) => a.p > b.p), (a, b) => a.p > b.p);
  return { ...base, ...assemble(tried, relaxed, "W", 2 / binomial(n1 + n2, n1), message.BY_RANK_SUM_FLOOR, [0, n1 * n2]), tried: memo.size };
}

/** The extremes of p and of the statistic among the datasets tried, against their proven bounds. */
function assemble(tried: Scored[], relaxed: string[], name: "V" | "W", pFloor: number, pFloorBy: string, range: [number, number]): { statistic: RankExtremes["statistic"]; p: RankExtremes["p"] } {
  if (tried.length === 0) return { statistic: null, p: null };
  const pick = (better: (a: Scored, b: Scored) => boolean) => tried.reduce((m, s) => (better(s, m) ? s : m));
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(b), 1e-300);
  const extreme = (s: Scored, value: number, companion: number, bound: number, boundBy: string): Extreme => {
    if (relaxed.length > 0) return { attained: null, bound, exact: false, boundBy: `${message.relaxedBound(relaxed)}; ${boundBy}`, witness: null, companion };
    const exact = close(value, bound);
    return { attained: value, bound: exact ? value : bound, exact, boundBy, witness: s.picks.map(witnessGroup), companion };
  };
  const pMin = pick((a, b) => a.p < b.p);
  const pMax = pick((a, b) => a.p > b.p);
  const sMin = pick((a, b) => a.statistic < b.statistic);
  const sMax = pick((a, b) => a.statistic > b.statistic);
  return {
    p: { min: extreme(pMin, pMin.p, pMin.statistic, pFloor, pFloorBy), max: extreme(pMax, pMax.p, pMax.statistic, 1, message.BY_P_CEILING) },
    statistic: { name, min: extreme(sMin, sMin.statistic, sMin.p, range[0], message.BY_RANGE), max: extreme(sMax, sMax.statistic, sMax.p, range[1], message.BY_RANGE) },
  };
}

/** Up to SLICES_TRIED items spread evenly, those nearest sum 0 first. */
function spread<T extends { sum?: number; slice?: Slice }>(items: readonly T[]): T[] {
  const sumOf = (x: T) => x.sum ?? x.slice!.sum;
  const byZero = [...items].sort((a, b) => Math.abs(sumOf(a)) - Math.abs(sumOf(b)));
  if (byZero.length <= SLICES_TRIED) return byZero;
  const step = byZero.length / SLICES_TRIED;
  return Array.from({ length: SLICES_TRIED }, (_, i) => byZero[Math.floor(i * step)]!);
}

function vectorsOf(slice: Slice): number[][] {
  return [slice.narrowest(), slice.widest(), slice.nextToConstant()].filter((z): z is number[] => z !== null);
}

/** Every vector one unit exchange away (z_i + 1, z_j − 1) that stays in the slice, one per distinct pair of values. */
function* exchanges(pick: Pick): Generator<number[]> {
  const z = pick.z;
  const seen = new Set<string>();
  for (let i = 0; i < z.length; i++) {
    for (let j = 0; j < z.length; j++) {
      if (i === j) continue;
      const key = `${z[i]},${z[j]},${i < j}`;
      if (seen.has(key)) continue;
      const next = z.slice();
      next[i] = next[i]! + 1;
      next[j] = next[j]! - 1;
      if (!pick.slice.contains(next)) continue;
      seen.add(key);
      yield next;
    }
  }
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}
