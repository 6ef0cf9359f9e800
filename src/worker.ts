/**
 * Worker process entry (`npm run worker`): runs jobs from the BullMQ queue
 * (REDIS_URL required) without serving HTTP. Start as many as you like, on
 * any machine that reaches the database, Redis and SPOOL_DIR; SIGTERM lets
 * running jobs finish their current batch and hands them to another worker.
 */
import { ConfigError, loadConfigOrExit } from "./config.js";
import { stopOnSignals } from "./shutdown.js";
import { createApp } from "./app.js";

const config = loadConfigOrExit({ ...process.env, RUN_WORKERS: "true" }, (c) => {
  if (c.jobs.runner !== "bullmq") throw new ConfigError(["REDIS_URL: a worker process takes jobs from BullMQ on Redis; set REDIS_URL (and leave JOB_RUNNER at auto or bullmq)"]);
});

const app = await createApp(config);
const { log } = app.services;
log.info({ database: app.services.db.kind, concurrency: config.jobs.concurrency }, "worker ready");
console.log(`worker ready (pid ${process.pid})`);

// Running jobs finish their current batch and go back to the queue for another worker.
stopOnSignals(log, { what: "worker", timeoutMs: 30_000 }, () => app.close());
