import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Evidence } from "../schema/checklist.js";
import type { Claim } from "../schema/reported-value.js";
import type { Source } from "../schema/source.js";
import type { Study } from "../schema/study.js";
import type { Consequence, LimitKind } from "./limit-flag.js";
import type { Attribution } from "./source-sections.js";

/** Thresholds of the limits register; the defaults are conventional and documented. */
export interface LimitsOptions {
  /** A sample is "small" when its MDE at 80% power exceeds this standardised effect (Cohen's medium, 0.5). */
  mediumEffect?: number;
  /** A reported share is "imprecise" when its 95% Wilson interval is wider than this (0.2 = 20 points). */
  shareWidth?: number;
  /** Multiplicity is flagged from this many outcome–time pairs or tests (3: a 14% chance of a false p < .05). */
  multiplicityFrom?: number;
  /** Losses above this share of those who started count as a risk-of-bias concern in GRADE (0.2). */
  attritionConcern?: number;
  alpha?: number;
  power?: number;
}

export type ResolvedLimitsOptions = Required<LimitsOptions>;

/** Everything a rule may read: the study, its instruments, the thresholds and where each quote sits in the source. */
export interface AppraisalInput {
  study: Study;
  instruments: InstrumentRegistry;
  options: ResolvedLimitsOptions;
  attribution: Attribution;
}

/** What a rule finds: everything of a flag except how far the source admits it. */
export interface Finding {
  title: string;
  evidence: Evidence[];
  notes: string[];
  why: string;
  consequences: Consequence[];
}

/** One kind of limit and how to find it in a study's fields. Admissions come from the study's `limitationsStated` (`concedes`). */
export interface LimitRule {
  id: LimitKind;
  find: (input: AppraisalInput) => Finding | undefined;
}

/** Wraps quotes as evidence, dropping missing ones, exact repeats and quotes contained in another. */
export function quotes(sources: ReadonlyArray<Source | undefined>, note?: string): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const source of sources) {
    if (!source) continue;
    const key = `${source.file}\u0000${source.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(note === undefined ? { source: { file: source.file, quote: source.quote } } : { source: { file: source.file, quote: source.quote }, note });
  }
  // A quote wholly inside a longer quote from the same document adds nothing.
  return out.filter((entry) => !out.some((other) => other !== entry && other.source.file === entry.source.file && other.source.quote.length > entry.source.quote.length && other.source.quote.includes(entry.source.quote)));
}

/** The size of a group: the whole sample for "all" (or no group), else the arm's size. */
export function groupSize(study: Study, group: string | undefined): number | undefined {
  if (group === undefined || group === "all") return study.design.sampleSize.value;
  return study.design.arms.find((arm) => arm.id === group)?.size.value;
}

/** `key: value (note)` for a design attribute the study file records without a quote. */
export function attributeNote(name: string, attribute: { value: string; basis: string; note?: string | undefined } | undefined): string | undefined {
  if (!attribute) return `${name}: not recorded in the study file`;
  const basis = attribute.basis === "inferred" ? " (inferred)" : "";
  return `${name}: ${attribute.value.replace(/-/g, " ")}${basis}${attribute.note ? ` — ${attribute.note}` : ""}`;
}

export function defined<T>(values: ReadonlyArray<T | undefined>): T[] {
  return values.filter((value): value is T => value !== undefined);
}

/** Every quote of a claim: its source, then its other quotes. */
export function claimQuotes(claim: Claim): Source[] {
  return [claim.source, ...(claim.alsoQuoted ?? [])];
}

/**
 * Whether a claim can be attributed to the study: some quote of it lies in a section written by the
 * study's authors or by a named author reporting the study. With no sections declared, every claim is.
 */
export function attributedToStudy(claim: Claim, attribution: Attribution): boolean {
  if (!attribution.resolved) return true;
  return claimQuotes(claim).some((source) => {
    const section = attribution.sectionOf(source);
    return section !== undefined && section.writtenBy !== "unattributed";
  });
}

/** The study's claims that can be attributed to it (see attributedToStudy). */
export function studyClaims(input: AppraisalInput): Claim[] {
  return input.study.claims.filter((claim) => attributedToStudy(claim, input.attribution));
}

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Names as a list a reader can split: "a, b and c", or "a; b and c" when a name holds a comma
 * ("single leg balance, right"); past `shown` names, the first ones and how many more.
 *
 * @example
 * listNames(["balance, right", "balance, left", "PHQ-9"]); // => "balance, right; balance, left and PHQ-9"
 */
export function listNames(names: readonly string[], shown = Infinity): string {
  const separator = names.some((name) => name.includes(",")) ? "; " : ", ";
  if (names.length > shown) return `${names.slice(0, shown).join(separator)} and ${names.length - shown} more`;
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(separator)} and ${names[names.length - 1]}`;
}

/** A proportion as a percentage with one decimal. */
export const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
