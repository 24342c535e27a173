/**
 * A same-length copy of a text for pattern matching: every kind of whitespace (no-break, thin, line
 * breaks) becomes a space, every minus and dash (−, –, —, ‐) becomes "-", a raised decimal point
 * between digits ("0·04") becomes ".", curly apostrophes become "'", and ⩽ ⩾ become ≤ ≥.
 * Each replacement swaps one UTF-16 unit for one, so an offset in the copy is the same offset in the
 * original, and quotes and fields are always cut from the original text as printed.
 *
 * @example
 * shadowText("5.2\u00a0±\u20091.3, −0.8–1.1"); // => "5.2 ± 1.3, -0.8-1.1"
 */
export function shadowText(text: string): string {
  return text
    .replace(/[\t\n\v\f\r\u0085\u00a0\u00ad\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g, " ")
    .replace(/[\u2010-\u2015\u2212\ufe63\uff0d]/g, "-")
    .replace(/(?<=\d)[\u00b7\u2219\u22c5](?=\d)/g, ".")
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/\u2a7d/g, "≤")
    .replace(/\u2a7e/g, "≥");
}
