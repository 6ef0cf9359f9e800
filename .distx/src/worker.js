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
stopOnSignals(log, { what: "worker", timeoutMs: 3e4 }, () => app.close());
