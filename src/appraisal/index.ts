export { appraiseStudy, builtInStudiesDir, checklistsFor, studySourcesIn, type Appraisal, type AppraisedChecklist } from "./appraise-study.js";
export { CHECKLIST_TOOLS, JBI_CASE_SERIES, JBI_QUASI_EXPERIMENTAL, ROBINS_I, type ChecklistToolDefinition } from "./checklist-tools.js";
export { mdeConsequence, powerConsequence, ruleOfThreeConsequence, shareIntervalConsequence, significanceThresholdConsequence } from "./consequences.js";
export { formatAppraisal } from "./format-appraisal.js";
export { Consequence, LIMIT_KINDS, LimitFlag, LimitKind, LimitsRegister } from "./limit-flag.js";
export { type LimitsOptions } from "./limit-rules.js";
export { limitsRegister } from "./limits-register.js";
export { builtInChecklistsDir, loadChecklist, loadChecklists, parseChecklist, type LoadedChecklist, type StudySources } from "./load-checklist.js";
export { loadClaimsRegister, parseClaimsRegister } from "./load-claims-register.js";
