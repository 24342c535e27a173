import { describe, expect, it } from "vitest";
import type { PercentChangeSpec } from "../../src/checks/chain-enumeration.js";
import { chainProblem, type ChainReading } from "../../src/localise/chain-problem.js";
import { localise } from "../../src/localise/localise.js";
import { createRng } from "../../src/stats/rng.js";
import { div, q, sub, type Q } from "../checks/exact-rational.js";

// Brute-force oracle in exact rationals for the chain localiser's single-figure search: for every
// reading of a change (later value, percentage points, truncated, a misprinted digit) or of a group
// (n − 1, n − 2), walk every tuple of group means j/den and decide each change from its definition.
// The localiser must list exactly the readings the oracle finds consistent (off-grid readings are
// left to the enumeration's own oracle suite: their 3-decimal grids are too large to walk here).

function fits(from: Q, to: Q, c: PercentChangeSpec, base: "earlier" | "later" | "points", mode: "round" | "trunc", range: Q): boolean {
  const b = base === "earlier" ? from : base === "later" ? to : range;
  if (b.n <= 0n) return false;
  const v = div(sub(to, from), b);
  const [whole, fraction = ""] = c.percent.split(".");
  const p = BigInt(`${whole}${fraction}`);
  const d = 10n ** BigInt(fraction.length);
  const s = c.direction === "increase" ? 1n : -1n;
  // x = 100·s·v·d − p over v.d; round: |x| ≤ ½; trunc (a magnitude): 0 ≤ x < 1
  const x = s * 100n * v.n * d - p * v.d;
  return mode === "round" ? -v.d <= 2n * x && 2n * x <= v.d : 0n <= x && x < v.d;
}

function oracle(timepoints: string[], changes: PercentChangeSpec[], items: number, n: Record<string, number>, max: number, reading: { figure: string; params: ChainReading } | null): boolean {
  const at = new Map<string, Q>();
  const walk = (i: number): boolean => {
    if (i === timepoints.length) {
      return changes.every((c) => {
        const r = reading !== null && reading.figure === c.id ? reading.params : null;
        const spec = r?.kind === "printed" ? { ...c, percent: r.value } : c;
        const base = r?.kind === "computation" ? (r.computation === "percent-of-later" ? "later" : "points") : "earlier";
        return fits(at.get(c.from)!, at.get(c.to)!, spec, base, r?.kind === "truncated" ? "trunc" : "round", q(BigInt(max), 1n));
      });
    }
    const t = timepoints[i]!;
    const r = reading !== null && reading.figure === `group@${t}` ? reading.params : null;
    const den = items * (r?.kind === "n" ? r.n : n[t]!);
    for (let j = 0; j <= max * den; j++) {
      at.set(t, q(BigInt(j), BigInt(den)));
      if (walk(i + 1)) return true;
    }
    return false;
  };
  return walk(0);
}

describe("chainProblem against a brute force in exact rationals", () => {
  it("lists exactly the single-figure readings the oracle finds consistent, on random small grids", () => {
    const rng = createRng(4242);
    let compared = 0;
    for (let run = 0; run < 40; run++) {
      const items = rng.int(1, 2);
      const size = rng.int(2, 3);
      const timepoints = ["a", "b", "c"];
      const changes: PercentChangeSpec[] = [
        { id: "ab", from: "a", to: "b", percent: `${rng.int(0, 99)}.${rng.int(0, 9)}`, direction: rng.int(0, 1) ? "increase" : "decrease" },
        { id: "bc", from: "b", to: "c", percent: `${rng.int(0, 99)}.${rng.int(0, 9)}`, direction: rng.int(0, 1) ? "increase" : "decrease" },
      ];
      const problem = chainProblem({ timepoints, changes, grid: { kind: "items", items, n: size, min: 0, max: 3 } });
      const found = localise(problem, { maxSize: 1 });
      const asPrinted = oracle(timepoints, changes, items, { a: size, b: size, c: size }, 3, null);
      expect(found.status === "consistent").toBe(asPrinted);
      if (asPrinted) continue;
      const listed = new Set(found.explanations.map((e) => `${e.readings[0]!.figure}|${e.readings[0]!.label}`));
      for (const r of problem.readings) {
        if (r.slip === "off-grid") continue;
        const expected = oracle(timepoints, changes, items, { a: size, b: size, c: size }, 3, r);
        expect(listed.has(`${r.figure}|${r.label}`), `${r.figure} ${r.label}`).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
