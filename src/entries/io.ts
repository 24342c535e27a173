// `cohortcheck/io`: reading and validating data files, atomic and streamed writing, the provenance
// audit against source documents. Everything here touches the file system.
export * from "../io/index.js";
export { auditSources, statesNumber, type QuoteAudit, type SourceAudit } from "../provenance/audit-sources.js";
export { createSampleWriter, type SampleFormat, type SampleWriter } from "../reconstruct/sample-writer.js";
export { guessTableFormat, readTable, type TableBatch, type TableFormat, type TableRow } from "../batch/read-rows.js";
export { csvRows, csvText, neutraliseFormula, type CsvCell } from "../io/csv-text.js";
