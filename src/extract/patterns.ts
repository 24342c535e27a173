import { numberWordPattern } from "./number-words.js";

/*
 * Pattern pieces shared by the recognisers. They run on the shadow text (shadow-text.ts), where all
 * whitespace is " " and every minus or dash is "-". Every quantifier is bounded ({m,n} or ?), never
 * * or +, so one match attempt does a bounded amount of work and a scan is linear in the text
 * (a test reads every compiled pattern and fails on an unbounded quantifier).
 */

/** Optional whitespace (a line break is a space in the shadow text). */
export const S = " {0,3}";
/** Required whitespace. */
export const S1 = " {1,3}";

/** Not inside a word or a number, and not the tail of "COVID-19" or "SF-36". */
export const NUMBER_START = String.raw`(?<![\w.,\/]|[A-Za-z]-)`;

/** Not inside a word or a number, and not after any hyphen: a count never ends a range ("5-11") or a name. */
export const COUNT_START = String.raw`(?<![\w.,\/]|\w-)`;

/** An unsigned printed number: "12", "0.040", ".04", "5,2", "1,234". Never part of a longer number. */
export const UNUM = String.raw`(?:\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,12})?(?!\d)|\d{1,12}(?:[.,]\d{1,12})?|\.\d{1,12})(?!\d|\.\d)`;

/** A printed number with an optional sign. */
export const SNUM = String.raw`[-+]?${UNUM}`;

/** A whole number (a count or an n): "20", "1,234". */
export const INT = String.raw`(?:\d{1,3}(?:[.,]\d{3}){1,3}|\d{1,9})(?![\d]|[.,]\d)`;

/** A number from one to ninety-nine written as a word. */
export const NUMBER_WORD = numberWordPattern;

/** Degrees of freedom: whole or with decimals (Welch). */
export const DF = String.raw`\d{1,6}(?:\.\d{1,3})?(?![\d])`;

/** A p-value's number, also as a power of ten: ".04", "0.001", "2.3 × 10-5", "1e-4", "10-6". */
export const PNUM = String.raw`(?:10 ?\^? ?[-⁻] ?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?!\d)|${UNUM}(?: ?[×x*·⋅] ?10 ?\^? ?[-+⁻]? ?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?!\d)|[eE][-+]?\d{1,3}(?!\d))?)`;

/** A relation before a p-value. */
export const REL = "(?:<=|>=|=<|=>|≤|≥|<|>|=)";

/** A unit or short noun after a number: "years", "mmHg", "kg/m2", "points". */
export const UNIT = String.raw`(?:[A-Za-zµμ][A-Za-z\/%²³µμ0-9.-]{0,14})`;

/** A range between two signed numbers: "2-6", "−3.4 to −0.8", "0.55, 0.94" (percent signs allowed). */
export const RANGE = String.raw`(?<lower>${SNUM})(?: ?%)?${S}(?:-|to|,|;|and|through)${S}(?<upper>${SNUM})(?: ?%)?`;

/**
 * "95% CI", "95 % confidence interval [CI]", "CI 95%", "CrI", and the Portuguese, Spanish, French and
 * Italian "IC95%" / "IC 95%" (intervalo de confiança, intervalle de confiance…): the level is captured when printed.
 */
export const CI_LABEL = String.raw`(?:(?<level>\d{2}(?:[.,]\d{1,2})?) ?% ?)?(?:CIs?|CrI|C\.I\.|UI|IC|[Cc]onfidence [Ii]ntervals?|[Cc]redible [Ii]ntervals?|[Uu]ncertainty [Ii]ntervals?)(?:${" {0,3}"}[\[(](?:\d{2} ?% ?)?CI[\])])?(?: ?(?<levelAfter>\d{2}) ?%)?(?![A-Za-z])`;

/** An SD or SE label. */
export const DISPERSION_LABEL = String.raw`(?:SDs?|SEM|SEs?|S\.D\.|s\.d\.|S\.E\.M?\.?|s\.e\.m?\.?|[Ss]tandard [Dd]eviations?|[Ss]tandard [Ee]rrors?(?: of the mean)?)(?![A-Za-z])`;

/** Words that end a run of adjectives before a noun: "20 of the patients" is not "20 … patients". */
export const STOP_WORDS = String.raw`(?:of|the|a|an|and|or|to|in|with|were|was|from|per|for|at|by|on|than|vs|versus|after|before|during|who|which|that|had|have|has|not|no|each|all|more|less|fewer|other|is|are|be|been|as|years?|months?|weeks?|days?|hours?|minutes?|times|sessions?|doses?|visits?|cycles?|mg|kg|ml|mL|g|cm|mm|points?)(?![\w'-])`;

/** The start and end of a whole cell of a pipe table: "| 0.02 |", "| −15.797 |", "| 0.000⋆ |". */
export const CELL_START = String.raw`(?<=\|${" {0,3}"})`;
export const CELL_END = String.raw`(?=${" {0,3}"}[*†‡§¶⋆a-e]{0,3}${" {0,3}"}\|)`;

const compiled: RegExp[] = [];

/**
 * Compiles a recogniser's pattern with match indices (flag `d`) for the global scan, and records it
 * so a test can prove every pattern has bounded quantifiers.
 */
export function pattern(source: string, flags = "gd"): RegExp {
  const regex = new RegExp(source, flags);
  compiled.push(regex);
  return regex;
}

/** Every pattern compiled so far (for the boundedness test). */
export function compiledPatterns(): readonly RegExp[] {
  return compiled;
}
