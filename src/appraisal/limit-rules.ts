import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Evidence } from "../schema/checklist.js";
import type { StatedLimitation } from "../schema/reported-value.js";
import type { Source } from "../schema/source.js";
import type { Study } from "../schema/study.js";
import type { Consequence, LimitKind } from "./limit-flag.js";

/** Thresholds of the limits register; the defaults are conventional and documented. */
export interface LimitsOptions {
  /** A sample is "small" when its MDE at 80% power exceeds this standardised effect (Cohen's medium, 0.5). */
  mediumEffect?: number;
  /** A reported share is "imprecise" when its 95% Wilson interval is wider than this (0.2 = 20 points). */
  shareWidth?: number;
  alpha?: number;
  power?: number;
}

export type ResolvedLimitsOptions = Required<LimitsOptions>;

/** What a rule finds: everything of a flag except whether the source admits it. */
export interface Finding {
  title: string;
  evidence: Evidence[];
  notes: string[];
  why: string;
  consequences: Consequence[];
}

/**
 * One kind of limit: how to find it in a study, and how to recognise the source admitting it — a
 * stated limitation of one of `admitCategories`, or any stated limitation whose quote matches
 * `admitPattern` (for limits the category list has no name for).
 */
export interface LimitRule {
  id: LimitKind;
  admitCategories: ReadonlyArray<StatedLimitation["category"]>;
  admitPattern?: RegExp;
  /** Admissions that are not stated limitations (the source's own "not significant" claim). */
  extraAdmissions?: (study: Study) => Evidence[];
  find: (study: Study, instruments: InstrumentRegistry, options: ResolvedLimitsOptions) => Finding | undefined;
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
