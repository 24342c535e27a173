import { describe, expect, it } from "vitest";
import { grim, grimConsistent, nearestConsistent } from "../../src/checks/grim.js";
import { grimmer } from "../../src/checks/grimmer.js";
import { sdBounds, sdBoundsCheck } from "../../src/checks/sd-bounds.js";
import { onePartialRespondent } from "../../src/checks/partial-answers.js";
import { sdOrSe } from "../../src/checks/sd-or-se.js";

/*
 * GRIM, GRIMMER and the SD bounds on items whose values move in steps other than 1 (RAND-36: items
 * recoded to 0/50/100 or 0/20/…/100; role limitations 0/100 over 3 items, so scores are multiples
 * of 100/3). The oracle enumerates every person's item answers directly — no steps, no k — and rounds
 * the exact mean and variance (BigInt fractions) itself, so it shares nothing with the checks.
 */

interface Frac {
  n: bigint;
  d: bigint;
}

/** Every multiset of n person scores, each the mean of `items` item values from `values` (exact fractions). */
function personScores(values: number[], items: number): Frac[] {
  const sums = new Set<number>();
  const rec = (left: number, sum: number, start: number): void => {
    if (left === 0) {
      sums.add(sum);
      return;
    }
    for (let i = start; i < values.length; i++) rec(left - 1, sum + values[i]!, i);
  };
  rec(items, 0, 0);
  return [...sums].sort((a, b) => a - b).map((sum) => ({ n: BigInt(sum), d: BigInt(items) }));
}

/** Every sample (multiset) of n scores, as its exact sum and sum of squares over a common denominator. */
function samples(scores: Frac[], n: number, visit: (sum: bigint, squares: bigint, den: bigint) => void): void {
  // All scores share denominator d (the items), so Σx = S/d and Σx² = Q/d².
  const d = scores[0]!.d;
  const rec = (left: number, start: number, s: bigint, q: bigint): void => {
    if (left === 0) {
      visit(s, q, d);
      return;
    }
    for (let i = start; i < scores.length; i++) rec(left - 1, i, s + scores[i]!.n, q + scores[i]!.n * scores[i]!.n);
  };
  rec(n, 0, 0n, 0n);
}

/** Whether a/b lies in [c − h, c + h] for the printed decimal c with `digits` decimals (up_or_down: both ends included). */
function roundsTo(a: bigint, b: bigint, printed: string): boolean {
  const digits = printed.split(".")[1]?.length ?? 0;
  const scale = 10n ** BigInt(digits + 1);
  const c = BigInt(printed.replace(".", "")) * 10n;
  // a/b·scale ∈ [c − 5, c + 5]  ⇔  (c − 5)·b ≤ a·scale ≤ (c + 5)·b
  return (c - 5n) * b <= a * scale && a * scale <= (c + 5n) * b;
}

/** Whether the sample variance v = num/den satisfies SD ∈ [s − h, s + h] for a printed SD s (squares compared exactly). */
function sdRoundsTo(num: bigint, den: bigint, printed: string): boolean {
  const digits = printed.split(".")[1]?.length ?? 0;
  const scale = 10n ** BigInt(digits + 1);
  const c = BigInt(printed.replace(".", "")) * 10n;
  const lo = c - 5n < 0n ? 0n : c - 5n;
  const hi = c + 5n;
  return lo * lo * den <= num * scale * scale && num * scale * scale <= hi * hi * den;
}

/** The brute-force answers for a printed mean (and SD) of n people answering `items` items from `values`. */
function oracle(values: number[], items: number, n: number, mean: string, sd?: string): { meanFits: boolean; bothFit: boolean; sds: number[] } {
  let meanFits = false;
  let bothFit = false;
  const sds: number[] = [];
  samples(personScores(values, items), n, (s, q, d) => {
    // mean = s/(n·d); sample variance = (n·q − s²) / (n(n − 1)d²)
    if (!roundsTo(s, BigInt(n) * d, mean)) return;
    meanFits = true;
    const vNum = BigInt(n) * q - s * s;
    const vDen = BigInt(n * (n - 1)) * d * d;
    sds.push(Math.sqrt(Number(vNum) / Number(vDen)));
    if (sd !== undefined && sdRoundsTo(vNum, vDen, sd)) bothFit = true;
  });
  return { meanFits, bothFit, sds };
}

