import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentChangeChain, type MeanPin, type PercentChangeSpec } from "../../src/checks/percent-change-chain.js";
import { div, q, sub, type Q } from "./exact-rational.js";

// Percent changes pinned to reported group means. The oracle walks every tuple of grid means (j/den on
// an items grid, mean scoring) and decides each change and each pin from its definition in exact
// rationals, under up_or_down rounding (a value fits a printed number when it is within half a unit
// of its last digit, ends included).

/** |value − printed| ≤ ½·10^−d, exactly. */
function roundsTo(value: Q, printed: string, scale = 1n): boolean {
  const [whole, fraction = ""] = printed.split(".");
  const p = BigInt(`${whole}${fraction}`);
  const d = 10n ** BigInt(fraction.length);
  // 2·|value·scale·d − p| ≤ 1, over value.d > 0
  const t = 2n * (value.n * scale * d - p * value.d);
  return -value.d <= t && t <= value.d;
}

function changeFits(from: Q, to: Q, c: PercentChangeSpec): boolean {
  if (from.n <= 0n) return false;
  const s = c.direction === "increase" ? 1n : -1n;
  const v = div(sub(to, from), from);
  return roundsTo(q(s * v.n, v.d), c.percent, 100n);
}

function oracle(timepoints: string[], den: number, jMax: number, changes: PercentChangeSpec[], pins: MeanPin[]): number {
  const used = timepoints.filter((t) => changes.some((c) => c.from === t || c.to === t));
  const at = new Map<string, Q>();
  let count = 0;
  const walk = (i: number): void => {
    if (i === used.length) {
      if (changes.every((c) => changeFits(at.get(c.from)!, at.get(c.to)!, c)) && pins.every((p) => !at.has(p.timepoint) || roundsTo(at.get(p.timepoint)!, p.mean))) count++;
      return;
    }
    for (let j = 0; j <= jMax; j++) {
      at.set(used[i]!, q(BigInt(j), BigInt(den)));
      walk(i + 1);
    }
  };
  walk(0);
  return count;
}

describe("percentChangeChain with reported means", () => {
  it("pins study B's psychedelic −21.88% to one pair when the baseline mean 6.40 is reported", () => {
    // Hand: 21.875% = 7/32, so on the 0.05 grid (j/20) the baseline j is a multiple of 32: 6 pairs
    // (1.60…9.60). A printed 6.40 (6.395–6.405) leaves j = 128 alone: 6.40 → 5.00.
    const chain = { timepoints: ["t0", "t6"], changes: [{ from: "t0", to: "t6", percent: "21.88", direction: "decrease" as const }], grid: { kind: "items" as const, items: 4, n: 5, min: 0, max: 10 } };
    expect((percentChangeChain(chain).details as { feasibleTuples: number }).feasibleTuples).toBe(6);
    const pinned = percentChangeChain({ ...chain, pins: [{ timepoint: "t0", mean: "6.40", id: "baseline-mean" }] });
    const details = pinned.details as { feasibleTuples: number; tuples: Record<string, number>[] };
    expect(details.feasibleTuples).toBe(1);
    expect(details.tuples).toEqual([{ t0: 6.4, t6: 5 }]);
    expect(pinned.assumptions.pinnedBy).toEqual({ t0: "baseline-mean = 6.40" });
  });

  it("makes a chain inconsistent when the reported mean is off every solution", () => {
    // 6.45 rounds from 6.445–6.455: j/20 = 6.45 (j = 129), not a multiple of 32: no pair fits.
    const r = percentChangeChain({ timepoints: ["t0", "t6"], changes: [{ from: "t0", to: "t6", percent: "21.88", direction: "decrease" }], grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 }, pins: [{ timepoint: "t0", mean: "6.45" }] });
    expect(r.status).toBe("inconsistent");
  });

  it("ignores a reported mean at a timepoint the changes do not touch", () => {
    const r = percentChangeChain({ timepoints: ["t0", "t1", "t6"], changes: [{ from: "t0", to: "t6", percent: "21.88", direction: "decrease" }], grid: { kind: "items", items: 4, n: 5, min: 0, max: 10 }, pins: [{ timepoint: "t1", mean: "0.01" }] });
    expect((r.details as { feasibleTuples: number }).feasibleTuples).toBe(6);
    expect(r.assumptions.pinnedBy).toBeUndefined();
  });

  it("counts what a brute force in exact rationals counts, on random small grids with random pins", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.record({ from: fc.integer({ min: 0, max: 2 }), gap: fc.integer({ min: 1, max: 2 }), percent: fc.integer({ min: 0, max: 9999 }), up: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 3 }), mean: fc.integer({ min: 0, max: 400 }), decimals: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 2 }),
        (items, n, raw, rawPins) => {
          const timepoints = ["a", "b", "c", "d"];
          const changes: PercentChangeSpec[] = raw
            .filter((c) => c.from + c.gap <= 3)
            .map((c) => ({ from: timepoints[c.from]!, to: timepoints[c.from + c.gap]!, percent: (c.percent / 100).toFixed(2), direction: c.up ? "increase" : "decrease" }));
          if (changes.length === 0) return;
          const pins: MeanPin[] = rawPins.map((p) => ({ timepoint: timepoints[p.at]!, mean: (p.mean / 100).toFixed(p.decimals) }));
          const den = items * n;
          const r = percentChangeChain({ timepoints, changes, grid: { kind: "items", items, n, min: 0, max: 4 }, pins });
          const touched = new Set(changes.flatMap((c) => [c.from, c.to]));
          const expected = oracle(timepoints, den, 4 * den, changes, pins.filter((p) => touched.has(p.timepoint)));
          expect((r.details as { feasibleTuples: number }).feasibleTuples).toBe(expected);
        },
      ),
      { seed: 20240612, numRuns: 150 },
    );
  });
});
