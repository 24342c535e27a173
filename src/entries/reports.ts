// `cohortcheck/reports`: report writers (Markdown, CSV, the HTML notebook) and the regeneration pipeline.
export * from "../report/index.js";
