import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { mersenne } from "pure-rand/generator/mersenne";

/**
 * A seeded random source. Every random function in cohortcheck takes one as an argument, never a
 * global seed (arquero's module-global `seed()` is the anti-pattern), so the same seed always gives
 * the same reconstructions and reports.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both inclusive. */
  int(min: number, max: number): number;
}

/**
 * Creates a seeded random source (Mersenne Twister MT19937 from pure-rand; small seeds are well mixed by its initialisation).
 *
 * @param seed a 32-bit whole number
 * @example
 * const rng = createRng(42);
 * rng.int(1, 6); // the same value on every run with seed 42
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new Error(`createRng requires a whole-number seed, received ${seed}`);
  const generator = mersenne(seed | 0);
  return {
    next: () => uniformFloat64(generator),
    int: (min, max) => uniformInt(generator, min, max),
  };
}

/** Fisher–Yates shuffle of a copy of `items`, driven by `rng`. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let index = out.length - 1; index > 0; index--) {
    const other = rng.int(0, index);
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}
