import { describe, expect, it } from "vitest";
import { grim, grimConsistent, grimProbability, nearestConsistent } from "../../src/checks/grim.js";
import { CohortError, exitCodes } from "../../src/errors.js";
import * as msg from "../../src/messages/checks.js";

const seq = (from: number, to: number, digits: number): string[] => {
  const out: string[] = [];
  for (let k = Math.round(from * 10 ** digits); k <= Math.round(to * 10 ** digits); k++) out.push((k / 10 ** digits).toFixed(digits));
  return out;
};
const tf = (xs: boolean[]) => xs.map((x) => (x ? "t" : "f")).join(",");

/** Brute-force oracle: scan every total S = 0..10^6 and round S/N half up and half down with integer arithmetic. */
function bruteGrim(mean: string, n: number, items = 1): boolean {
  const [int, frac = ""] = mean.split(".");
  const d = frac.length;
  const target = Number(int + frac);
  const N = n * items;
  for (let s = 0; s <= N * 100; s++) {
    // S/N * 10^d, rounded: floor((2·S·10^d + N) / 2N) is half up; the tie can also go down.
    const twice = 2 * s * 10 ** d;
    const up = Math.floor((twice + N) / (2 * N));
    const tie = (twice + N) % (2 * N) === 0;
    if (up === target || (tie && up - 1 === target)) return true;
  }
  return false;
}

describe("grim", () => {
  it("matches scrutiny's documented example: 5.19 fails with n 28, passes with n 32", () => {
    // scrutiny R/grim.R @examples; hand: 145/28 = 5.178, 146/28 = 5.214, 166/32 = 5.1875.
    expect(grim({ mean: "5.19", n: 28 }).status).toBe("inconsistent");
    expect(grim({ mean: "5.19", n: 32 }).status).toBe("consistent");
  });
  it("matches scrutiny test-grim.R sequences", () => {
    // lhdjung/scrutiny tests/testthat/test-grim.R: vec1, vec2 (items 3), vec3 (items 2), vec4/vec5 (percent).
    expect(tf(seq(5.19, 5.3, 2).map((x) => grimConsistent(x, 28)))).toBe("f,f,t,f,f,f,t,f,f,f,t,f");
    expect(tf(seq(0.15, 0.159, 3).map((x) => grimConsistent(x, 120, 3)))).toBe("t,f,f,t,f,f,t,f,t,f");
    expect(tf(seq(0.8, 0.89, 2).map((x) => grimConsistent(x, 28, 2)))).toBe("t,f,t,f,t,f,t,t,t,t");
    expect(tf(seq(519, 530, 0).map((x) => grimConsistent(x, 28, 1, "up_or_down", true)))).toBe("f,f,t,f,f,f,t,f,f,f,t,f");
    expect(tf(seq(6, 16, 0).map((x) => grimConsistent(x, 50, 1, "up_or_down", true)))).toBe("t,f,t,f,t,f,t,f,t,f,t");
  });
  it("matches rsprite2's GRIM_test examples", () => {
    // rsprite2 tests/testthat/test-rsprite2.R: GRIM_test(5.18, 14, n_items = 2) TRUE; GRIM_test(5.19, 28) closest 5.18.
    expect(grimConsistent("5.18", 14, 2)).toBe(true);
    expect(nearestConsistent("5.19", 28)[0]).toBe("5.18");
    // Brief: GRIM_test(5.83, 50) nearest consistent 5.82 and 5.84 (hand: 291/50 = 5.82, 292/50 = 5.84).
    expect(nearestConsistent("5.83", 50)).toEqual(["5.82", "5.84"]);
  });
  it("agrees with a brute-force scan of all totals for n 1..40 at 2 decimals", () => {
    for (let n = 1; n <= 40; n += 3) {
      for (const mean of seq(3, 3.99, 2)) expect(grimConsistent(mean, n), `${mean} n=${n}`).toBe(bruteGrim(mean, n));
    }
    for (const mean of seq(2, 2.5, 2)) expect(grimConsistent(mean, 7, 3)).toBe(bruteGrim(mean, 7, 3));
  });
  it("is undetermined when n × items reaches 10^decimals (scrutiny's warning)", () => {
    // 100 people at 2 decimals: every ending k/100 is a multiple of 1/100.
    expect(grim({ mean: "5.19", n: 100 }).status).toBe("undetermined");
    expect(grim({ mean: "5.19", n: 25, items: 4 }).status).toBe("undetermined");
    expect(grim({ mean: "5.19", n: 99 }).status).not.toBe("undetermined");
  });
  it("throws a CohortError for n < 1 and a numeric mean", () => {
    expect(() => grim({ mean: "5.19", n: 0 })).toThrow(msg.notAWholeNumber("n", 0, 1));
    expect(() => grim({ mean: 5.19 as unknown as string, n: 10 })).toThrow(CohortError);
  });
});

