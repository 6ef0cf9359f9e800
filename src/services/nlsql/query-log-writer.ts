/**
 * Writes query_log rows behind the answers: an answer never waits for its log
 * line. Entries queue up for a few milliseconds and leave together in one
 * multi-row INSERT, so a stream of questions costs one statement per interval,
 * not one each. Readers of the log (queryLog, rateAnswer) and shutdown call
 * flush() first, so within a process a question is always visible to its
 * rating; other processes see it at most FLUSH_DELAY_MS later.
 */
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { Logger } from "../log.js";

export type QueryLogEntry = Prisma.QueryLogCreateManyInput;

/** Beyond this many unwritten entries (the database is down or far behind), new ones are dropped and counted. */
const MAX_QUEUED = 10_000;
const ROWS_PER_INSERT = 500;
/** How long an entry may wait for others to share its INSERT. */
const FLUSH_DELAY_MS = 20;

export class QueryLogWriter {
  private queue: QueryLogEntry[] = [];
  /** The pending wait before the next drain, and the drain running now. */
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Entries lost because the queue was full or their INSERT failed; logged, never thrown at a caller. */
  dropped = 0;

  constructor(private readonly prisma: PrismaClient, private readonly log: Logger) {}

  write(entry: QueryLogEntry): void {
    if (this.queue.length >= MAX_QUEUED) {
      this.dropped++;
      if (this.dropped % 1000 === 1) this.log.error({ dropped: this.dropped }, "query_log queue full: dropping log lines");
      return;
    }
    this.queue.push(entry);
    this.arm();
  }

  /** Resolves when every entry written before the call is in the database (or counted as dropped). */
  async flush(): Promise<void> {
    while (this.queue.length || this.running) {
      this.disarm();
      await this.drainOnce();
    }
  }

  private arm(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.drainOnce();
    }, FLUSH_DELAY_MS).unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The running drain, or a new one; entries queued after its loop ended wait for the next timer. */
  private drainOnce(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
      if (this.queue.length) this.arm();
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, ROWS_PER_INSERT);
      try {
        await this.prisma.queryLog.createMany({ data: batch });
      } catch (err) {
        // A lost log line must not fail an answer; say how many and why.
        this.dropped += batch.length;
        this.log.error({ err: (err as Error).message, lines: batch.length }, "could not write query_log");
      }
    }
  }
}
