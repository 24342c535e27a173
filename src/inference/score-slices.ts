import { boxSums, vectorOfSplit, type BoxClass } from "./box-slices.js";
import { boxCeiling, hingeContains, hingeNarrowest, hingeNarrowestSquares, hingeNextToConstant, hingeWidest, sumOfSquares, type HingeLimits } from "./hinge-slice.js";

/** Patients with the same bounds before and after (in scoring units), e.g. one substance's cut-off. */
export interface PatientClass {
  count: number;
  before: [number, number];
  after: [number, number];
  /** Category id when the bounds come from a per-category band. */
  category?: string;
}

/**
 * One group's scores at a test's two timepoints, as the report constrains them (scoring units):
 * per-patient bounds (scale, per-category bands), a direction for every patient's change (the
 * strongest reading of "improved in all"), and the group totals before and after — a rectangle
 * (band or mean intervals) or a list of pairs (a percent-change chain).
 */
export interface PairModel {
  n: number;
  classes: PatientClass[];
  direction: "down" | "up" | null;
  totals: { kind: "rectangle"; first: [number, number]; last: [number, number] } | { kind: "pairs"; pairs: [number, number][] };
}

/**
 * Every vector of one quantity (changes or last scores) with one sum that the model allows, with its
 * extremes of Σz²: the most even vector (smallest), the widest vertex (largest) and, when the most
 * even is constant, the nearest vector that is not.
 */
export interface Slice {
  n: number;
  sum: number;
  /** The group totals (before, after) the slice assumes; null when the totals are free. */
  totals: [number, number] | null;
  qMin: number;
  /** A cheap upper bound on Σz² over the slice (every entry at its larger bound in absolute value), for pruning. */
  qCeiling: number;
  narrowest(): number[];
  widest(): number[];
  nextToConstant(): number[] | null;
  contains(z: readonly number[]): boolean;
  /** Scores before and after (scoring units, patients in class order) that give z, with each patient's category when classes have one. */
  realise(z: readonly number[]): Realised;
}

export interface Realised {
  before: number[];
  after: number[];
  categories?: string[];
}

export interface SliceFamily {
  slices: Iterable<Slice>;
  /** How many slices `slices` yields (estimated before any is built, for budgets). */
  count: number;
  /** Constraints of the model not imposed (the slices then cover a larger set: extremes are bounds). */
  relaxed: string[];
}

/**
 * The slices of a model for a test on the changes (after − before) or on the last scores.
 *
 * Exact for one class of patients (any totals) and for several classes whose totals are free; with
 * several classes and binding totals the classes are merged into one with the widest bounds — a
 * larger set, so its extremes are bounds, and `relaxed` says so.
 *
 * @param model the constraints of one group
 * @param on "change" or "last"
 * @example
 * [...scoreSlices({ n: 2, classes: [{ count: 2, before: [0, 3], after: [0, 3] }], direction: "down", totals: { kind: "pairs", pairs: [[4, 2]] } }, "change").slices][0].widest(); // => [-1, -1]
 */
export function scoreSlices(model: PairModel, on: "change" | "last"): SliceFamily {
  const { n } = model;
  const bounds = patientBounds(model);
  const free = totalsFree(model, bounds);
  if (free) return boxFamily(model, bounds, on);
  let classes = model.classes;
  const relaxed: string[] = [];
  if (classes.length > 1) {
    classes = [
      {
        count: n,
        before: [Math.min(...classes.map((c) => c.before[0])), Math.max(...classes.map((c) => c.before[1]))],
        after: [Math.min(...classes.map((c) => c.after[0])), Math.max(...classes.map((c) => c.after[1]))],
      },
    ];
    relaxed.push("per-category bounds");
  }
  const c = classes[0]!;
  const [lb, ub] = c.before;
  const [la, ua] = c.after;
  const [dlo, dhi] = changeBox(c, model.direction);
  const pairs = totalPairs(model.totals, [n * lb, n * ub], [n * la, n * ua]);
  const limitsOf = ([sa, sb]: [number, number]): HingeLimits =>
    on === "change"
      ? { n, lo: dlo, hi: dhi, sum: sb - sa, down: { alpha: la - lb, room: sa - n * lb }, up: { beta: ua - ub, room: n * ub - sa } }
      : { n, lo: Math.max(la, lb + dlo), hi: Math.min(ua, ub + dhi), sum: sb, up: { beta: lb + dhi, room: sa - n * lb }, down: { alpha: ub + dlo, room: n * ub - sa } };
  const patients = Array<PatientClass>(n).fill(c);
  function* slices(): Generator<Slice> {
    if (dlo > dhi) return;
    for (const pair of pairs.each()) {
      const limits = limitsOf(pair);
      if (limits.lo > limits.hi) continue;
      const qMin = hingeNarrowestSquares(limits);
      if (qMin === null) continue;
      yield new HingeSlice(limits, pair, qMin, on, patients, model.direction);
    }
  }
  return { slices: { [Symbol.iterator]: slices }, count: pairs.count, relaxed };
}

