export * from "./checks/index.js";
export { CohortError, exitCodes, formatProblem, isCohortError, jsonPath, type Problem } from "./errors.js";
export * from "./inference/index.js";
export * from "./io/index.js";
export { auditSources, statesNumber, type QuoteAudit, type SourceAudit } from "./provenance/audit-sources.js";
export * from "./reconstruct/index.js";
export * from "./schema/index.js";
export { decimalPlaces, reround, RoundingMode, roundTo, unround } from "./stats/rounding.js";
export { createRng, shuffle, type Rng } from "./stats/rng.js";
