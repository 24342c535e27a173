import { describe, expect, it } from "vitest";
import { forEachClosureSample, sprite } from "../../src/reconstruct/index.js";
import * as messages from "../../src/messages/reconstruct.js";
import { itemSumOf } from "../../src/reconstruct/restrictions.js";
import { createRng } from "../../src/stats/rng.js";

const key = (values: number[], min: number, max: number) => {
  const counts = new Array<number>(max - min + 1).fill(0);
  for (const value of values) counts[value - min] = (counts[value - min] as number) + 1;
  return counts.join(",");
};

describe("sprite", () => {
  it("returns only samples that CLOSURE lists for the same inputs", () => {
    // unsum test-generate.R: SPRITE output must be a subset of CLOSURE output.
    for (const input of [
      { mean: "3.5", sd: "1.7", n: 70, min: 1, max: 5, meanError: 0.05, sdError: 0.05 },
      { mean: "4.7", sd: "2.2", n: 50, min: 1, max: 7, meanError: 0.05, sdError: 0.05 },
    ]) {
      const all = new Set<string>();
      forEachClosureSample(input, (frequencies) => {
        all.add(frequencies.join(","));
      });
      const result = sprite(input, { rng: createRng(7), samples: 40 });
      expect(result.status).toBe("complete");
      for (const sample of result.samples) expect(all.has(key(sample, input.min, input.max))).toBe(true);
      expect(new Set(result.samples.map((sample) => sample.join(","))).size).toBe(result.samples.length);
    }
  });

  it("gives samples that recompute to the reported mean and SD", () => {
    const result = sprite({ mean: "3.10", sd: "2.10", n: 60, min: 1, max: 10 }, { rng: createRng(3), samples: 10 });
    expect(result.samples.length).toBe(10);
    for (const values of result.samples) {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      expect(Math.abs(mean - 3.1)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(sd - 2.1)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it("is reproducible with the same seed", () => {
    const input = { mean: "3.0", sd: "1.2", n: 30, min: 1, max: 5 };
    expect(sprite(input, { rng: createRng(11), samples: 5 })).toEqual(sprite(input, { rng: createRng(11), samples: 5 }));
  });

  it("keeps exact, minimum and excluded counts", () => {
    // countClosure finds 3 samples under these restrictions, so SPRITE can find at most 3.
    const result = sprite({ mean: "3.0", sd: "1.5", n: 20, min: 1, max: 5, restrictions: { exact: { "1": 2 }, atLeast: { "5": 3 }, exclude: [3] } }, { rng: createRng(5), samples: 5 });
    expect(result.samples.length).toBeGreaterThan(0);
    expect(result.samples.length).toBeLessThanOrEqual(3);
    for (const values of result.samples) {
      expect(values.filter((x) => x === 1).length).toBe(2);
      expect(values.filter((x) => x === 5).length).toBeGreaterThanOrEqual(3);
      expect(values.filter((x) => x === 3).length).toBe(0);
    }
  });

  it("returns averages of items on a multi-item scale", () => {
    // Two items per score: scores on the 0.5 grid; mean 3.25 → item sum 65 over n = 10.
    const result = sprite({ mean: "3.25", sd: "1.1", n: 10, min: 1, max: 5, items: 2 }, { rng: createRng(2), samples: 3 });
    expect(result.samples.length).toBeGreaterThan(0);
    for (const values of result.samples) {
      expect(values.every((x) => Number.isInteger(x * 2))).toBe(true);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      expect(Math.abs(mean - 3.25)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(sd - 1.1)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it("reports none when no sample can exist", () => {
    // Hand: the largest SD of 5 values on 1–5 is with 1,1,5,5,5 or 1,1,1,5,5: √4.8 ≈ 2.19 < 3.
    expect(sprite({ mean: "3.0", sd: "3.0", n: 5, min: 1, max: 5 }, { rng: createRng(1), samples: 3 }).status).toBe("none");
  });
});

describe("sprite restrictions on a multi-item scale (keys are item means)", () => {
  it("keeps 'value 2.25 occurs 3 times' on a 4-item mean-scored scale", () => {
    // 2.25 = 9/4: the item sum 9 on the 4–16 grid of sums. Mean 2.50 (sum 100 over n = 10), SD 0.50.
    const result = sprite({ mean: "2.50", sd: "0.50", n: 10, min: 1, max: 4, items: 4, restrictions: { exact: { "2.25": 3 }, exclude: [3.75] } }, { rng: createRng(3), samples: 3 });
    expect(result.samples.length).toBeGreaterThan(0);
    for (const sample of result.samples) {
      expect(sample.filter((v) => v === 2.25).length).toBe(3);
      expect(sample).not.toContain(3.75);
    }
  });
  it("reads keys exactly and refuses a key no item mean gives", () => {
    // Hand: 2.25·4 = 9; "2.33" and "2.3" round from 7/3 only; 1.15·20 = 23 exactly (the float product is 22.999999999999996).
    expect(itemSumOf("2.25", 4)).toBe(9);
    expect(itemSumOf("2.33", 3)).toBe(7);
    expect(itemSumOf("2.3", 3)).toBe(7);
    expect(itemSumOf("1.15", 20)).toBe(23);
    expect(() => itemSumOf("2.5", 3)).toThrow(messages.notAnItemMean("2.5", 3));
  });
});