const fmt = (x: number, digits: number) => x.toFixed(digits);

describe("checks on items in steps other than 1", () => {
  it("GRIM agrees with every answer pattern: 3 yes/no items (0/100, scores in thirds), 2 items on 0/50/100, n = 2..5", () => {
    for (const [values, items] of [[[0, 100], 3], [[0, 50, 100], 2]] as const) {
      for (let n = 2; n <= 5; n++) {
        // Every two-decimal mean from 0 to 100 in steps of 0.37 (a stride that visits many endings).
        for (let x = 0; x <= 100; x += 0.37) {
          const mean = fmt(x, 2);
          const want = oracle([...values], items, n, mean).meanFits;
          expect(grimConsistent(mean, n, items, "up_or_down", false, 5, values[1]), `${mean} n ${n} items ${items}`).toBe(want);
        }
      }
    }
  });

  it("GRIM on RAND-36 physical functioning (10 items on 0/50/100 → multiples of 5), n = 26: 77.41 is impossible, 77.31 and 77.50 the neighbours", () => {
    // Hand: a total of 26 scores in steps of 5 is 5k; 77.41 × 26 = 2012.66, and [77.405, 77.415] × 26 =
    // [2012.53, 2012.79] holds no multiple of 5 (2010 → 77.3077, 2015 → 77.5000). The colleague's
    // fractions (helpers/examples/calc/wurz.out) give the same neighbours, 77.31 and 77.50.
    const result = grim({ mean: "77.41", n: 26, items: 10, itemStep: 50 });
    expect(result.status).toBe("inconsistent");
    expect(nearestConsistent("77.41", 26, 10, "up_or_down", false, 5, 50)).toEqual(["77.31", "77.50"]);
    // 75.38 is possible: 1960 / 26 = 75.3846 (1960 = 392 × 5).
    expect(grim({ mean: "75.38", n: 26, items: 10, itemStep: 50 }).details).toMatchObject({ sums: { first: 392, last: 392 }, step: "5" });
    // With whole-number items nothing could be said (means 1/260 apart, finer than 0.01): the step matters.
    expect(grim({ mean: "77.41", n: 26, items: 10 }).status).toBe("undetermined");
  });

  it("GRIM with a step whose spacing over n is below the printed precision is undetermined", () => {
    // Steps of 5 over n = 600: means 5/600 = 0.0083 apart, finer than 0.01.
    expect(grim({ mean: "51.39", n: 600, items: 4, itemStep: 20 }).status).toBe("undetermined");
  });

  it("GRIMMER never rejects a sample that exists, and SD bounds are the exact least and greatest SD (brute force, 3 items on 0/100 and 2 on 0/50/100, n = 2..5)", () => {
    let rejected = 0;
    let accepted = 0;
    for (const [values, items, step] of [[[0, 100], 3, 100], [[0, 50, 100], 2, 50]] as const) {
      for (let n = 2; n <= 5; n++) {
        const scores = personScores([...values], items);
        // Means and SDs of real samples, printed to two decimals, plus their neighbours (most of them impossible).
        const cases = new Set<string>();
        samples(scores, n, (s, q, d) => {
          const mean = Number(s) / (n * Number(d));
          const sd = Math.sqrt(Number(BigInt(n) * q - s * s) / (n * (n - 1) * Number(d) ** 2));
          for (const dm of [0, 0.01]) for (const ds of [0, -0.01, 0.01]) cases.add(`${fmt(mean + dm, 2)}|${fmt(Math.max(0, sd + ds), 2)}`);
        });
        for (const c of cases) {
          const [mean, sd] = c.split("|") as [string, string];
          const want = oracle([...values], items, n, mean, sd);
          const result = grimmer({ mean, sd, n, items, itemStep: step, scale: { min: 0, max: 100 } });
          if (want.bothFit) expect(result.status, `${mean} ± ${sd}, n ${n}`).toBe("consistent");
          if (result.status === "inconsistent") expect(want.bothFit).toBe(false);
          if (result.status === "inconsistent") rejected++;
          if (want.bothFit) accepted++;
          if (want.meanFits) {
            const bounds = sdBounds({ mean, n, min: 0, max: 100, items, itemStep: step })!;
            expect(bounds.minSd, `${mean} n ${n}`).toBeCloseTo(Math.min(...want.sds), 9);
            expect(bounds.maxSd, `${mean} n ${n}`).toBeCloseTo(Math.max(...want.sds), 9);
          }
        }
      }
    }
    // Not vacuous: both verdicts occur many times.
    expect(rejected).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(50);
  });

  it("GRIMMER on a step: a mean and SD no sample of multiples of 25 can give, and one it can", () => {
    // 4 yes/no items → scores 0, 25, 50, 75, 100. n = 3, mean 50.00: the sample {25, 50, 75} has SD 25.00,
    // {0, 50, 100} has SD 50.00. SD 30.00 needs Σ(x − 50)² = 1800, i.e. Σ j² = 1800/625 = 2.88 for
    // whole deviations j (x − 50 = 25j): impossible.
    expect(grimmer({ mean: "50.00", sd: "25.00", n: 3, items: 4, itemStep: 100, scale: { min: 0, max: 100 } }).status).toBe("consistent");
    expect(grimmer({ mean: "50.00", sd: "30.00", n: 3, items: 4, itemStep: 100, scale: { min: 0, max: 100 } }).status).toBe("inconsistent");
    expect(oracle([0, 100], 4, 3, "50.00", "30.00").bothFit).toBe(false);
  });

  it("SD bounds on a step: 2 of 3 role-limitation scores at the ceiling", () => {
    // 3 yes/no items → scores 0, 33.33, 66.67, 100; n = 2, mean 83.33 needs {66.67, 100}: SD = 33.33/√2 = 23.57.
    const check = sdBoundsCheck({ mean: "83.33", sd: "23.57", n: 2, min: 0, max: 100, items: 3, itemStep: 100 });
    expect(check.status).toBe("consistent");
    expect(sdBoundsCheck({ mean: "83.33", sd: "30.00", n: 2, min: 0, max: 100, items: 3, itemStep: 100 }).status).toBe("inconsistent");
  });

  it("sdOrSe tests GRIMMER on the step too", () => {
    // 50.00 ± 25.00 with n = 3 on multiples of 25 fits as an SD (see above); as an SE the SD would be 43.30,
    // which no three multiples of 25 with mean 50 give (SDs possible: 0, 25, 43.30?…): checked by the oracle.
    const result = sdOrSe({ row: { mean: "50.00", spread: "25.00", n: 3, dispersion: "unstated" }, scale: { min: 0, max: 100 }, granular: true, items: 4, itemStep: 100 });
    const readings = (result.details as { readings: { reading: string; grimmer: boolean | null }[] }).readings;
    expect(readings.find((r) => r.reading === "sd")!.grimmer).toBe(true);
    const asSe = (25 * Math.sqrt(3)).toFixed(2);
    expect(readings.find((r) => r.reading === "se")!.grimmer).toBe(oracle([0, 100], 4, 3, "50.00", asSe).bothFit);
  });
});

