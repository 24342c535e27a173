import { describe, expect, it } from "vitest";
import { changeSdFromCorrelation, pairedTFromSummary, studentTFromSummary, welchTFromSummary } from "../../src/inference/summary-t.js";
import { SLEEP_GROUP_1, SLEEP_GROUP_2 } from "./sleep-data.js";

const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const sd = (x: number[]) => Math.sqrt(x.reduce((a, b) => a + (b - mean(x)) ** 2, 0) / (x.length - 1));
const group = (x: number[]) => ({ mean: mean(x), sd: sd(x), n: x.length });

describe("t-tests from summary statistics", () => {
  // R's documented output for ?t.test on the sleep data (also in src/inference/student-t.ts, welch-t.ts, paired-t.ts):
  // Student: t = −1.8608, df = 18, p = 0.07919; Welch: df = 17.776, p = 0.07939; paired: t = −4.0621, df = 9, p = 0.002833.
  it("Student's t on the sleep data's summaries matches R", () => {
    const r = studentTFromSummary(group(SLEEP_GROUP_1), group(SLEEP_GROUP_2));
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBe(18);
    expect(r.p).toBeCloseTo(0.07919, 5);
  });
  it("Welch's t on the sleep data's summaries matches R", () => {
    const r = welchTFromSummary(group(SLEEP_GROUP_1), group(SLEEP_GROUP_2));
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
  });
  it("the paired t from the changes' mean and SD matches R, and the change SD follows from the correlation", () => {
    const changes = SLEEP_GROUP_2.map((v, i) => v - SLEEP_GROUP_1[i]!);
    const r = pairedTFromSummary(mean(changes), sd(changes), 10);
    expect(r.t).toBeCloseTo(4.0621, 4);
    expect(r.p).toBeCloseTo(0.002833, 6);
    // Second method: the SD of the differences equals √(s₁² + s₂² − 2r·s₁s₂) with Pearson's r of the raw pairs.
    const m1 = mean(SLEEP_GROUP_1);
    const m2 = mean(SLEEP_GROUP_2);
    const covariance = SLEEP_GROUP_1.reduce((a, v, i) => a + (v - m1) * (SLEEP_GROUP_2[i]! - m2), 0) / 9;
    const correlation = covariance / (sd(SLEEP_GROUP_1) * sd(SLEEP_GROUP_2));
    expect(changeSdFromCorrelation(sd(SLEEP_GROUP_1), sd(SLEEP_GROUP_2), correlation)).toBeCloseTo(sd(changes), 12);
  });
  it("hand calculation with df = 2, where the t distribution has a closed form", () => {
    // Means 10 and 12, SDs 1 and 1, n 2 and 2: s_p = 1, SE = √(1/2 + 1/2) = 1, t = −2, df = 2; p = 1 − 2/√6.
    const r = studentTFromSummary({ mean: 10, sd: 1, n: 2 }, { mean: 12, sd: 1, n: 2 });
    expect(r.t).toBeCloseTo(-2, 12);
    expect(r.p).toBeCloseTo(1 - 2 / Math.sqrt(6), 12);
  });
});
