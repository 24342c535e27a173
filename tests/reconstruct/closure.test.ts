import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import { closureSamples, countClosure, forEachClosureSample, summarizeClosure } from "../../src/reconstruct/index.js";
import * as message from "../../src/messages/reconstruct.js";
import { halfUnit } from "../../src/reconstruct/closure-bounds.js";

// Independent oracle: every non-decreasing sequence of n values on [min, max], kept when its mean and
// sample SD (plain two-pass formula, n − 1) lie within the rounding errors (inclusive, 1e-9 slack).
function bruteForce(mean: string, sd: string, n: number, min: number, max: number, meanError: number, sdError: number): number[][] {
  const out: number[][] = [];
  const sequence: number[] = [];
  const walk = (from: number) => {
    if (sequence.length === n) {
      const m = sequence.reduce((a, b) => a + b, 0) / n;
      const s = Math.sqrt(sequence.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
      if (Math.abs(m - Number(mean)) <= meanError + 1e-9 && Math.abs(s - Number(sd)) <= sdError + 1e-9) out.push([...sequence]);
      return;
    }
    for (let value = from; value <= max; value++) {
      sequence.push(value);
      walk(value);
      sequence.pop();
    }
  };
  walk(min);
  return out;
}

function sampleMeanSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, sd: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) };
}

// Mean/SD pairs taken from deterministic small sequences, printed to 1 or 2 decimals, plus a grid.
function cases(): { mean: string; sd: string; n: number; min: number; max: number }[] {
  const out: { mean: string; sd: string; n: number; min: number; max: number }[] = [];
  for (const [min, max] of [[1, 5], [1, 7]] as const) {
    for (let n = 2; n <= 8; n++) {
      for (let seed = 0; seed < 6; seed++) {
        const values = Array.from({ length: n }, (_, i) => min + ((i * 7 + seed * 3 + n) % (max - min + 1)));
        const { mean, sd } = sampleMeanSd(values);
        const decimals = seed % 2 === 0 ? 2 : 1;
        out.push({ mean: mean.toFixed(decimals), sd: sd.toFixed(decimals), n, min, max });
      }
      for (const mean of ["2.5", "3.00", "4.1"]) for (const sd of ["0.8", "1.50", "2.0"]) out.push({ mean, sd, n, min, max });
    }
  }
  return out;
}

const half = (text: string) => 0.5 * 10 ** -(text.split(".")[1]?.length ?? 0);

