export { assignCategories, type CategoryAssignment } from "./assign-categories.js";
export { boundedSum } from "./bounded-sum.js";
export { chainTuples, type ChainUse } from "./chain-targets.js";
export { countCrossTables, drawCrossTable } from "./cross-table.js";
export { csvHeader, reconstructionCsv, reconstructionSidecar, reconstructionsJson } from "./export.js";
export { studyGroups, type PatientGroup } from "./groups.js";
export { chosenConvention, instrumentTimepoints, reconstructMeans, type MeanTarget, type MeanTargetOptions, type PerPatientBands, type SumRange } from "./mean-targets.js";
export { chooseTotals, patientUnits, type MeanChoice } from "./patient-values.js";
export { reconstructStudy, type MeanLevelSummary, type StudyReconstruction, type StudyReconstructionOptions } from "./reconstruct-study.js";
