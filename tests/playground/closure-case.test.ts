import { describe, expect, it } from "vitest";
import * as msg from "../../src/messages/reconstruct.js";
import { closureCase, SAMPLES_SHOWN } from "../../src/playground/closure-case.js";
import { RECONSTRUCTION_LABEL } from "../../src/schema/reconstruction.js";

/**
 * Every multiset of n whole numbers on min…max, as counts per value, by plain recursion: the independent
 * answer for small cases (CLOSURE's bounds are inclusive, as closure-core's).
 */
function bruteForce(n: number, min: number, max: number, mean: [number, number], sd: [number, number]): number[][] {
  const out: number[][] = [];
  const points = max - min + 1;
  const counts = new Array<number>(points).fill(0);
  const visit = (index: number, left: number) => {
    if (index === points - 1) {
      counts[index] = left;
      let sum = 0;
      let squares = 0;
      counts.forEach((count, i) => {
        sum += count * (min + i);
        squares += count * (min + i) ** 2;
      });
      const m = sum / n;
      const s = Math.sqrt((squares - n * m * m) / (n - 1));
      if (m >= mean[0] - 1e-9 && m <= mean[1] + 1e-9 && s >= sd[0] - 1e-9 && s <= sd[1] + 1e-9) out.push([...counts]);
      return;
    }
    for (let count = left; count >= 0; count--) {
      counts[index] = count;
      visit(index + 1, left - count);
    }
  };
  visit(0, n);
  return out;
}

describe("closureCase", () => {
  it("counts the samples and lists the first few, as a brute-force enumeration finds them", () => {
    // 2.9 ± 0.5, n = 25 on 1–5: mean in [2.85, 2.95], SD in [0.45, 0.55].
    const expected = bruteForce(25, 1, 5, [2.85, 2.95], [0.45, 0.55]);
    const outcome = closureCase({ mean: "2.9", sd: "0.5", n: "25", min: "1", max: "5" });
    expect(outcome.count).toBe(String(expected.length));
    expect(outcome.bounds).toEqual({ mean: [2.85, 2.95], sd: [0.45, 0.55] });
    // Lexicographic order of the sorted samples = most 1s first, then most 2s…: the order bruteForce visits.
    const shown = expected.slice(0, SAMPLES_SHOWN).map((counts) => counts.map((count, i) => (count > 0 ? `${1 + i}×${count}` : "")).filter(Boolean).join(" "));
    expect(outcome.samples).toEqual(shown);
    expect(outcome.label).toBe(RECONSTRUCTION_LABEL);
  });

  it("gives each value's share across all samples, as the brute force does", () => {
    const expected = bruteForce(12, 1, 5, [3.45, 3.55], [1.15, 1.25]);
    const outcome = closureCase({ mean: "3.5", sd: "1.2", n: "12", min: "1", max: "5" });
    const totals = [0, 1, 2, 3, 4].map((i) => expected.reduce((sum, counts) => sum + counts[i]!, 0));
    expect(outcome.frequency?.map((row) => row.count)).toEqual(totals.map(String));
    expect(outcome.sentence).toContain(`${expected.length} samples of n = 12 on 1–5`);
  });

  it("says there is none, and lists none, when no sample fits", () => {
    // 5.19 on 1–5 lies above the scale's top.
    const outcome = closureCase({ mean: "5.19", sd: "0.5", n: "10", min: "1", max: "5" });
    expect(outcome.count).toBe("0");
    expect(outcome.samples).toBeUndefined();
  });

  it("passes on the library's refusal past its counting budget, and lists nothing then", () => {
    // n = 100,000 on a 7-point scale: (n + 1)·(6n + 1)·(36n + 1) > 2^53, so the key space check refuses at once.
    const outcome = closureCase({ mean: "4.00", sd: "1.50", n: "100000", min: "1", max: "7" });
    expect(outcome.error).toEqual({ message: msg.keySpaceTooLarge(100000, 7), refused: true });
    expect(outcome.count).toBeUndefined();
    expect(outcome.samples).toBeUndefined();
  });

  it("shows the library's error for an impossible case", () => {
    expect(closureCase({ mean: "3", sd: "1", n: "1", min: "1", max: "5" }).error).toEqual({ message: "n: " + msg.notAtLeast("n", 2, 1), refused: false });
  });
});
