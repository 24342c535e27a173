export { mapCheckNames, mapChecks, type MapCheck, type MapValues, type MapVerdict } from "./map-checks.js";
export { createMapAudit, mapRow, planColumns, type MapAudit, type MapPlan, type MapResult } from "./map-rows.js";
