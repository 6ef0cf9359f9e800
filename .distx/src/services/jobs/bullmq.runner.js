import { Queue, Worker } from "bullmq";
import { describeError } from "./batch.js";
function redisConnection(url) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : void 0,
    password: u.password ? decodeURIComponent(u.password) : void 0,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === "rediss:" ? {} : void 0,
    maxRetriesPerRequest: null
  };
}
const QUEUE = "jobs";
class BullMqRunner {
  constructor(engine, opts, log) {
    this.engine = engine;
    this.opts = opts;
    this.log = log.child({ component: "jobs.bullmq" });
    this.queue = new Queue(QUEUE, { connection: redisConnection(opts.redisUrl), prefix: `${opts.prefix}:bull` });
    this.queue.on("error", (err) => this.log.warn({ err: err.message }, "queue connection error"));
  }
  engine;
  opts;
  kind = "bullmq";
  queue;
  worker = null;
  sweepTimer = null;
  log;
  async enqueue(jobId) {
    await this.queue.add(
      "run",
      { jobId },
      { jobId, attempts: 1e3, backoff: { type: "fixed", delay: 500 }, removeOnComplete: { count: 1e3 }, removeOnFail: { count: 1e3 } }
    );
  }
  /** Re-queues jobs the table says are runnable but BullMQ may have lost (e.g. the submitting process died before queue.add). */
  async sweep() {
    try {
      for (const id of await this.engine.store.runnable(this.opts.staleMs * 2)) {
        const existing = await this.queue.getJob(id);
        const state = existing ? await existing.getState() : null;
        if (state === "completed" || state === "failed") await existing.remove().catch(() => {
        });
        if (!existing || state === "completed" || state === "failed" || state === "unknown") await this.enqueue(id);
      }
    } catch (err) {
      this.log.warn({ err: describeError(err) }, "job sweep failed");
    }
  }
  async start() {
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), Math.max(this.opts.staleMs * 2, 5e3));
    this.sweepTimer.unref();
    if (!this.opts.runWorkers) return;
    this.worker = new Worker(
      QUEUE,
      async (job) => {
        const outcome = await this.engine.execute(String(job.data.jobId), { force: true });
        if (outcome === "released") throw new Error("released on shutdown; another worker resumes it");
        return outcome;
      },
      {
        connection: redisConnection(this.opts.redisUrl),
        prefix: `${this.opts.prefix}:bull`,
        concurrency: this.opts.concurrency,
        lockDuration: this.opts.staleMs,
        stalledInterval: this.opts.staleMs,
        maxStalledCount: 1e3
      }
    );
    this.worker.on("error", (err) => this.log.warn({ err: err.message }, "worker error"));
    this.worker.on("failed", (job, err) => this.log.info({ jobId: job?.id, err: err.message }, "queue attempt ended without finishing the job"));
  }
  async close() {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await Promise.all([this.engine.stopLocal(), this.worker?.close()]);
    await this.queue.close();
  }
}
export {
  BullMqRunner,
  redisConnection
};
