// `cohortcheck/appraisal`: limits register, checklists and claims registers (reads checklist files).
export * from "../appraisal/index.js";
