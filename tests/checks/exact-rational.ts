/** Test helper: exact rationals n/d (d > 0) in BigInt, for oracles that decide changes from their definitions. */
export interface Q {
  n: bigint;
  d: bigint;
}

export const q = (n: bigint, d: bigint): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