describe("one person scored from fewer items", () => {
  it("finds exactly the means one partial respondent makes possible (brute force over every answer pattern, n = 3)", () => {
    // 3 people, 3 yes/no items (scores 0, 33.3, 66.7, 100); one of them may have answered 2 items (0, 50, 100) or 1.
    const complete = [0, 100 / 3, 200 / 3, 100];
    const partial = [0, 50, 100];
    const reachable = new Set<string>();
    for (const a of complete) for (const b of complete) for (const c of [...complete, ...partial]) reachable.add(((a + b + c) / 3).toFixed(1));
    let rescued = 0;
    for (let tenths = 0; tenths <= 1000; tenths += 1) {
      const mean = (tenths / 10).toFixed(1);
      if (grimConsistent(mean, 3, 3, "up_or_down", false, 5, 100)) continue;
      const fit = onePartialRespondent({ mean, n: 3, items: 3, itemStep: 100, itemMin: 0, itemMax: 100, minimumItemsAnswered: 1 });
      expect(fit !== null, mean).toBe(reachable.has(mean));
      if (fit) rescued++;
    }
    // Not vacuous: e.g. (100/3 + 100/3 + 50)/3 = 38.9 needs the partial respondent.
    expect(rescued).toBeGreaterThan(3);
  });
});
