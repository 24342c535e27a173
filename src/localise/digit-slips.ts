/** A printed number that differs from another by one slip of the pen: one digit ±1, or two adjacent digits swapped. */
export interface DigitSlip {
  slip: "digit-neighbour" | "digit-transposed";
  /** The number as it would have been printed without the slip (same places, same sign). */
  value: string;
}

/**
 * The printed numbers one digit slip away from `printed`: each digit one up or down (a neighbouring
 * key or a misread digit) and each pair of adjacent digits swapped (the decimal point stays where it
 * is). Numbers that would gain a leading zero are left out: a slip does not shorten a number.
 * Why: single-digit and transposition errors are most errors in copied numbers (Verhoeff 1969).
 *
 * @param printed a plain decimal as printed, e.g. "24.56" or "-3.4"
 * @example
 * digitSlips("24.5").map((s) => s.value); // => ["14.5", "34.5", "23.5", "25.5", "24.4", "24.6", "42.5", "25.4"]
 */
export function digitSlips(printed: string): DigitSlip[] {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(printed);
  if (!match) return [];
  const sign = match[1]!;
  const whole = match[2]!;
  const fraction = match[3] ?? "";
  const digits = [...whole, ...fraction];
  const write = (d: string[]): string | null => {
    const w = d.slice(0, whole.length).join("");
    if (w.length > 1 && w.startsWith("0")) return null;
    return `${sign}${w}${fraction.length > 0 ? `.${d.slice(whole.length).join("")}` : ""}`;
  };
  const out: DigitSlip[] = [];
  const seen = new Set([printed]);
  const add = (slip: DigitSlip["slip"], d: string[]): void => {
    const value = write(d);
    if (value === null || seen.has(value)) return;
    seen.add(value);
    out.push({ slip, value });
  };
  digits.forEach((digit, i) => {
    for (const step of [-1, 1]) {
      const next = Number(digit) + step;
      if (next < 0 || next > 9) continue;
      const d = [...digits];
      d[i] = String(next);
      add("digit-neighbour", d);
    }
  });
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] === digits[i + 1]) continue;
    const d = [...digits];
    [d[i], d[i + 1]] = [d[i + 1]!, d[i]!];
    add("digit-transposed", d);
  }
  return out;
}
