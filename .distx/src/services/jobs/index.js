import { JobEngine } from "./job.engine.js";
import { InProcessRunner } from "./inprocess.runner.js";
import { JobEngine as JobEngine2, JobLostError, PROGRESS_TOPIC, EVENTS_TOPIC } from "./job.engine.js";
import { InProcessRunner as InProcessRunner2 } from "./inprocess.runner.js";
import { withRetries, withTimeout, backoffMs, batched, describeError, isTransient } from "./batch.js";
export * from "./types.js";
import { CommittedSpans, readSpanCheckpoint, spanMergeSql } from "./spans.js";
async function createJobService(deps) {
  const engine = new JobEngine(deps.db, deps.pubSub.pubSub, deps.config.jobs, deps.log);
  const { concurrency, staleMs, runWorkers } = deps.config.jobs;
  let runner;
  if (deps.config.jobs.runner === "bullmq" && deps.config.redis) {
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
    close: () => runner.close()
  };
}
export {
  CommittedSpans,
  EVENTS_TOPIC,
  InProcessRunner2 as InProcessRunner,
  JobEngine2 as JobEngine,
  JobLostError,
  PROGRESS_TOPIC,
  backoffMs,
  batched,
  createJobService,
  describeError,
  isTransient,
  readSpanCheckpoint,
  spanMergeSql,
  withRetries,
  withTimeout
};
