import { buildStatistic, groupSpan, printed, scan, type Recogniser } from "./build-statistic.js";
import { hasFormat, headingFormats } from "./format-headings.js";
import { NUMBER_START, pattern, S, SNUM, UNUM } from "./patterns.js";
import { look, textAfter, textBefore, type ScanContext } from "./scan-context.js";
import type { ExtractedStatistic, StatisticFields } from "./types.js";

type Direction = StatisticFields["percent-change"]["direction"];

const INCREASE = ["increased", "increase", "increases", "rose", "rise", "rises", "grew", "raised", "gain", "gains", "gained", "higher", "greater", "more", "went up", "increment"];
const DECREASE = ["decreased", "decrease", "decreases", "reduced", "reduction", "reductions", "declined", "decline", "declines", "dropped", "drop", "drops", "fell", "fall", "falls", "lowered", "lower", "less", "fewer", "loss", "losses", "lost", "diminished", "went down"];
const UNSTATED = ["improved", "improvement", "improvements", "worsened", "worsening", "deterioration", "changed", "change", "changes"];

const words = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).join("|");
const VERB = String.raw`(?<![A-Za-z])(?<verb>${words([...INCREASE, ...DECREASE, ...UNSTATED].filter((w) => !["higher", "greater", "more", "lower", "less", "fewer"].includes(w)))})(?![A-Za-z])`;
const NOUN = String.raw`(?<noun>${words([...INCREASE, ...DECREASE, ...UNSTATED])})(?![A-Za-z])`;
const PERCENT = String.raw`(?<percent>${SNUM})${S}(?:%|percent|per cent)(?![A-Za-z])`;
const HEDGE = String.raw`(?:(?:approximately|about|nearly|almost|around|roughly|over|more than|up to|an average of|a mean of|on average|a further)${S})?`;
const PHRASE = String.raw`(?: (?!from|to|by)[a-z][\w'-]{0,20}){1,4}`;
const QUALIFIER = String.raw`(?:(?:relative|absolute|mean|median|overall|average|further|net|significant|additional|statistically significant|marked|modest|small|large|substantial)${S})?`;

const forms = {
  // decreased by 21.88% · a reduction of 35% · a decrease in pain of 35% · fell 12 percent
  verbFirst: pattern(String.raw`${VERB}(?: (?:in|of)${PHRASE})?${S}(?:(?:by|of)${S})?${HEDGE}${PERCENT}`),
  // a 35% reduction · 24.56% increase · a 3.39% decrease · 35% lower
  percentFirst: pattern(String.raw`(?:(?<![A-Za-z])an?${S})?(?<![≥>≤<] ?)${NUMBER_START}${PERCENT}${S}${QUALIFIER}${NOUN}`),
};

/** In a table under "ΔMean (% change)": the bracketed number of "–4.76 (–35.81)". */
const UNDER_HEADING = pattern(String.raw`${NUMBER_START}${SNUM}${S}[(\[]${S}(?<percent>${SNUM})${S}%?${S}[)\]]`);

/** "…fell by 37%, medical admissions by 30% and bed occupancy by 27%": the verb is shared. */
const BY_ONLY = pattern(String.raw`(?<![A-Za-z])by${S}${HEDGE}${PERCENT}`);
const EARLIER_VERB = pattern(VERB, "g");

/** "The drop was maximum during daytime (69.8%)": a bracketed percentage whose clause names a change. */
const BRACKETED = pattern(String.raw`(?<![\d%] {0,3})[(\[]${S}(?<percent>${SNUM})${S}%${S}[)\]]`);
const CHANGE_BEFORE = pattern(String.raw`(?<![A-Za-z])(?<verb>${words([...INCREASE, ...DECREASE].filter((w) => !["higher", "greater", "more", "lower", "less", "fewer", "lost", "gains", "gained"].includes(w)))})(?![A-Za-z])(?<rest>[^\d%();]{0,60})$`, "");

/**
 * "equivalent to −4.2% (p = 0.13)", "breakfast cereals (−16.0%, p = 0.65)": a percentage printed with a
 * sign, in a sentence that speaks of a change. A share cannot be negative; the sign gives the direction.
 * A dash after a number ("10 – 20%") is a range, and an en or em dash is never read as a sign.
 */
const SIGNED = pattern(String.raw`(?<!\d${S})${NUMBER_START}(?<percent>[-+]${UNUM})${S}%(?![A-Za-z])`);
const CHANGE_IN_SENTENCE = pattern(String.raw`(?<![A-Za-z])(?:${words([...INCREASE, ...DECREASE, ...UNSTATED].filter((w) => !["higher", "greater", "more", "lower", "less", "fewer", "gain", "gains", "loss", "losses"].includes(w)))})(?![A-Za-z])`, "");

/** "an increase of 57.1% and 74.2%": further percentages listed after a change share its word. */
const LISTED_AFTER = pattern(String.raw`^(?:${S},${S}(?:and${S})?|${S}and${S})(?<percent>${SNUM})${S}(?:%|percent|per cent)(?![A-Za-z])`, "");

function directionOf(word: string): Direction {
  const lower = word.toLowerCase();
  if (INCREASE.includes(lower)) return "increase";
  if (DECREASE.includes(lower)) return "decrease";
  return "unstated";
}

/** "a ≥30% reduction" or "at least 50% improvement" defines responders; it reports no change. */
const THRESHOLD_BEFORE = pattern(String.raw`(?:[≥>]|at least|or more than|more than)${S}$`, "");

