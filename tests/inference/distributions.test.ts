import tQuantileStdlib from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { tQuantile } from "../../src/inference/distributions.js";

describe("tQuantile", () => {
  it("gives R's qt(0.975, df) for textbook degrees of freedom", () => {
    // R: qt(0.975, c(1, 4, 9, 19, 30)) → 12.706205 2.776445 2.262157 2.093024 2.042272
    const expected = [12.706205, 2.776445, 2.262157, 2.093024, 2.042272];
    [1, 4, 9, 19, 30].forEach((df, i) => expect(tQuantile(0.975, df)).toBeCloseTo(expected[i]!, 5));
  });

  it("answers a repeated question with the library's own value, never another question's", () => {
    const asks: Array<[number, number]> = [];
    for (const p of [0.5, 0.9, 0.975, 0.995, 0.025]) for (const df of [1, 2.5, 8, 19, 19.000001, 120]) asks.push([p, df]);
    for (let round = 0; round < 3; round++) for (const [p, df] of asks) expect(tQuantile(p, df), `p ${p}, df ${df}`).toBe(tQuantileStdlib(p, df));
  });
});
