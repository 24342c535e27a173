import { CohortError } from "../errors.js";
import * as message from "../messages/reconstruct.js";

/**
 * Horns index of a sample: its variance divided by the largest variance possible on the scale.
 *
 * Why: it says how far a reconstructed sample is pushed towards the scale's ends (0 = every value the
 * same, 1 = split evenly between the two extremes), unsum's main summary of CLOSURE results. The
 * variance is the population variance (divide by n), as closure-core's `calculate_horns` computes it
 * from relative frequencies; the maximum is ¼(max − min)².
 * Reference: unsum `closure_horns` and closure-core `calculate_horns` (Jung, https://github.com/lhdjung/closure-core).
 * @param frequencies count of each scale value, index 0 = `min`
 * @param min scale minimum
 * @param max scale maximum
 * @throws {CohortError} when the frequencies do not match the scale
 * @example
 * hornsIndex([1, 1, 1, 1, 1], 1, 5); // => 0.5
 */
export function hornsIndex(frequencies: ArrayLike<number>, min: number, max: number): number {
  if (frequencies.length !== max - min + 1) throw new CohortError({ message: message.notAtLeast("frequency vector length", max - min + 1, frequencies.length) });
  if (max === min) return 0;
  let total = 0;
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < frequencies.length; index++) {
    const count = frequencies[index] as number;
    total += count;
    sum += count * index;
    squares += count * index * index;
  }
  if (total === 0) return 0;
  const mean = sum / total;
  const variance = squares / total - mean * mean;
  return Math.max(0, variance) / ((max - min) ** 2 / 4);
}
