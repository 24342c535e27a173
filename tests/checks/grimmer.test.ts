import { describe, expect, it } from "vitest";
import { grimmer, grimmerTest } from "../../src/checks/grimmer.js";
import * as msg from "../../src/messages/checks.js";
import { MAX_ITEMS, MAX_TOTALS } from "../../src/checks/validate.js";

/**
 * Independent oracle: every multiset of n whole numbers on [lo, hi], its mean and sample SD rounded
 * half up and half down to 2 decimals with integer-exact arithmetic, collected as "mean|sd" strings.
 */
function feasiblePairs(n: number, lo: number, hi: number): Set<string> {
  const out = new Set<string>();
  const round2 = (num: number, den: number): number[] => {
    // candidates for num/den at 2 decimals: half up and half down
    const twice = 200 * num;
    const up = Math.floor((twice + den) / (2 * den));
    return (twice + den) % (2 * den) === 0 ? [up, up - 1] : [up];
  };
  const sdCandidates = (s: number, q: number): number[] => {
    // variance = (nQ − S²)/(n(n−1)); sd·100 rounded: find r with (r−0.5)² ≤ 10^4·var ≤ (r+0.5)² by integer comparison.
    const vNum = 10000 * (n * q - s * s); // 10^4 var · n(n−1)
    const vDen = n * (n - 1);
    const r0 = Math.round(Math.sqrt(vNum / vDen));
    const out: number[] = [];
    for (let r = Math.max(0, r0 - 2); r <= r0 + 2; r++) {
      // (2r−1)²/4 ≤ vNum/vDen ≤ (2r+1)²/4  ⇔  (2r−1)²·vDen ≤ 4·vNum ≤ (2r+1)²·vDen
      const low = r === 0 ? true : (2 * r - 1) ** 2 * vDen <= 4 * vNum;
      if (low && 4 * vNum <= (2 * r + 1) ** 2 * vDen) out.push(r);
    }
    return out;
  };
  const rec = (start: number, left: number, s: number, q: number): void => {
    if (left === 0) {
      for (const m of round2(s, n)) for (const sd of sdCandidates(s, q)) out.add(`${m}|${sd}`);
      return;
    }
    for (let v = start; v <= hi; v++) rec(v, left - 1, s + v, q + v * v);
  };
  rec(lo, n, 0, 0);
  return out;
}

const fmt = (k: number) => (k / 100).toFixed(2);

