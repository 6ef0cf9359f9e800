const MAX_QUEUED = 1e4;
const ROWS_PER_INSERT = 500;
const FLUSH_DELAY_MS = 20;
class QueryLogWriter {
  constructor(prisma, log) {
    this.prisma = prisma;
    this.log = log;
  }
  prisma;
  log;
  queue = [];
  /** The pending wait before the next drain, and the drain running now. */
  timer = null;
  running = null;
  /** Entries lost because the queue was full or their INSERT failed; logged, never thrown at a caller. */
  dropped = 0;
  write(entry) {
    if (this.queue.length >= MAX_QUEUED) {
      this.dropped++;
      if (this.dropped % 1e3 === 1) this.log.error({ dropped: this.dropped }, "query_log queue full: dropping log lines");
      return;
    }
    this.queue.push(entry);
    this.arm();
  }
  /** Resolves when every entry written before the call is in the database (or counted as dropped). */
  async flush() {
    while (this.queue.length || this.running) {
      this.disarm();
      await this.drainOnce();
    }
  }
  arm() {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.drainOnce();
    }, FLUSH_DELAY_MS).unref();
  }
  disarm() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
  /** The running drain, or a new one; entries queued after its loop ended wait for the next timer. */
  drainOnce() {
    this.running ??= this.drain().finally(() => {
      this.running = null;
      if (this.queue.length) this.arm();
    });
    return this.running;
  }
  async drain() {
    while (this.queue.length) {
      const batch = this.queue.splice(0, ROWS_PER_INSERT);
      try {
        await this.prisma.queryLog.createMany({ data: batch });
      } catch (err) {
        this.dropped += batch.length;
        this.log.error({ err: err.message, lines: batch.length }, "could not write query_log");
      }
    }
  }
}
export {
  QueryLogWriter
};
