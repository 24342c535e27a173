/**
 * About ten round tick values from min to max (steps of 1, 2, 2.5 or 5 times a power of ten), none
 * above max, so a scale with headroom above it (for annotations) shows ticks only on the scale.
 *
 * @example
 * tickValues(0, 10); // => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
 */
export function tickValues(min: number, max: number): number[] {
  const raw = (max - min) / 10;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw - 1e-12) ?? 10 * power;
  const out: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + 1e-9; value += step) out.push(Math.round(value * 1e9) / 1e9);
  return out;
}
