export * from "./appraisal/index.js";
export * from "./charts/index.js";
export * from "./checks/index.js";
export { draftStudy, type Draft, type DraftOptions } from "./draft/draft-study.js";
export { CohortError, exitCodes, formatProblem, isCohortError, jsonPath, type Problem } from "./errors.js";
export {
  extractStatistics,
  extractStatisticsWithWork,
  statisticFlags,
  statisticKinds,
  type ExtractedNumber,
  type ExtractedStatistic,
  type StatisticFields,
  type StatisticFlag,
  type StatisticKind as ExtractedStatisticKind,
} from "./extract/index.js";
export * from "./inference/index.js";
export * from "./io/index.js";
export { auditSources, statesNumber, type QuoteAudit, type SourceAudit } from "./provenance/audit-sources.js";
export * from "./reconstruct/index.js";
export * from "./report/index.js";
export { scanStatistics, type ScannedStatistic, type ScanOptions } from "./scan/scan-statistics.js";
export * from "./schema/index.js";
export { decimalPlaces, reround, RoundingMode, roundTo, unround } from "./stats/rounding.js";
export { createRng, shuffle, type Rng } from "./stats/rng.js";
export { binaryRound } from "./stats/binary-rounding.js";
export { reportedNumber, type ReportedNumber, type RoundingAssumption } from "./stats/reported-number.js";
export { parseReportedP, pSet, type PRelation, type ReportedP } from "./stats/reported-p.js";
