// The core entry, `import { grim } from "cohortcheck"`: checks, reconstruction, inference, schemas and
// the rounding vocabulary. No file system, charts, vega or DataFrames (a test walks its imports); those
// are the subpath entries in src/entries/ (cohortcheck/io, /charts, /reports, /appraisal, /dataframe).
export * from "./batch/index.js";
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
export * from "./reconstruct/index.js";
export { scanStatistics, type ScannedStatistic, type ScanOptions } from "./scan/scan-statistics.js";
export * from "./schema/index.js";
export { RoundingMode } from "./schema/rounding-mode.js";
export { decimalPlaces, isRoundingMode, parseDecimal, reround, ROUNDING_MODES, roundingInterval, roundTo, unround, type ParsedDecimal } from "./stats/rounding.js";
export { createRng, shuffle, type Rng } from "./stats/rng.js";
export { binaryRound } from "./stats/binary-rounding.js";
export { reportedNumber, type ReportedNumber, type RoundingAssumption } from "./stats/reported-number.js";
export { parseReportedP, pSet, type PRelation, type ReportedP } from "./stats/reported-p.js";
