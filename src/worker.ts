/**
 * Worker process entry (`npm run worker`): runs jobs from the BullMQ queue
 * (REDIS_URL required) without serving HTTP. Start as many as you like, on
 * any machine that reaches the database, Redis and SPOOL_DIR; SIGTERM lets
 * running jobs finish their current batch and hands them to another worker.
 */
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createApp } from "./app.js";

let config: Config;
try {
  config = loadConfig({ ...process.env, RUN_WORKERS: "true" });
  if (config.jobs.runner !== "bullmq") throw new ConfigError(["REDIS_URL: a worker process takes jobs from BullMQ on Redis; set REDIS_URL (and leave JOB_RUNNER at auto or bullmq)"]);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}

const app = await createApp(config);
const { log } = app.services;
log.info({ database: app.services.db.kind, concurrency: config.jobs.concurrency }, "worker ready");
console.log(`worker ready (pid ${process.pid})`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "worker stopping: finishing current batches");
  const force = setTimeout(() => {
    log.error("stopping took longer than 30 s; exiting anyway");
    process.exit(1);
  }, 30_000);
  force.unref();
  await app.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
