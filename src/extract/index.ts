export { extractStatistics, extractStatisticsWithWork, recognisers } from "./extract-statistics.js";
export { readNumber, type DecimalMark } from "./read-number.js";
export { kindPriority, resolveOverlaps } from "./resolve-overlaps.js";
export { shadowText } from "./shadow-text.js";
export {
  numericFields,
  statisticFlags,
  statisticKinds,
  type ExtractedNumber,
  type ExtractedStatistic,
  type NumericField,
  type Relation,
  type StatisticFields,
  type StatisticFlag,
  type StatisticKind,
} from "./types.js";
