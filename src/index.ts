// The core entry, `import { grim } from "cohortcheck"`: checks, reconstruction, inference, schemas and
// the rounding vocabulary. No file system, charts, vega or DataFrames (a test walks its imports); those
// are the subpath entries in src/entries/ (cohortcheck/io, /charts, /reports, /appraisal, /dataframe).
export * from "./batch/index.js";
export * from "./checks/index.js";
export { CohortError, exitCodes, formatProblem, isCohortError, jsonPath, type Problem } from "./errors.js";
export * from "./inference/index.js";
export * from "./reconstruct/index.js";
export * from "./schema/index.js";
export { RoundingMode } from "./schema/rounding-mode.js";
export { decimalPlaces, isRoundingMode, parseDecimal, reround, ROUNDING_MODES, roundingInterval, roundTo, unround, type ParsedDecimal } from "./stats/rounding.js";
export { createRng, shuffle, type Rng } from "./stats/rng.js";
export { binaryRound } from "./stats/binary-rounding.js";
export { reportedNumber, type ReportedNumber, type RoundingAssumption } from "./stats/reported-number.js";
export { parseReportedP, pSet, type PRelation, type ReportedP } from "./stats/reported-p.js";
