export { Band, BandConvention, Instrument, scoreStep } from "./instrument.js";
export { CheckResult, CheckStatus } from "./check-result.js";
export { Claim, Composition, CompositionCategory, BandPoint, BandShift, Mean, PercentChange, ReportedValue, StatedLimitation } from "./reported-value.js";
export { DecimalString, PercentString, ReportedDecimal, ReportedInteger, ReportedText, Slug } from "./primitives.js";
export { dataFileSchemas, jsonSchemaText, registerDataFileSchema } from "./json-schemas.js";
export { Reconstruction, RECONSTRUCTION_LABEL } from "./reconstruction.js";
export { Reference } from "./reference.js";
export { Source } from "./source.js";
export { Arm, Citation, Design, Intervention, SourceDocument, Study, StudyInstrument, Timepoint } from "./study.js";