describe("grimProbability", () => {
  it("is the share of 2-decimal endings no total of n can reach (brute force)", () => {
    for (const n of [7, 28, 40]) {
      const reachable = new Set<number>();
      for (let s = 0; s < n; s++) {
        const twice = 200 * s;
        const up = Math.floor((twice + n) / (2 * n));
        reachable.add(up % 100);
        if ((twice + n) % (2 * n) === 0) reachable.add((up - 1 + 100) % 100);
      }
      expect(grimProbability("5.19", n)).toBeCloseTo((100 - reachable.size) / 100, 12);
    }
    expect(grimProbability("5.19", 150)).toBe(0);
  });
  it("differs from scrutiny's formula (100 − n)/100 exactly where totals land on ties and round both ways", () => {
    // scrutiny grim_probability(x, n) = (10^digits − n·items)/10^digits (R/grim-stats.R): 0.92 for n = 8.
    // Hand: 0/8 … 7/8 = .000 .125 .250 .375 .500 .625 .750 .875; under up_or_down the four ending in 5
    // reach two endings each (.12 and .13, …), so 4 + 8 = 12 of 100 endings are reachable: 0.88.
    expect(grimProbability("5.19", 8)).toBeCloseTo(0.88, 12);
    // Under "up" each total reaches one ending: 8 of 100, the formula's 0.92.
    expect(grimProbability("5.19", 8, 1, "up")).toBeCloseTo(0.92, 12);
    // 28 = 4·7 is not a multiple of 8, so no 28th lands on a tie: both give (100 − 28)/100 = 0.72.
    expect(grimProbability("5.19", 28)).toBeCloseTo(0.72, 12);
    // One decimal: ties need 4 | n. n = 4: .00 .25 .50 .75 reach .0 .2 .3 .5 .7 .8 = 6 of 10 (scrutiny: 0.6).
    expect(grimProbability("5.1", 4)).toBeCloseTo(0.4, 12);
  });
});

describe("nearestConsistent (constant time)", () => {
  /** Oracle: step outward one unit at a time at the reported precision until GRIM passes (the naive search). */
  function stepOut(mean: string, n: number, items: number, mode: "up_or_down" | "up" | "down" | "even" | "trunc", percent: boolean): string[] {
    const [int, frac = ""] = mean.replace("-", "").split(".");
    const r = (mean.startsWith("-") ? -1 : 1) * Number(int + frac);
    const fmt = (v: number) => `${v < 0 ? "-" : ""}${Math.floor(Math.abs(v) / 10 ** frac.length)}.${String(Math.abs(v) % 10 ** frac.length).padStart(frac.length, "0")}`;
    const out: string[] = [];
    for (const step of [-1, 1]) for (let k = 1; k < 100_000; k++) if (grimConsistent(fmt(r + step * k), n, items, mode, percent)) { out.push(fmt(r + step * k)); break; }
    return out;
  }
  it("matches the naive outward search on small cases, ties included", () => {
    for (const mode of ["up_or_down", "up", "down", "even", "trunc"] as const)
      for (let n = 1; n <= 24; n++)
        for (const items of [1, 3])
          for (const percent of [false, true])
            for (let r = -120; r <= 220; r += 13) {
              const mean = `${r < 0 ? "-" : ""}${Math.floor(Math.abs(r) / 100)}.${String(Math.abs(r) % 100).padStart(2, "0")}`;
              expect(nearestConsistent(mean, n, items, mode, percent), `${mean} n ${n} items ${items} ${mode} ${percent}`).toEqual(stepOut(mean, n, items, mode, percent));
            }
  });
  it("answers for a mean with 12 decimals and n = 3, where the naive search would take ~10^11 steps", () => {
    // Hand: thirds nearest 5.123456789012 are 15/3 = 5 and 16/3 = 5.333333333333 (to 12 decimals).
    expect(nearestConsistent("5.123456789012", 3)).toEqual(["5.000000000000", "5.333333333333"]);
  });
});

describe("grimProbability (limits)", () => {
  it("refuses more than 10^6 endings with exit code refused instead of looping", () => {
    // n·items = 3 < 10^7, so every one of the 10^7 endings would be tested.
    expect(() => grimProbability("5.1234567", 3)).toThrow(msg.tooManyEndings(7, 1_000_000));
    try {
      grimProbability("5.1234567", 3);
    } catch (e) {
      expect((e as CohortError).exitCode).toBe(exitCodes.refused);
    }
  });
});
