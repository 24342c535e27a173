import { runJob, type Job, type JobResult } from "./jobs.js";

/** How a background run ended. */
export type Ended = { result: JobResult } | { stopped: "budget" | "user" };

/**
 * One background runner: a worker started from the page's own script (a blob, so it works from file://
 * and under the page's CSP), so a long CLOSURE count never freezes the page. A run past its time budget,
 * or stopped by the user, ends the worker (the next run starts a fresh one). When the browser will not
 * start a worker, the job runs on the page after the "working" message has been drawn.
 */
export class Background {
  private worker: Worker | undefined;
  private sequence = 0;
  private finish: ((ended: Ended) => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private job: Job | undefined;
  private broken = false;
  private revoke: (() => void) | undefined;
  /** "worker" or "page": where the last run ran (the browser test reads it). */
  runner: "worker" | "page" = "worker";

  constructor(private readonly source: string | undefined) {}

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.source === undefined || this.broken || typeof Worker === "undefined") return undefined;
    try {
      // The page's own script (main.ts read it from document.currentScript), never text from the user.
      const ownScriptUrl = URL.createObjectURL(new Blob([this.source], { type: "text/javascript" }));
      this.worker = new Worker(ownScriptUrl);
      // Revoked once the worker has answered (some browsers fetch the script after the constructor returns).
      this.revoke = () => URL.revokeObjectURL(ownScriptUrl);
    } catch {
      return undefined;
    }
    this.worker.onmessage = (event: MessageEvent<{ id: number; result: JobResult }>) => {
      this.revoke?.();
      this.revoke = undefined;
      if (event.data.id === this.sequence) this.end({ result: event.data.result });
    };
    // A worker that cannot load its script (a browser policy): run this job, and the next ones, on the page.
    this.worker.onerror = () => {
      this.broken = true;
      this.worker?.terminate();
      this.worker = undefined;
      clearTimeout(this.timer);
      this.onPage();
    };
    return this.worker;
  }

  private end(ended: Ended): void {
    clearTimeout(this.timer);
    const finish = this.finish;
    this.finish = undefined;
    finish?.(ended);
  }

  /** Runs a job; a run still going is stopped first. */
  run(job: Job, budgetMs: number): Promise<Ended> {
    this.stop("user");
    return new Promise((resolve) => {
      this.finish = resolve;
      const worker = this.start();
      this.sequence += 1;
      this.job = job;
      if (worker === undefined) return this.onPage();
      this.runner = "worker";
      this.timer = setTimeout(() => this.stop("budget"), budgetMs);
      worker.postMessage({ id: this.sequence, job });
    });
  }

  private onPage(): void {
    const job = this.job;
    this.runner = "page";
    const sequence = this.sequence;
    // After a pause, so the "working" message is drawn before the page is busy.
    if (job !== undefined) setTimeout(() => sequence === this.sequence && this.end({ result: runJob(job) }), 20);
  }

  /** Stops the run going, if any: its worker is ended mid-work. */
  stop(why: "budget" | "user"): void {
    if (this.finish === undefined) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.revoke?.();
    this.revoke = undefined;
    this.end({ stopped: why });
  }
}
