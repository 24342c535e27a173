/**
 * Characters that change how text is shown rather than showing themselves: C0 controls (ESC starts
 * terminal escape sequences, CR returns to the start of the line, BS backs up), DEL, C1 controls
 * (U+009B is a one-byte CSI to some terminals), the bidirectional overrides and isolates that reorder
 * what follows ("Trojan Source"), and the Unicode line and paragraph separators. Global: use with replace.
 */
export const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function picture(character: string): string {
  const code = character.charCodeAt(0);
  // U+2400–U+241F: SYMBOL FOR NULL … SYMBOL FOR UNIT SEPARATOR; U+2421: SYMBOL FOR DELETE.
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

/**
 * Text with every control character shown visibly instead of acting: C0 controls as their Unicode
 * control pictures (ESC → ␛, line feed → ␊, CR → ␍, tab → ␉), DEL as ␡, and C1 controls,
 * bidirectional controls and line separators as `<U+202E>`. Data from a study file then cannot
 * clear a terminal, move the cursor, overwrite a line, start a new one, or reorder the text around it.
 *
 * @param text text from a data file, a file name, an error message
 * @param keep "lines" keeps line feeds and tabs (for multi-line output the tool itself laid out)
 * @example
 * visibleControls("a\u001b[2Jb\nc"); // => "a␛[2Jb␊c"
 * visibleControls("a\u001b[2Jb\nc", "lines"); // => "a␛[2Jb\nc"
 */
export function visibleControls(text: string, keep: "none" | "lines" = "none"): string {
  return text.replace(keep === "lines" ? CONTROLS_BUT_LINES : CONTROLS, picture);
}
