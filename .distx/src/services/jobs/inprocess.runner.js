import { describeError } from "./batch.js";
class InProcessRunner {
  constructor(engine, opts, log) {
    this.engine = engine;
    this.opts = opts;
    this.log = log.child({ component: "jobs.in-process" });
  }
  engine;
  opts;
  kind = "in-process";
  queue = [];
  known = /* @__PURE__ */ new Set();
  active = 0;
  sweepTimer = null;
  closed = false;
  log;
  async enqueue(jobId) {
    if (!this.opts.runWorkers || this.closed || this.known.has(jobId)) return;
    this.known.add(jobId);
    this.queue.push(jobId);
    this.pump();
  }
  pump() {
    while (!this.closed && this.active < this.opts.concurrency && this.queue.length) {
      const id = this.queue.shift();
      this.active++;
      this.engine.execute(id).catch((err) => this.log.error({ jobId: id, err: describeError(err) }, "job runner crashed")).finally(() => {
        this.active--;
        this.known.delete(id);
        this.pump();
      });
    }
  }
  async sweep() {
    try {
      for (const id of await this.engine.store.runnable(this.opts.staleMs)) {
        if (!this.engine.isRunningLocally(id)) await this.enqueue(id);
      }
    } catch (err) {
      if (!this.closed) this.log.warn({ err: describeError(err) }, "job sweep failed");
    }
  }
  async start() {
    if (!this.opts.runWorkers) return;
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), this.opts.staleMs);
    this.sweepTimer.unref();
  }
  async close() {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.queue.length = 0;
    await this.engine.stopLocal();
  }
}
export {
  InProcessRunner
};