describe("grimmer", () => {
  it("rejects rsprite2's failing example and accepts its passing one", () => {
    // rsprite2 tests/testthat/test-rsprite2.R: GRIMMER_test(5.21, 1.6, 28) TRUE; GRIMMER_test(3.44, 2.47, 18) FALSE.
    expect(grimmer({ mean: "5.21", sd: "1.6", n: 28 }).status).toBe("consistent");
    expect(grimmer({ mean: "3.44", sd: "2.47", n: 18 }).status).toBe("inconsistent");
  });
  it("confirms 3.44 / 2.47 / 18 by brute force over all (sum, sum of squares) of 18 whole numbers on 0..20", () => {
    // Independent DP: reachable (S, Q) after each value; then test the rounding of mean and SD exactly.
    let states = new Set<number>([0]);
    const key = (s: number, q: number) => s * 100000 + q;
    for (let i = 0; i < 18; i++) {
      const next = new Set<number>();
      for (const k of states) {
        const s = Math.floor(k / 100000);
        const q = k % 100000;
        for (let v = 0; v <= 20; v++) if (s + v <= 62) next.add(key(s + v, q + v * v)); // mean 3.44 needs S = 62 (61.83..62.01)
      }
      states = next;
    }
    let found = false;
    for (const k of states) {
      const s = Math.floor(k / 100000);
      const q = k % 100000;
      // mean: 3.435 ≤ s/18 ≤ 3.445 ; sd: 2.465 ≤ sd ≤ 2.475  ⇔  2.465² · 18·17 ≤ 18q − s² ≤ 2.475² · 18·17
      const meanOk = 3435 * 18 <= 1000 * s && 1000 * s <= 3445 * 18;
      const v = 18 * q - s * s;
      const sdOk = 2465 ** 2 * 306 <= v * 1e6 && v * 1e6 <= 2475 ** 2 * 306;
      if (meanOk && sdOk) found = true;
    }
    expect(found).toBe(false);
  });
  it("never rejects a real sample: every (mean, SD) of every multiset of n ≤ 8 values on 1–7 passes (bug #80)", () => {
    let checked = 0;
    for (let n = 2; n <= 8; n++) {
      for (const pair of feasiblePairs(n, 1, 7)) {
        const [m, s] = pair.split("|").map(Number) as [number, number];
        const args = { mean: fmt(m), sd: fmt(s), n };
        expect(grimmerTest(args).consistent, JSON.stringify(args)).toBe(true);
        expect(grimmerTest({ ...args, scale: { min: 1, max: 7 } }).consistent, JSON.stringify(args)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
  it("with the scale given, false passes (pairs without a sample) shrink as n grows (all pairs at 2 dp, n = 2..6 on 1–7)", () => {
    // Two-sided comparison against the oracle. The analytic test is necessary, not sufficient: for
    // tiny n a sum of squares of the right parity need not be a sum of n squares (n = 2 needs
    // 2Q − S² to be a perfect square), so false passes are common at n = 2 and must fall with n.
    const rates: number[] = [];
    for (let n = 2; n <= 6; n++) {
      const real = feasiblePairs(n, 1, 7);
      let passes = 0;
      let falsePasses = 0;
      for (let m = 100; m <= 700; m++) {
        for (let s = 0; s <= 350; s++) {
          const ok = grimmerTest({ mean: fmt(m), sd: fmt(s), n, scale: { min: 1, max: 7 } }).consistent;
          if (ok) passes++;
          if (ok && !real.has(`${m}|${s}`)) falsePasses++;
        }
      }
      expect(passes).toBeGreaterThanOrEqual(real.size);
      rates.push(falsePasses / passes);
    }
    console.log(`GRIMMER false-pass rate on 1–7 by n = 2..6: ${rates.map((r) => r.toFixed(3)).join(", ")}`);
    for (let i = 1; i < rates.length; i++) expect(rates[i]!).toBeLessThan(rates[i - 1]!);
  });
  it("passes mean 2.00, SD 2.00, n 2 without a sample: necessary, not sufficient (hand)", () => {
    // Hand: two integers summing to 4 are (2,2) SD 0, (1,3) SD 1.41, (0,4) SD 2.83 — none has SD 2.00;
    // yet Q = 12 is even like S = 4 and gives SD sqrt((2·12 − 16)/2) = 2: the analytic test passes.
    expect(grimmerTest({ mean: "2.00", sd: "2.00", n: 2 }).consistent).toBe(true);
    // On a 1–7 scale the largest Q with S = 4 is 1 + 9 = 10, so the bounded test rejects it.
    expect(grimmerTest({ mean: "2.00", sd: "2.00", n: 2, scale: { min: 1, max: 7 } }).consistent).toBe(false);
  });
  it("names the failing test", () => {
    expect(grimmerTest({ mean: "5.19", sd: "1.50", n: 28 }).reason).toBe("grim"); // rsprite2: fails if GRIM fails
    expect(grimmerTest({ mean: "3.44", sd: "2.47", n: 18 }).reason).toBe("parity");
  });
  it("throws for n < 2 and a negative SD", () => {
    expect(() => grimmer({ mean: "5.00", sd: "1.00", n: 1 })).toThrow(msg.nTooSmallForSd(1));
    expect(() => grimmer({ mean: "5.00", sd: "-1.00", n: 5 })).toThrow(msg.negativeSd("-1.00"));
  });
});

describe("grimmer (limits)", () => {
  it("is undetermined, without looping, when far more totals fit the mean than it tries (regression: minutes-long hang)", () => {
    const r = grimmer({ mean: "-1.5", sd: "205", n: 2147483648, items: 3, scale: { min: -5, max: 10 } });
    // Hand: T = n·items = 6442450944; totals S with S/T in [−1.55, −1.45] run from ⌈−1.55T⌉ = −9985798963
    // to ⌊−1.45T⌋ = −9341553869 (inside the scale's bounds n·(−15) = −32212254720 … n·30), i.e. 644245095
    // totals; T ≥ 10^1, so GRIM cannot test the mean either.
    expect(r.status).toBe("undetermined");
    expect(r.details).toMatchObject({ reason: "too-coarse", candidateTotals: 644245095, limit: MAX_TOTALS });
  });
  it("still runs when the totals are few, however large n is", () => {
    // Hand: n = 10^7, mean "2.5000000" (7 decimals) fits S/T in [2.49999995, 2.50000005] → S = 25000000 only;
    // half 2s and half 3s give SD 0.5·sqrt(n/(n − 1)) = 0.500000025, which rounds to "0.5000000".
    expect(grimmer({ mean: "2.5000000", sd: "0.5000000", n: 10_000_000, scale: { min: 1, max: 5 } }).status).toBe("consistent");
  });
  it("rejects a non-whole, infinite or NaN scale bound, naming it (regression: RangeError from BigInt)", () => {
    expect(() => grimmer({ mean: "3.00", sd: "1.00", n: 5, scale: { min: -Infinity, max: 7 } })).toThrow(msg.notAnInteger("scale min", -Infinity));
    expect(() => grimmer({ mean: "3.00", sd: "1.00", n: 5, scale: { min: 1, max: Infinity } })).toThrow(msg.notAnInteger("scale max", Infinity));
    expect(() => grimmer({ mean: "3.00", sd: "1.00", n: 5, scale: { min: NaN, max: 7 } })).toThrow(msg.notAnInteger("scale min", NaN));
    expect(() => grimmer({ mean: "3.00", sd: "1.00", n: 5, scale: { min: 1.5, max: 7 } })).toThrow(msg.notAnInteger("scale min", 1.5));
  });
  it("rejects more than MAX_ITEMS items (regression: 1e9 items hung)", () => {
    expect(() => grimmer({ mean: "0.00", sd: "100", n: 51, items: 1e9, scale: { min: -4, max: 1 } })).toThrow(msg.tooManyItems(1e9, MAX_ITEMS));
  });
});

describe("grimmer (n × items)", () => {
  it("rejects n × items beyond 2^53 − 1, where totals can no longer be counted exactly", () => {
    // Hand: (2^53 − 1) × 2 > 2^53 − 1.
    expect(() => grimmer({ mean: "1.00", sd: "1.00", n: Number.MAX_SAFE_INTEGER, items: 2 })).toThrow(msg.productTooLarge(Number.MAX_SAFE_INTEGER, 2));
  });
});
