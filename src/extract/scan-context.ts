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
  /** The kinds declared anywhere in the text. */
  documentDispersionKinds: ReadonlySet<"sd" | "se">;
  /**
   * Characters looked at so far beyond the patterns' own scan (context windows, table rows, spans):
   * a deterministic measure of work, so a test can show the scan stays linear without a clock.
   */
  work: number;
}

/** Cuts a window of the shadow (or original) text and counts its length as work. */
export function look(context: ScanContext, from: number, to: number, source: "shadow" | "text" = "shadow"): string {
  const start = Math.max(0, from);
  const end = Math.min(context.text.length, to);
  if (end > start) context.work += end - start;
  return (source === "shadow" ? context.shadow : context.text).slice(start, end);
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
  const documentDispersionKinds = new Set(dispersionDeclarations.map((declaration) => declaration.kind));
  return { text, shadow, mark, dispersionDeclarations, documentDispersionKinds, work: text.length };
}

const SENTENCE_BREAK = pattern(String.raw`[.!?]["')\]]? {1,3}(?=[A-Z(\[])|[.!?]["')\]]?$`, "g");
const PARAGRAPH_BREAK = pattern(String.raw`\n[ \t\u00a0]{0,8}\r?\n`, "g");
const NEXT_SENTENCE_BREAK = pattern(String.raw`[.!?]["')\]]? {1,3}(?=[A-Z(\[])`, "");
const NEXT_PARAGRAPH_BREAK = pattern(String.raw`\n[ \t\u00a0]{0,8}\r?\n`, "");

/** Offset where the sentence holding `pos` starts (at most CONTEXT_REACH back). */
export function sentenceStart(context: ScanContext, pos: number): number {
  const from = Math.max(0, pos - CONTEXT_REACH);
  const window = look(context, from, pos);
  let start = from;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(window); m !== null; m = SENTENCE_BREAK.exec(window)) {
    // A point between digits is a decimal point, not the end of a sentence.
    if (m[0][0] === "." && /\d/.test(window[m.index - 1] ?? "") && /\d/.test(window[m.index + 1] ?? "")) continue;
    start = from + m.index + m[0].length;
  }
  const original = look(context, from, pos, "text");
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(original); m !== null; m = PARAGRAPH_BREAK.exec(original)) start = Math.max(start, from + m.index + m[0].length);
  return start;
}

/** Offset where the sentence holding `pos` ends (at most CONTEXT_REACH ahead). */
export function sentenceEnd(context: ScanContext, pos: number): number {
  const to = Math.min(context.shadow.length, pos + CONTEXT_REACH);
  const window = look(context, pos, to);
  const breakAt = NEXT_SENTENCE_BREAK.exec(window);
  const paragraph = NEXT_PARAGRAPH_BREAK.exec(look(context, pos, to, "text"));
  const ends = [to, breakAt ? pos + breakAt.index + 1 : to, paragraph ? pos + paragraph.index : to];
  return Math.min(...ends);
}

/** The shadow text of the sentence before `pos`, at most `reach` characters. */
export function textBefore(context: ScanContext, pos: number, reach: number): { text: string; from: number } {
  const from = Math.max(sentenceStart(context, pos), pos - reach);
  return { text: look(context, from, pos), from };
}

/** The shadow text of the sentence after `pos`, at most `reach` characters. */
export function textAfter(context: ScanContext, pos: number, reach: number): string {
  return look(context, pos, Math.min(sentenceEnd(context, pos), pos + reach));
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

/** Index of the first declaration at or after `pos` (declarations are in text order). */
function firstAtOrAfter(list: ScanContext["dispersionDeclarations"], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The kinds of spread declared in the sentence around `start`–`end`, else anywhere in the text. */
export function declaredDispersion(context: ScanContext, start: number, end: number): { kinds: ReadonlySet<"sd" | "se">; local: boolean } {
  const list = context.dispersionDeclarations;
  const from = firstAtOrAfter(list, sentenceStart(context, start));
  const to = firstAtOrAfter(list, sentenceEnd(context, end));
  const local = new Set<"sd" | "se">();
  // A sentence is at most 2·CONTEXT_REACH long, so this loop is bounded.
  for (let i = from; i < to; i++) local.add(list[i]!.kind);
  if (local.size > 0) return { kinds: local, local: true };
  return { kinds: context.documentDispersionKinds, local: false };
}
