import { DISPERSION_LABEL, pattern } from "./patterns.js";
import type { DecimalMark } from "./read-number.js";
import { shadowText } from "./shadow-text.js";

/** What every recogniser reads: the text as printed, its shadow for matching, and document facts. */
export interface ScanContext {
  text: string;
  shadow: string;
  /** The decimal mark most of the text's unambiguous decimals use. */
  mark: DecimalMark;
  /** Where the text declares its ± or bracketed spreads to be SDs or SEs ("mean ± SD", "mean (SE)"). */
  dispersionDeclarations: ReadonlyArray<{ at: number; kind: "sd" | "se" }>;
}

/** The farthest a recogniser looks back or ahead for a label or a sentence boundary. */
export const CONTEXT_REACH = 300;

const UNAMBIGUOUS_COMMA = pattern(String.raw`(?<![\d.,])(?:0,\d{1,12}|[1-9]\d{0,11},(?:\d{1,2}|\d{4,12}))(?![\d,])`, "g");
const UNAMBIGUOUS_POINT = pattern(String.raw`(?<![\d.,])(?:0\.\d{1,12}|[1-9]\d{0,11}\.(?:\d{1,2}|\d{4,12}))(?![\d.])`, "g");
const DECLARATION = pattern(
  String.raw`(?:[Mm]eans?|M)(?: ?\(| ?\[)? ?(?:±|\+\/-|\(|\[|and|,) ?(?<label>${DISPERSION_LABEL})|±${" {0,3}"}(?<plusLabel>${DISPERSION_LABEL})|\((?<bareLabel>SDs?|SEM|SEs?)\)`,
  "g",
);

const countMatches = (regex: RegExp, text: string): number => {
  let count = 0;
  regex.lastIndex = 0;
  while (regex.exec(text) !== null) count++;
  return count;
};

const dispersionKindOf = (label: string): "sd" | "se" => (/^(?:SDs?|S\.D\.|s\.d\.|[Ss]tandard [Dd]eviation)/.test(label) ? "sd" : "se");

/**
 * Builds the context for one scan: the shadow text, the decimal mark (comma when the text has more
 * unambiguous decimal commas, such as "0,04" or "5,2", than unambiguous decimal points), and where the
 * text says what its spreads are.
 */
export function scanContext(text: string): ScanContext {
  const shadow = shadowText(text);
  const mark = countMatches(UNAMBIGUOUS_COMMA, shadow) > countMatches(UNAMBIGUOUS_POINT, shadow) ? "comma" : "point";
  const dispersionDeclarations: Array<{ at: number; kind: "sd" | "se" }> = [];
  DECLARATION.lastIndex = 0;
  for (let m = DECLARATION.exec(shadow); m !== null; m = DECLARATION.exec(shadow)) {
    const label = m.groups?.label ?? m.groups?.plusLabel ?? m.groups?.bareLabel ?? "";
    dispersionDeclarations.push({ at: m.index, kind: dispersionKindOf(label) });
  }
  return { text, shadow, mark, dispersionDeclarations };
}

const SENTENCE_BREAK = pattern(String.raw`[.!?]["')\]]? {1,3}(?=[A-Z(\[])|[.!?]["')\]]?$`, "g");
const PARAGRAPH_BREAK = pattern(String.raw`\n[ \t\u00a0]{0,8}\r?\n`, "g");
const NEXT_SENTENCE_BREAK = pattern(String.raw`[.!?]["')\]]? {1,3}(?=[A-Z(\[])`, "");
const NEXT_PARAGRAPH_BREAK = pattern(String.raw`\n[ \t\u00a0]{0,8}\r?\n`, "");

/** Offset where the sentence holding `pos` starts (at most CONTEXT_REACH back). */
export function sentenceStart(context: ScanContext, pos: number): number {
  const from = Math.max(0, pos - CONTEXT_REACH);
  const window = context.shadow.slice(from, pos);
  let start = from;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(window); m !== null; m = SENTENCE_BREAK.exec(window)) {
    // A point between digits is a decimal point, not the end of a sentence.
    if (m[0][0] === "." && /\d/.test(window[m.index - 1] ?? "") && /\d/.test(window[m.index + 1] ?? "")) continue;
    start = from + m.index + m[0].length;
  }
  const original = context.text.slice(from, pos);
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(original); m !== null; m = PARAGRAPH_BREAK.exec(original)) start = Math.max(start, from + m.index + m[0].length);
  return start;
}

/** Offset where the sentence holding `pos` ends (at most CONTEXT_REACH ahead). */
export function sentenceEnd(context: ScanContext, pos: number): number {
  const to = Math.min(context.shadow.length, pos + CONTEXT_REACH);
  const window = context.shadow.slice(pos, to);
  const breakAt = NEXT_SENTENCE_BREAK.exec(window);
  const paragraph = NEXT_PARAGRAPH_BREAK.exec(context.text.slice(pos, to));
  const ends = [to, breakAt ? pos + breakAt.index + 1 : to, paragraph ? pos + paragraph.index : to];
  return Math.min(...ends);
}

/** The shadow text of the sentence before `pos`, at most `reach` characters. */
export function textBefore(context: ScanContext, pos: number, reach: number): { text: string; from: number } {
  const from = Math.max(sentenceStart(context, pos), pos - reach);
  return { text: context.shadow.slice(from, pos), from };
}

/** The shadow text of the sentence after `pos`, at most `reach` characters. */
export function textAfter(context: ScanContext, pos: number, reach: number): string {
  return context.shadow.slice(pos, Math.min(sentenceEnd(context, pos), pos + reach));
}

/**
 * Where a label written right before `pos` starts ("mean 5.2", "OR = 1.8", "median of 4"), or
 * undefined. `label` is a pattern source that must end at `pos` (it is anchored with $).
 */
export function labelBefore(context: ScanContext, pos: number, label: RegExp): { start: number; match: RegExpExecArray } | undefined {
  const { text, from } = textBefore(context, pos, 80);
  const match = label.exec(text);
  return match ? { start: from + match.index, match } : undefined;
}

/** The kinds of spread declared in the sentence around `pos`, else anywhere in the text. */
export function declaredDispersion(context: ScanContext, start: number, end: number): { kinds: Set<"sd" | "se">; local: boolean } {
  const from = sentenceStart(context, start);
  const to = sentenceEnd(context, end);
  const local = new Set(context.dispersionDeclarations.filter((d) => d.at >= from && d.at < to).map((d) => d.kind));
  if (local.size > 0) return { kinds: local, local: true };
  return { kinds: new Set(context.dispersionDeclarations.map((d) => d.kind)), local: false };
}