describe("forEachClosureSample", () => {
  it("lists exactly the brute-force samples, in lexicographic order, on small cases (scales 1–5 and 1–7, n ≤ 8)", () => {
    let nonEmpty = 0;
    for (const c of cases()) {
      const expected = bruteForce(c.mean, c.sd, c.n, c.min, c.max, half(c.mean), half(c.sd));
      const listed = [...closureSamples(c)];
      expect(listed, JSON.stringify(c)).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    // The case list must exercise non-empty solution sets, not only empty ones.
    expect(nonEmpty).toBeGreaterThan(60);
  });

  it("gives samples that recompute to the reported mean and SD", () => {
    const input = { mean: "4.7", sd: "2.2", n: 50, min: 1, max: 7, meanError: 0.05, sdError: 0.05 };
    let checked = 0;
    for (const values of closureSamples(input)) {
      const { mean, sd } = sampleMeanSd(values);
      expect(Math.abs(mean - 4.7)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(sd - 2.2)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      checked++;
    }
    // Published count (METHODS §2, unsum/closure-core examples): 81,020.
    expect(checked).toBe(81020);
  });

  it("reproduces the published CLOSURE counts by enumeration", () => {
    // METHODS §2: unsum R/generate.R examples, README demo, vignettes/articles/examples.Rmd (rounding error 0.05).
    const published: [string, string, number, number, number, number][] = [
      ["2.9", "0.5", 25, 1, 5, 4],
      ["3.5", "1.7", 70, 1, 5, 2492],
      ["2.7", "1.9", 130, 1, 5, 5359],
      ["4.7", "2.2", 50, 1, 7, 81020],
      ["3.8", "1.5", 120, 1, 5, 31672],
      ["3.0", "1.2", 200, 1, 5, 661948],
    ];
    for (const [mean, sd, n, min, max, count] of published) {
      expect(forEachClosureSample({ mean, sd, n, min, max, meanError: 0.05, sdError: 0.05 }, () => {})).toBe(count);
    }
  });

  it("finds the single sample of closure-core's README example (5.0, 2.78, n 30, 1–7, error 0.005)", () => {
    // METHODS §2 [measured]: an independent JS re-implementation returns 1 sample.
    expect(forEachClosureSample({ mean: "5.0", sd: "2.78", n: 30, min: 1, max: 7, meanError: 0.005, sdError: 0.005 }, () => {})).toBe(1);
  });

  it("honours exact, minimum and excluded counts like a brute-force filter", () => {
    const base = { mean: "3.0", sd: "1.7", n: 8, min: 1, max: 5 };
    const all = bruteForce(base.mean, base.sd, base.n, base.min, base.max, 0.05, 0.05);
    const times = (values: number[], v: number) => values.filter((x) => x === v).length;
    const expected = all.filter((values) => times(values, 1) === 2 && times(values, 5) >= 1 && times(values, 3) === 0);
    const listed = [...closureSamples({ ...base, restrictions: { exact: { "1": 2 }, atLeast: { "5": 1 }, exclude: [3] } })];
    expect(listed).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it("stops when the visitor returns false", () => {
    expect(forEachClosureSample({ mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5, meanError: 0.05, sdError: 0.05 }, () => false)).toBe(1);
  });

  it("rejects impossible arguments with a clear message", () => {
    expect(() => forEachClosureSample({ mean: "3", sd: "1", n: 1, min: 1, max: 5 }, () => {})).toThrow(message.notAtLeast("n", 2, 1));
    expect(() => forEachClosureSample({ mean: "3", sd: "1", n: 5, min: 5, max: 1 }, () => {})).toThrow(message.scaleReversed(5, 1));
    expect(() => forEachClosureSample({ mean: "abc", sd: "1", n: 5, min: 1, max: 5 }, () => {})).toThrow(CohortError);
    expect(() => forEachClosureSample({ mean: "3", sd: "1", n: 5, min: 1, max: 5, restrictions: { exact: { "9": 1 } } }, () => {})).toThrow(message.valueOffScale(9, 1, 5));
  });
});

describe("countClosure", () => {
  it("agrees with brute force on small cases (scales 1–5 and 1–7, n ≤ 8)", () => {
    for (const c of cases()) {
      const expected = bruteForce(c.mean, c.sd, c.n, c.min, c.max, half(c.mean), half(c.sd)).length;
      expect(countClosure(c), JSON.stringify(c)).toBe(BigInt(expected));
    }
  });

  it("agrees with brute force on scales of 1, 2 and 3 points", () => {
    for (const [min, max] of [[4, 4], [0, 1], [1, 3]] as const) {
      for (const [mean, sd] of [["4.0", "0.0"], ["0.5", "0.53"], ["2.0", "0.76"], ["1.5", "0.5"]]) {
        const expected = bruteForce(mean as string, sd as string, 8, min, max, half(mean as string), half(sd as string)).length;
        expect(countClosure({ mean: mean as string, sd: sd as string, n: 8, min, max })).toBe(BigInt(expected));
      }
    }
  });

  it("reproduces the published CLOSURE counts without enumerating", () => {
    // METHODS §2 published counts (unsum / closure-core examples, rounding error 0.05).
    expect(countClosure({ mean: "2.9", sd: "0.5", n: 25, min: 1, max: 5, meanError: 0.05, sdError: 0.05 })).toBe(4n);
    expect(countClosure({ mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5, meanError: 0.05, sdError: 0.05 })).toBe(2492n);
    expect(countClosure({ mean: "2.7", sd: "1.9", n: 130, min: 1, max: 5, meanError: 0.05, sdError: 0.05 })).toBe(5359n);
    expect(countClosure({ mean: "4.7", sd: "2.2", n: 50, min: 1, max: 7, meanError: 0.05, sdError: 0.05 })).toBe(81020n);
    expect(countClosure({ mean: "3.8", sd: "1.5", n: 120, min: 1, max: 5, meanError: 0.05, sdError: 0.05 })).toBe(31672n);
    expect(countClosure({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5, meanError: 0.05, sdError: 0.05 })).toBe(661948n);
    expect(countClosure({ mean: "5.0", sd: "2.78", n: 30, min: 1, max: 7, meanError: 0.005, sdError: 0.005 })).toBe(1n);
  });

  it("counts restricted samples like the brute-force filter", () => {
    const base = { mean: "3.0", sd: "1.7", n: 8, min: 1, max: 5 };
    const times = (values: number[], v: number) => values.filter((x) => x === v).length;
    const expected = bruteForce(base.mean, base.sd, 8, 1, 5, 0.05, 0.05).filter((values) => times(values, 4) >= 2 && times(values, 1) === 2 && times(values, 3) === 0).length;
    expect(expected).toBeGreaterThan(0);
    expect(countClosure({ ...base, restrictions: { atLeast: { "4": 2 }, exact: { "1": 2 }, exclude: [3] } })).toBe(BigInt(expected));
  });
});

describe("summarizeClosure", () => {
  it("totals the value frequencies over all samples and reports the horns range", () => {
    const input = { mean: "3.0", sd: "1.3", n: 8, min: 1, max: 5 };
    const samples = bruteForce(input.mean, input.sd, 8, 1, 5, 0.05, 0.05);
    const summary = summarizeClosure(input);
    expect(summary.count).toBe(samples.length);
    for (const row of summary.frequency) expect(row.count).toBe(samples.flat().filter((x) => x === row.value).length);
    // Horns oracle: population variance / ¼(max − min)² computed directly from each sample.
    const horns = samples.map((values) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length / 4;
    });
    expect(summary.horns?.min).toBeCloseTo(Math.min(...horns), 12);
    expect(summary.horns?.max).toBeCloseTo(Math.max(...horns), 12);
    expect(summary.horns?.mean).toBeCloseTo(horns.reduce((a, b) => a + b, 0) / horns.length, 12);
  });

  it("stops at the limit and says the listing is incomplete", () => {
    const summary = summarizeClosure({ mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5, meanError: 0.05, sdError: 0.05 }, { limit: 10 });
    expect(summary.count).toBe(10);
    expect(summary.complete).toBe(false);
  });
});

describe("CLOSURE on values in steps other than 1", () => {
  /** Oracle: every multiset of n values from `values` whose mean and sample SD lie within half a unit of the printed ones (inclusive). */
  function brute(values: number[], n: number, mean: string, sd: string): number[][] {
    const hm = halfUnit(mean);
    const hs = halfUnit(sd);
    const out: number[][] = [];
    const rec = (start: number, chosen: number[]): void => {
      if (chosen.length === n) {
        const m = chosen.reduce((a, b) => a + b, 0) / n;
        const s = Math.sqrt(chosen.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
        if (Math.abs(m - Number(mean)) <= hm + 1e-9 && Math.abs(s - Number(sd)) <= hs + 1e-9) out.push([...chosen]);
        return;
      }
      for (let i = start; i < values.length; i++) rec(i, [...chosen, values[i]!]);
    };
    rec(0, []);
    return out;
  }

  it("lists exactly the samples of multiples of 25 (4 yes/no items) and of 100/3 (3 yes/no items) that fit", () => {
    // Hand: n = 3, mean 50.00, SD 25.00 on 0, 25, …, 100: only {25, 50, 75} (SD 25); {0, 50, 100} has SD 50.
    expect([...closureSamples({ mean: "50.00", sd: "25.00", n: 3, min: 0, max: 100, step: 25 })]).toEqual([[25, 50, 75]]);
    for (const [values, step, n, mean, sd] of [
      [[0, 25, 50, 75, 100], 25, 5, "50.0", "35.4"],
      [[0, 100 / 3, 200 / 3, 100], "100/3", 6, "33.3", "36.5"],
      [[0, 100 / 3, 200 / 3, 100], "100/3", 4, "50.0", "33.3"],
    ] as const) {
      const got = [...closureSamples({ mean, sd, n, min: 0, max: 100, step })].map((sample) => sample.map((x) => Number(x.toFixed(6))));
      const want = brute([...values], n, mean, sd).map((sample) => sample.map((x) => Number(x.toFixed(6))));
      expect(want.length, `${mean} ${sd}`).toBeGreaterThan(0);
      expect(got, `${mean} ${sd}`).toEqual(want);
      expect(countClosure({ mean, sd, n, min: 0, max: 100, step })).toBe(BigInt(want.length));
    }
  });
});