function read(context: ScanContext, match: RegExpExecArray): ExtractedStatistic | undefined {
  const word = printed(context, match, "verb") ?? printed(context, match, "noun")!;
  const percent = printed(context, match, "percent")!;
  if (THRESHOLD_BEFORE.test(look(context, match.index - 16, match.index))) return undefined;
  const statistic = buildStatistic(context, "percent-change", match.index, match.index + match[0].length, { percent, direction: directionOf(word) });
  return statistic;
}

/**
 * A change printed as a percentage: "decreased by 21.88%", "a reduction of 35%", "a 35% reduction",
 * "24.56% increase", "35% lower", a signed "−4.2%" in a sentence about a change, and the percentages
 * listed after a change ("an increase of 57.1% and 74.2%"). The direction is the word's ("improved" and "changed" say none:
 * `unstated`). A threshold ("a ≥30% reduction", "at least 50% improvement") defines a responder and is
 * not read as a change.
 */
export const percentChange: Recogniser = {
  kind: "percent-change",
  recognise: (context) => {
    const worded = [...changesInWords(context), ...signedChanges(context)];
    return [...worded, ...listedAfter(context, worded), ...changesUnderHeadings(context)];
  },
};

/** Percentages printed with a sign in a sentence that names a change. */
function signedChanges(context: ScanContext): ExtractedStatistic[] {
  return scan(context, SIGNED, (match) => {
    const [start, end] = groupSpan(match, "percent")!;
    if (/^[\u2010-\u2015]/.test(context.text[start]!)) return undefined;
    const before = textBefore(context, start, 300).text;
    if (!CHANGE_IN_SENTENCE.test(before) && !CHANGE_IN_SENTENCE.test(textAfter(context, end, 60))) return undefined;
    const percentEnd = match.index + match[0].length;
    const percent = context.text.slice(start, end);
    return buildStatistic(context, "percent-change", start, percentEnd, { percent, direction: percent.startsWith("+") ? "increase" : "decrease" });
  });
}

/** The percentages listed right after a change ("by 57.1% and 74.2%"), with its direction. */
function listedAfter(context: ScanContext, changes: readonly ExtractedStatistic[]): ExtractedStatistic[] {
  const listed: ExtractedStatistic[] = [];
  for (const change of changes) {
    let end = change.end;
    // A list is short: at most four more items, each read from a bounded window.
    for (let item = 0; item < 4; item++) {
      const match = LISTED_AFTER.exec(look(context, end, end + 40));
      if (!match) break;
      // The separators before the percentage hold no digit, so its first occurrence is the percentage.
      const start = end + match[0].indexOf(match.groups!.percent!);
      const statistic = buildStatistic(context, "percent-change", start, end + match[0].length, {
        percent: context.text.slice(start, start + match.groups!.percent!.length),
        direction: (change.fields as StatisticFields["percent-change"]).direction,
      });
      if (!statistic) break;
      listed.push(statistic);
      end = statistic.end;
    }
  }
  return listed;
}

/** Changes named by a word: "decreased by 21.88%", "a 35% reduction", "(69.8%)" after "The drop was". */
function changesInWords(context: ScanContext): ExtractedStatistic[] {
  return [
    ...Object.values(forms).flatMap((form) => scan(context, form, (match) => read(context, match))),
    ...scan(context, BRACKETED, (match) => {
      // Only when a change word leads to it with no number between (not "11 (55%)", not "in 2019 (45%)").
      const { text } = textBefore(context, match.index, 80);
      const change = CHANGE_BEFORE.exec(text);
      if (!change) return undefined;
      const [start, end] = groupSpan(match, "percent")!;
      const percentEnd = end + (/^ {0,3}%/.exec(context.shadow.slice(end, end + 4))?.[0].length ?? 0);
      return buildStatistic(context, "percent-change", start, percentEnd, { percent: context.text.slice(start, end), direction: directionOf(change.groups!.verb!) });
    }),
    ...scan(context, BY_ONLY, (match) => {
      // Only a continuation: an earlier change verb in the same sentence gives the direction.
      const { text } = textBefore(context, match.index, 150);
      let verb: string | undefined;
      EARLIER_VERB.lastIndex = 0;
      for (let m = EARLIER_VERB.exec(text); m !== null; m = EARLIER_VERB.exec(text)) verb = m.groups!.verb!;
      if (verb === undefined) return undefined;
      return buildStatistic(context, "percent-change", match.index, match.index + match[0].length, { percent: printed(context, match, "percent")!, direction: directionOf(verb) });
    }),
  ];
}

/** In a table under "ΔMean (% change)": the bracketed number of "–4.76 (–35.81)". */
function changesUnderHeadings(context: ScanContext): ExtractedStatistic[] {
  return [
    ...scan(context, UNDER_HEADING, (match) => {
      const formats = headingFormats(context, match.index);
      if (!hasFormat(formats, "percent-change")) return undefined;
      const [start, end] = groupSpan(match, "percent")!;
      const percent = context.text.slice(start, end);
      // Under a header that also offers "mean (SD)" or "n (%)", only a negative bracketed number is
      // surely a change (an SD or a share cannot be negative).
      const negative = /^[-\u2212\u2012\u2013\u2014]/.test(percent);
      if (!negative && (hasFormat(formats, "mean-dispersion") || hasFormat(formats, "count-percent"))) return undefined;
      // A signed change says its direction by its sign ("–35.81" fell); an unsigned one rose.
      const direction = negative ? "decrease" : "increase";
      return buildStatistic(context, "percent-change", start, end, { percent, direction }, ["read-from-heading"]);
    }),
  ];
}