/** A slice of one class with fixed group totals (hinge-slice.ts); a class so that visiting many costs no closures. */
class HingeSlice implements Slice {
  readonly n: number;
  readonly sum: number;
  readonly qCeiling: number;
  private wide: number[] | undefined;
  constructor(
    private readonly limits: HingeLimits,
    readonly totals: [number, number],
    readonly qMin: number,
    private readonly on: "change" | "last",
    private readonly patients: readonly PatientClass[],
    private readonly direction: PairModel["direction"],
  ) {
    this.n = limits.n;
    this.sum = limits.sum;
    this.qCeiling = boxCeiling(limits.n, limits.lo, limits.hi, limits.sum);
  }
  narrowest(): number[] {
    return hingeNarrowest(this.limits)!;
  }
  widest(): number[] {
    return (this.wide ??= hingeWidest(this.limits)!);
  }
  nextToConstant(): number[] | null {
    return hingeNextToConstant(this.limits);
  }
  contains(z: readonly number[]): boolean {
    return hingeContains(this.limits, z);
  }
  realise(z: readonly number[]): Realised {
    return realiseWithTotal(z, this.on, this.patients, this.direction, this.totals[0]);
  }
}

/** Per-patient classes, in row order. */
function patientBounds(model: PairModel): PatientClass[] {
  return model.classes.flatMap((c) => Array<PatientClass>(c.count).fill(c));
}

/** The change box of a class: [la − ub, ua − lb], cut by the direction. */
function changeBox(c: PatientClass, direction: PairModel["direction"]): [number, number] {
  return [Math.max(c.after[0] - c.before[1], direction === "up" ? 1 : -Infinity), Math.min(c.after[1] - c.before[0], direction === "down" ? -1 : Infinity)];
}

/** True when every total the patients' bounds reach is allowed, so patients are linked only by their own sum. */
function totalsFree(model: PairModel, bounds: readonly PatientClass[]): boolean {
  if (model.totals.kind !== "rectangle") return false;
  const sum = (pick: (c: PatientClass) => number) => bounds.reduce((s, c) => s + pick(c), 0);
  const { first, last } = model.totals;
  return first[0] <= sum((c) => c.before[0]) && first[1] >= sum((c) => c.before[1]) && last[0] <= sum((c) => c.after[0]) && last[1] >= sum((c) => c.after[1]);
}

/** Allowed (before, after) totals within what n patients can reach, without listing a rectangle. */
function totalPairs(totals: PairModel["totals"], reachBefore: [number, number], reachAfter: [number, number]): { count: number; each: () => Iterable<[number, number]> } {
  if (totals.kind === "pairs") {
    const seen = new Set<string>();
    const list = totals.pairs.filter(([a, b]) => a >= reachBefore[0] && a <= reachBefore[1] && b >= reachAfter[0] && b <= reachAfter[1] && !seen.has(`${a},${b}`) && (seen.add(`${a},${b}`), true));
    return { count: list.length, each: () => list };
  }
  const a0 = Math.max(totals.first[0], reachBefore[0]);
  const a1 = Math.min(totals.first[1], reachBefore[1]);
  const b0 = Math.max(totals.last[0], reachAfter[0]);
  const b1 = Math.min(totals.last[1], reachAfter[1]);
  const count = Math.max(0, a1 - a0 + 1) * Math.max(0, b1 - b0 + 1);
  return {
    count,
    *each() {
      for (let a = a0; a <= a1; a++) for (let b = b0; b <= b1; b++) yield [a, b] as [number, number];
    },
  };
}

