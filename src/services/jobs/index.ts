/** The job engine's public surface: build it with createJobService, register handlers, submit jobs. */
import type { Config } from "../../config.js";
import type { Database } from "../db/index.js";
import type { Logger } from "../log.js";
import type { PubSubHandle } from "../pubsub/index.js";
import { JobEngine } from "./job.engine.js";
import { InProcessRunner, type JobRunner } from "./inprocess.runner.js";

export { JobEngine, JobLostError, PROGRESS_TOPIC, EVENTS_TOPIC, type JobDispatcher, type ExecuteOutcome } from "./job.engine.js";
export { InProcessRunner, type JobRunner } from "./inprocess.runner.js";
export { withRetries, withTimeout, backoffMs, batched, describeError, isTransient } from "./batch.js";
export type { JobFilter, BatchStatsRow, RejectedRow } from "./job.store.js";
export * from "./types.js";
export { CommittedSpans, readSpanCheckpoint, spanMergeSql, type Span, type SpanCheckpoint, type SpanCommit } from "./spans.js";

export interface JobService {
  engine: JobEngine;
  runner: JobRunner;
  /** Starts running jobs (resuming what a previous process left). Call after every handler is registered. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface JobServiceDeps {
  config: Config;
  db: Database;
  pubSub: PubSubHandle;
  log: Logger;
}

export async function createJobService(deps: JobServiceDeps): Promise<JobService> {
  const engine = new JobEngine(deps.db, deps.pubSub.pubSub, deps.config.jobs, deps.log);
  const { concurrency, staleMs, runWorkers } = deps.config.jobs;
  let runner: JobRunner;
  if (deps.config.jobs.runner === "bullmq" && deps.config.redis) {
    // Loaded only in server mode, so the embedded mode never touches bullmq.
    const { BullMqRunner } = await import("./bullmq.runner.js");
    runner = new BullMqRunner(engine, { redisUrl: deps.config.redis.url, prefix: deps.config.redis.prefix, concurrency, staleMs, runWorkers }, deps.log);
  } else {
    runner = new InProcessRunner(engine, { concurrency, staleMs, runWorkers }, deps.log);
  }
  engine.setDispatcher(runner);
  return {
    engine,
    runner,
    start: () => runner.start(),
    close: () => runner.close(),
  };
}
