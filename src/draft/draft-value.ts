import type { ExtractedNumber, ExtractedStatistic, NumericField, StatisticFields } from "../extract/types.js";
import { UNKNOWN } from "./unknown.js";

/** A reported value of a draft study file, with the fields left `unknown` for a person to fill. */
export interface DraftValue {
  value: Record<string, unknown>;
  /** Paths within the value that hold `unknown`. */
  fill: string[];
}

type Measure = StatisticFields["effect-ci"]["measure"];
const effectMeasures: Record<Measure, string> = {
  OR: "odds-ratio",
  RR: "risk-ratio",
  HR: "hazard-ratio",
  RD: "risk-difference",
  MD: "mean-difference",
  SMD: "standardised-mean-difference",
  d: "standardised-mean-difference",
  g: "standardised-mean-difference",
  other: "other",
};
const flowStages: Record<string, string> = { screened: "screened", enrolled: "enrolled", randomised: "randomised", analysed: "analysed", completed: "completed" };
const relations: Record<string, string> = { "=": "=", "<": "<", ">": ">", "≤": "<=", "≥": ">=" };

/** A numeric field as a plain decimal string ("0.04" for ".04", "-2.1" for "−2.1"). */
const decimal = (statistic: ExtractedStatistic, field: NumericField): string => (statistic.values[field] as ExtractedNumber).decimal;
const whole = (statistic: ExtractedStatistic, field: NumericField): number => (statistic.values[field] as ExtractedNumber).value;
const magnitude = (text: string): string => text.replace(/^-/, "");

/**
 * Turns one extracted statistic into a reported value of the study data model, filling only what the
 * quote states and writing `unknown` wherever a person must decide (which group, timepoint, measure,
 * comparison; a CI level or a direction the text does not print). Nothing is guessed.
 *
 * @param statistic what the extractor read
 * @param id the value's id in the draft
 * @param file the source document's file name
 * @example
 * // "55% (11/20)" → { kind: "proportion", outcome: "<unknown>", group: "<unknown>", timepoint: "<unknown>",
 * //   count: 11, denominator: 20, percent: "55", source: { file, quote: "55% (11/20)" } }
 */
export function draftValue(statistic: ExtractedStatistic, id: string, file: string): DraftValue {
  const source = { file, quote: statistic.quote };
  const fill: string[] = [];
  const unknown = (path: string): string => {
    fill.push(path);
    return UNKNOWN;
  };
  const ci = (level: string | undefined, lower: string, upper: string) => ({ level: level ?? unknown("ci.level"), lower, upper });

  switch (statistic.kind) {
    case "count-percent":
    case "count-of-total": {
      const value: Record<string, unknown> = { kind: "proportion", id, outcome: unknown("outcome"), group: unknown("group"), timepoint: unknown("timepoint"), count: whole(statistic, "count") };
      if (statistic.values.total) value.denominator = whole(statistic, "total");
      if (statistic.kind === "count-percent") value.percent = decimal(statistic, "percent");
      return { value: { ...value, source }, fill };
    }
    case "mean-dispersion": {
      const kind = statistic.fields.dispersionKind;
      return {
        value: { kind: "mean", id, instrument: unknown("instrument"), group: unknown("group"), timepoint: unknown("timepoint"), mean: decimal(statistic, "mean"), dispersion: { kind, value: decimal(statistic, "dispersion") }, source },
        fill,
      };
    }
    case "mean-ci":
      return {
        value: { kind: "mean", id, instrument: unknown("instrument"), group: unknown("group"), timepoint: unknown("timepoint"), mean: decimal(statistic, "mean"), ci: ci(statistic.fields.level, decimal(statistic, "lower"), decimal(statistic, "upper")), source },
        fill,
      };
    case "median-spread":
      return {
        value: {
          kind: "median",
          id,
          instrument: unknown("instrument"),
          group: unknown("group"),
          timepoint: unknown("timepoint"),
          median: decimal(statistic, "median"),
          spread: [{ kind: statistic.fields.spreadKind, lower: decimal(statistic, "lower"), upper: decimal(statistic, "upper") }],
          source,
        },
        fill,
      };
    case "percent-change": {
      const direction = statistic.fields.direction === "unstated" ? unknown("direction") : statistic.fields.direction;
      return {
        value: {
          kind: "percent-change",
          id,
          instrument: unknown("instrument"),
          group: unknown("group"),
          statistic: unknown("statistic"),
          from: unknown("from"),
          to: unknown("to"),
          percent: magnitude(decimal(statistic, "percent")),
          direction,
          timepointsAsReported: unknown("timepointsAsReported"),
          source,
        },
        fill,
      };
    }
    case "test-statistic":
    case "p-value": {
      const value: Record<string, unknown> = { kind: "test", id };
      if (statistic.kind === "test-statistic") {
        const { statistic: name, df1, df2 } = statistic.fields;
        const df = [df1, df2].filter((part): part is string => part !== undefined).map((_, index) => decimal(statistic, index === 0 ? "df1" : "df2"));
        value.statistic = { name, value: decimal(statistic, "value"), ...(df.length > 0 ? { df } : {}) };
        if (statistic.fields.p !== undefined) value.p = { relation: relations[statistic.fields.pRelation!], value: decimal(statistic, "p") };
      } else value.p = { relation: relations[statistic.fields.relation], value: decimal(statistic, "p") };
      Object.assign(value, { tails: "unstated", comparison: unknown("comparison"), groups: [unknown("groups[0]")], timepoints: [unknown("timepoints[0]")], source });
      return { value, fill };
    }
    case "effect-ci": {
      const { measure, level } = statistic.fields;
      const value: Record<string, unknown> = { kind: "effect", id, measure: effectMeasures[measure] };
      if (measure === "d" || measure === "g") value.label = measure === "d" ? "Cohen's d" : "Hedges' g";
      Object.assign(value, {
        estimate: decimal(statistic, "estimate"),
        ci: ci(level, decimal(statistic, "lower"), decimal(statistic, "upper")),
        outcome: unknown("outcome"),
        groups: [unknown("groups[0]")],
        source,
      });
      return { value, fill };
    }
    case "sample-size": {
      const stage = statistic.fields.stage !== undefined ? flowStages[statistic.fields.stage] : undefined;
      return { value: { kind: "sample-flow", id, group: unknown("group"), stage: stage ?? unknown("stage"), count: whole(statistic, "n"), source }, fill };
    }
  }
}
