/**
 * Runs jobs on BullMQ (Redis) so any number of worker processes, on any
 * machine, share the work. The queue only carries job ids; state and
 * checkpoints stay in the `jobs` table. A worker that dies mid-job loses its
 * BullMQ lock after JOB_STALE_MS; BullMQ's stalled-job check hands the job to
 * another worker, which resumes after the last committed batch (fencing in
 * the engine keeps a half-dead worker from committing twice).
 */
import { Queue, Worker, type ConnectionOptions } from "bullmq";
import type { Logger } from "../log.js";
import { describeError } from "./batch.js";
import type { JobEngine } from "./job.engine.js";
import type { JobRunner } from "./inprocess.runner.js";

export interface BullMqRunnerOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  staleMs: number;
  runWorkers: boolean;
}

/** ioredis options from a redis:// URL (BullMQ workers need maxRetriesPerRequest: null). */
export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === "rediss:" ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

const QUEUE = "jobs";

export class BullMqRunner implements JobRunner {
  readonly kind = "bullmq" as const;
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly log: Logger;

  constructor(
    private readonly engine: JobEngine,
    private readonly opts: BullMqRunnerOptions,
    log: Logger,
  ) {
    this.log = log.child({ component: "jobs.bullmq" });
    this.queue = new Queue(QUEUE, { connection: redisConnection(opts.redisUrl), prefix: `${opts.prefix}:bull` });
    this.queue.on("error", (err) => this.log.warn({ err: err.message }, "queue connection error"));
  }

  async enqueue(jobId: string): Promise<void> {
    // The BullMQ job id is ours: adding a job that is already queued or active is a no-op.
    await this.queue.add(
      "run",
      { jobId },
      { jobId, attempts: 1_000, backoff: { type: "fixed", delay: 500 }, removeOnComplete: { count: 1_000 }, removeOnFail: { count: 1_000 } },
    );
  }

  /** Re-queues jobs the table says are runnable but BullMQ may have lost (e.g. the submitting process died before queue.add). */
  private async sweep(): Promise<void> {
    try {
      for (const id of await this.engine.store.runnable(this.opts.staleMs * 2)) {
        const existing = await this.queue.getJob(id);
        const state = existing ? await existing.getState() : null;
        if (state === "completed" || state === "failed") await existing!.remove().catch(() => {});
        if (!existing || state === "completed" || state === "failed" || state === "unknown") await this.enqueue(id);
      }
    } catch (err) {
      this.log.warn({ err: describeError(err) }, "job sweep failed");
    }
  }

  async start(): Promise<void> {
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), Math.max(this.opts.staleMs * 2, 5_000));
    this.sweepTimer.unref();
    if (!this.opts.runWorkers) return;
    this.worker = new Worker(
      QUEUE,
      async (job) => {
        const outcome = await this.engine.execute(String(job.data.jobId), { force: true });
        // Thrown so BullMQ runs it again (on whichever worker is alive); the checkpoint makes that a resume.
        if (outcome === "released") throw new Error("released on shutdown; another worker resumes it");
        return outcome;
      },
      {
        connection: redisConnection(this.opts.redisUrl),
        prefix: `${this.opts.prefix}:bull`,
        concurrency: this.opts.concurrency,
        lockDuration: this.opts.staleMs,
        stalledInterval: this.opts.staleMs,
        maxStalledCount: 1_000,
      },
    );
    this.worker.on("error", (err) => this.log.warn({ err: err.message }, "worker error"));
    this.worker.on("failed", (job, err) => this.log.info({ jobId: job?.id, err: err.message }, "queue attempt ended without finishing the job"));
  }

  async close(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await Promise.all([this.engine.stopLocal(), this.worker?.close()]);
    await this.queue.close();
  }
}
