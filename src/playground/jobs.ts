import { closureCase, type ClosureOutcome } from "./closure-case.js";
import type { PanelOutcome } from "./finding.js";
import type { Fields } from "./read-fields.js";
import { passageChecks } from "./statistic-checks.js";

/** The work the page hands to a worker: long or unbounded in the size of what is typed. */
export type Job = { kind: "closure"; fields: Fields } | { kind: "passage"; fields: Fields };
export type JobResult = { kind: "closure"; outcome: ClosureOutcome } | { kind: "passage"; outcome: PanelOutcome };

/** Runs a job, in a worker or (when the browser starts none) on the page. */
export function runJob(job: Job): JobResult {
  return job.kind === "closure" ? { kind: "closure", outcome: closureCase(job.fields) } : { kind: "passage", outcome: passageChecks(job.fields) };
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; job: Job }>) => void) | null;
  postMessage(message: { id: number; result: JobResult }): void;
}

/** The worker's side: answer each job with its result. */
export function serveJobs(scope: WorkerScope): void {
  scope.onmessage = (event) => scope.postMessage({ id: event.data.id, result: runJob(event.data.job) });
}
