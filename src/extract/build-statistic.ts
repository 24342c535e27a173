import { readNumber } from "./read-number.js";
import type { ScanContext } from "./scan-context.js";
import { numericFields, type ExtractedNumber, type ExtractedStatistic, type NumericField, type StatisticFields, type StatisticFlag, type StatisticKind } from "./types.js";

/** The span of a named group of a match made with the `d` flag, or undefined when it did not take part. */
export function groupSpan(match: RegExpExecArray, name: string): [number, number] | undefined {
  return match.indices?.groups?.[name];
}

/** A named group's text cut from the original (not the shadow) text, or undefined. */
export function printed(context: ScanContext, match: RegExpExecArray, name: string): string | undefined {
  const span = groupSpan(match, name);
  return span ? context.text.slice(span[0], span[1]) : undefined;
}

const PARAGRAPH = /\n[ \t\u00a0]{0,8}\r?\n/;

/**
 * Drops closing brackets at the end of a span that close nothing inside it: patterns take an optional
 * ")" so that "OR 1.8 (95% CI 1.1–2.9)" keeps its own, and this gives back the one that belongs to an
 * outer "(… 5.2 ± 1.3)". Returns the new end.
 */
export function balancedEnd(text: string, start: number, end: number): number {
  let balance = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === "(" || c === "[") balance++;
    else if (c === ")" || c === "]") balance--;
  }
  while (balance < 0) {
    let last = end;
    while (last > start && /\s/.test(text[last - 1]!)) last--;
    if (last === start || (text[last - 1] !== ")" && text[last - 1] !== "]")) break;
    end = last - 1;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    balance++;
  }
  return end;
}

const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/;

/**
 * Makes one statistic from a recogniser's reading: cuts the quote from the original text, reads every
 * numeric field exactly, and gathers the flags. Returns undefined when a numeric field is not a
 * number or the span crosses a blank line (a statistic in running text never does; a test and its p
 * in table cells may, and ask for `acrossBlankLines`).
 */
export function buildStatistic<K extends StatisticKind>(
  context: ScanContext,
  kind: K,
  start: number,
  end: number,
  fields: StatisticFields[K],
  flags: readonly StatisticFlag[] = [],
  { acrossBlankLines = false } = {},
): ExtractedStatistic | undefined {
  end = balancedEnd(context.text, start, end);
  const quote = context.text.slice(start, end);
  if (!acrossBlankLines && PARAGRAPH.test(quote)) return undefined;
  const allFlags = new Set<StatisticFlag>(flags);
  if (LINE_BREAK.test(quote)) allFlags.add("line-break-inside");
  const values: Partial<Record<NumericField, ExtractedNumber>> = {};
  const record = fields as Record<string, string | undefined>;
  for (const name of numericFields) {
    const text = record[name];
    if (text === undefined) continue;
    const read = readNumber(text, context.mark);
    if (!read) return undefined;
    values[name] = read.number;
    for (const flag of read.flags) allFlags.add(flag);
  }
  return { kind, start, end, quote, fields, values, flags: [...allFlags].sort() } as ExtractedStatistic;
}

/** A recogniser: finds every statistic of one kind in a text. */
export interface Recogniser {
  kind: StatisticKind;
  recognise(context: ScanContext): ExtractedStatistic[];
}

/** Runs a global pattern over the shadow text and collects what `read` makes of each match. */
export function scan(context: ScanContext, regex: RegExp, read: (match: RegExpExecArray) => ExtractedStatistic | undefined): ExtractedStatistic[] {
  const found: ExtractedStatistic[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(context.shadow); match !== null; match = regex.exec(context.shadow)) {
    context.work += match[0].length;
    const statistic = read(match);
    if (statistic) found.push(statistic);
    // A rejected match may hide a good one starting inside it; each start is still tried once.
    if (!statistic || match[0].length === 0) regex.lastIndex = match.index + 1;
  }
  return found;
}
