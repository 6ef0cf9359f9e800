/**
 * Runs jobs inside this process, at most JOB_CONCURRENCY at a time. On start
 * and every JOB_STALE_MS it sweeps the `jobs` table for work nobody is doing
 * (QUEUED jobs, RUNNING jobs whose process died) and resumes them from their
 * checkpoint; the atomic claim keeps two processes from running one job.
 */
import type { Logger } from "../log.js";
import { describeError } from "./batch.js";
import type { JobDispatcher, JobEngine } from "./job.engine.js";

export interface JobRunner extends JobDispatcher {
  kind: "in-process" | "bullmq";
  start(): Promise<void>;
  close(): Promise<void>;
}

export class InProcessRunner implements JobRunner {
  readonly kind = "in-process" as const;
  private readonly queue: string[] = [];
  private readonly known = new Set<string>();
  private active = 0;
  private sweepTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly log: Logger;

  constructor(
    private readonly engine: JobEngine,
    private readonly opts: { concurrency: number; staleMs: number; runWorkers: boolean },
    log: Logger,
  ) {
    this.log = log.child({ component: "jobs.in-process" });
  }

  async enqueue(jobId: string): Promise<void> {
    if (!this.opts.runWorkers || this.closed || this.known.has(jobId)) return;
    this.known.add(jobId);
    this.queue.push(jobId);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.active < this.opts.concurrency && this.queue.length) {
      const id = this.queue.shift()!;
      this.active++;
      this.engine
        .execute(id)
        .catch((err) => this.log.error({ jobId: id, err: describeError(err) }, "job runner crashed"))
        .finally(() => {
          this.active--;
          this.known.delete(id);
          this.pump();
        });
    }
  }

  private async sweep(): Promise<void> {
    try {
      for (const id of await this.engine.store.runnable(this.opts.staleMs)) {
        if (!this.engine.isRunningLocally(id)) await this.enqueue(id);
      }
    } catch (err) {
      if (!this.closed) this.log.warn({ err: describeError(err) }, "job sweep failed");
    }
  }

  async start(): Promise<void> {
    if (!this.opts.runWorkers) return;
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), this.opts.staleMs);
    this.sweepTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.queue.length = 0;
    await this.engine.stopLocal();
  }
}