/** Free totals: independent per-patient boxes, one slice per reachable sum (exact, any number of classes). */
function boxFamily(model: PairModel, bounds: readonly PatientClass[], on: "change" | "last"): SliceFamily {
  const { n } = model;
  const boxOf = (c: PatientClass): [number, number] => {
    const [dlo, dhi] = changeBox(c, model.direction);
    return on === "change" ? [dlo, dhi] : [Math.max(c.after[0], c.before[0] + dlo), Math.min(c.after[1], c.before[1] + dhi)];
  };
  const classes: BoxClass[] = model.classes.map((c) => ({ count: c.count, lo: boxOf(c)[0], hi: boxOf(c)[1] }));
  if (classes.some((c) => c.lo > c.hi)) return { slices: [], count: 0, relaxed: [] };
  const sums = boxSums(classes);
  const perPatient = bounds.map(boxOf);
  const qCeiling = perPatient.reduce((s, [lo, hi]) => s + Math.max(lo * lo, hi * hi), 0);
  function* slices(): Generator<Slice> {
    for (let i = 0; i < sums.qMin.length; i++) {
      const sum = sums.offset + i;
      const narrowest = vectorOfSplit(classes, sums.minSplit[i]!, "even");
      yield {
        n,
        sum,
        totals: null,
        qMin: sums.qMin[i]!,
        qCeiling,
        narrowest: () => narrowest,
        widest: () => vectorOfSplit(classes, sums.maxSplit[i]!, "bounds"),
        nextToConstant: () => {
          if (sum % n !== 0 || n < 2 || sumOfSquares(narrowest) * n !== sum * sum) return null;
          const k = sum / n;
          const up = perPatient.findIndex(([, hi]) => k + 1 <= hi);
          const down = perPatient.findIndex(([lo], j) => j !== up && k - 1 >= lo);
          if (up < 0 || down < 0) return null;
          return narrowest.map((v, j) => (j === up ? v + 1 : j === down ? v - 1 : v));
        },
        contains: (z) => z.length === n && z.every((v, j) => Number.isInteger(v) && v >= perPatient[j]![0] && v <= perPatient[j]![1]) && z.reduce((s, v) => s + v, 0) === sum,
        realise: (z) => realiseWithTotal(z, on, bounds, model.direction, null),
      };
    }
  }
  return { slices: { [Symbol.iterator]: slices }, count: sums.qMin.length, relaxed: [] };
}

/**
 * Before and after scores for a vector of changes or of last scores: each before score within what
 * its bounds and the vector allow, spread as evenly as those ranges permit (water-filling to the
 * before total), so the dataset reads naturally; any total between the sums of the ends is reachable.
 * With free totals, every before score is as near the middle of its scale as its range allows.
 */
function realiseWithTotal(z: readonly number[], on: "change" | "last", bounds: readonly PatientClass[], direction: PairModel["direction"], beforeTotal: number | null): Realised {
  const range = z.map((v, i): [number, number] => {
    const c = bounds[i]!;
    const [dlo, dhi] = changeBox(c, direction);
    return on === "change" ? [Math.max(c.before[0], c.after[0] - v), Math.min(c.before[1], c.after[1] - v)] : [Math.max(c.before[0], v - dhi), Math.min(c.before[1], v - dlo)];
  });
  const at = (level: number) => range.map(([lo, hi]) => Math.min(Math.max(level, lo), hi));
  const total = (level: number) => at(level).reduce((s, v) => s + v, 0);
  let before: number[];
  if (beforeTotal === null) {
    before = range.map(([lo, hi], i) => Math.min(Math.max(Math.round((bounds[i]!.before[0] + bounds[i]!.before[1]) / 2), lo), hi));
  } else {
    // The largest whole level whose clamped scores stay within the total, then single steps up.
    let a = Math.min(...range.map(([lo]) => lo));
    let b = Math.max(...range.map(([, hi]) => hi));
    while (a < b) {
      const mid = a + Math.ceil((b - a) / 2);
      if (total(mid) <= beforeTotal) a = mid;
      else b = mid - 1;
    }
    before = at(a);
    let missing = beforeTotal - total(a);
    for (let i = 0; i < before.length && missing > 0; i++) {
      if (before[i]! === a && before[i]! < range[i]![1]) {
        before[i] = before[i]! + 1;
        missing--;
      }
    }
  }
  const after = on === "change" ? before.map((b, i) => b + z[i]!) : [...z];
  return bounds.some((c) => c.category !== undefined) ? { before, after, categories: bounds.map((c) => c.category ?? "") } : { before, after };
}
