import { describe, expect, it } from "vitest";
import { closureFrequencies } from "../../src/reconstruct/closure-frequencies.js";
import { summarizeClosure } from "../../src/reconstruct/closure-summary.js";
import { countClosure } from "../../src/reconstruct/closure-count.js";

// Each case is also enumerated sample by sample (summarizeClosure): the oracle for the DP's totals.
const cases = [
  { mean: "3.0", sd: "1.2", n: 50, min: 1, max: 5 },
  { mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5 },
  { mean: "2.9", sd: "0.5", n: 25, min: 1, max: 5 },
  { mean: "4.1", sd: "1.9", n: 30, min: 1, max: 7 },
  { mean: "5.2", sd: "2.8", n: 18, min: 0, max: 10 },
  { mean: "1.5", sd: "0.5", n: 12, min: 1, max: 2 },
  { mean: "2.0", sd: "0.8", n: 15, min: 1, max: 3 },
  { mean: "3.0", sd: "1.4", n: 20, min: 1, max: 5, restrictions: { exact: { "1": 2 }, exclude: [3] } },
];

describe("closureFrequencies", () => {
  for (const input of cases) {
    it(`gives the enumeration's count, value frequencies and horns range for ${input.mean}/${input.sd}, n ${input.n}, ${input.min}–${input.max}${"restrictions" in input ? " with restrictions" : ""}`, () => {
      const dp = closureFrequencies(input);
      const listed = summarizeClosure(input);
      expect(dp.count).toBe(BigInt(listed.count));
      expect(dp.count).toBe(countClosure(input));
      expect(dp.frequency.map((row) => [row.value, Number(row.count)])).toEqual(listed.frequency.map((row) => [row.value, row.count]));
      if (listed.horns === null) expect(dp.horns).toBeNull();
      else {
        expect(dp.horns!.min).toBe(listed.horns.min);
        expect(dp.horns!.max).toBe(listed.horns.max);
        expect(dp.horns!.mean).toBeCloseTo(listed.horns.mean, 12);
      }
    });
  }

  it("counts the unsum showcase (661,948 samples) and its values sum to count × n", () => {
    const dp = closureFrequencies({ mean: "3.0", sd: "1.2", n: 200, min: 1, max: 5 });
    expect(dp.count).toBe(661948n);
    expect(dp.frequency.reduce((sum, row) => sum + row.count, 0n)).toBe(661948n * 200n);
  });

  it("agrees with countClosure on a 1–10 scale with about 10^9 samples, and its values sum to count × n", () => {
    const input = { mean: "5.5", sd: "2.9", n: 60, min: 1, max: 10 };
    const dp = closureFrequencies(input);
    expect(dp.count).toBe(countClosure(input));
    expect(dp.frequency.reduce((sum, row) => sum + row.count, 0n)).toBe(dp.count * 60n);
  });
});
