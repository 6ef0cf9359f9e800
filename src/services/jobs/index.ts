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
  /** Builds the BullMQ runner when REDIS_URL is set (kept out of this module so the embedded mode never loads bullmq). */
  createQueueRunner?: (engine: JobEngine) => JobRunner;
}

export function createJobService(deps: JobServiceDeps): JobService {
  const engine = new JobEngine(deps.db, deps.pubSub.pubSub, deps.config.jobs, deps.log);
  const runner: JobRunner = deps.createQueueRunner
    ? deps.createQueueRunner(engine)
    : new InProcessRunner(engine, { concurrency: deps.config.jobs.concurrency, staleMs: deps.config.jobs.staleMs, runWorkers: deps.config.jobs.runWorkers }, deps.log);
  engine.setDispatcher(runner);
  return {
    engine,
    runner,
    start: () => runner.start(),
    close: () => runner.close(),
  };
}
