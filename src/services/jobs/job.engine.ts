/**
 * The job engine: accepts jobs (validated, idempotent), runs them through the
 * registered handlers with checkpoints, fencing and cancellation, and
 * publishes progress. Which process runs a job is the runner's business
 * (in-process queue or BullMQ); the engine only knows how to run one.
 */
import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Database, SqlRunner } from "../db/index.js";
import type { Logger } from "../log.js";
import type { GatewayPubSub } from "../pubsub/index.js";
import { BadUserInputError, NotFoundError } from "../errors.js";
import type { Config } from "../../config.js";
import { describeError } from "./batch.js";
import { JobStore, type BatchStatsRow, type JobFilter, type RejectedRow } from "./job.store.js";
import type { ConnectionShape, PageArgs, PageLimits } from "../paging/index.js";
import {
  JOB_KINDS,
  TERMINAL_STATUSES,
  type BatchCommitState,
  type BatchOptions,
  type JobContext,
  type JobHandler,
  type JobKind,
  type JobProgressEvent,
  type JobRecord,
  type JobSubmitter,
  type SpanBatch,
  type SubmitJobInput,
} from "./types.js";

/** Hands a submitted job to whatever runs jobs (in-process queue or BullMQ). */
export interface JobDispatcher {
  enqueue(jobId: string): Promise<void>;
}

/** Thrown inside a batch when the job is no longer this runner's (taken over, cancelled by force, finished). */
export class JobLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} is no longer owned by this runner`);
    this.name = "JobLostError";
  }
}

/** Thrown inside a batch's transaction to roll back a retry whose span an earlier attempt already committed. */
class AlreadyCommitted extends Error {}

export const PROGRESS_TOPIC = "jobProgress";
export const EVENTS_TOPIC = "jobEvents";

type StopReason = "cancel" | "shutdown" | "lost";

interface Running {
  ac: AbortController;
  reason: StopReason | null;
  done: Promise<unknown>;
}

export type ExecuteOutcome = "finished" | "released" | "skipped" | "lost";

const IDEMPOTENCY_KEY = /^[\w.:\-]{1,200}$/;

export class JobEngine implements JobSubmitter {
  readonly store: JobStore;
  /** Identifies this process in jobs.runner, for fencing and takeover. */
  readonly runnerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<JobKind, JobHandler<any, any>>();
  private readonly running = new Map<string, Running>();
  private dispatcher: JobDispatcher | null = null;
  private readonly log: Logger;

  constructor(
    private readonly db: Database,
    private readonly pubSub: GatewayPubSub,
    private readonly config: Config["jobs"],
    log: Logger,
  ) {
    this.store = new JobStore(db);
    this.log = log.child({ component: "jobs" });
  }

  setDispatcher(d: JobDispatcher): void {
    this.dispatcher = d;
  }

  register(handler: JobHandler<any, any>): void {
    this.handlers.set(handler.kind, handler);
  }

  hasHandler(kind: JobKind): boolean {
    return this.handlers.has(kind);
  }

  /** Default batch semantics, overridable per job. */
  batchOptions(overrides: Partial<BatchOptions> = {}): BatchOptions {
    const pick = <K extends keyof BatchOptions>(k: K, d: BatchOptions[K]) => (overrides[k] === undefined || overrides[k] === null ? d : overrides[k]!);
    return {
      batchSize: pick("batchSize", this.config.batchSize),
      maxRetries: pick("maxRetries", this.config.maxRetries),
      batchTimeoutMs: pick("batchTimeoutMs", this.config.batchTimeoutMs),
      continueOnError: pick("continueOnError", false),
    };
  }

  get retryBaseMs(): number {
    return this.config.retryBaseMs;
  }

  /** Batches of one job that batched-write handlers may write at once, each on its own connection (INGEST_WRITERS). */
  get writers(): number {
    return this.config.writers;
  }

  /** Which database batches commit to (handlers pick their write path by it). */
  get databaseKind(): Database["kind"] {
    return this.db.kind;
  }

  /** Validates and stores a job, then hands it to the runner. An idempotency key seen before returns that job unchanged. */
  async submit(input: SubmitJobInput): Promise<JobRecord> {
    if (!JOB_KINDS.includes(input.kind)) {
      throw new BadUserInputError(`Unknown job kind ${JSON.stringify(input.kind)}; expected one of ${JOB_KINDS.join(", ")}.`, { problems: [{ field: "kind", message: "unknown" }] });
    }
    const handler = this.handlers.get(input.kind);
    if (!handler) {
      throw new BadUserInputError(`This gateway has no handler for ${input.kind} jobs (the capability is not enabled in this build).`, { problems: [{ field: "kind", message: "no handler" }] });
    }
    const key = input.idempotencyKey ?? null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
      throw new BadUserInputError(`idempotencyKey must be 1–200 characters of letters, digits, _ . : or -; got ${JSON.stringify(key.slice(0, 60))}.`, {
        problems: [{ field: "idempotencyKey", message: "invalid" }],
      });
    }
    if (key !== null) {
      const existing = await this.store.byIdempotencyKey(key);
      if (existing) return existing;
    }
    const params = handler.validate ? await handler.validate(input.params) : input.params;
    const { job, created } = await this.store.insert({ kind: input.kind, params, idempotencyKey: key, total: input.total ?? null });
    if (created) {
      await this.publish(job);
      if (this.dispatcher) await this.dispatcher.enqueue(job.id);
    }
    return job;
  }

  async get(id: string): Promise<JobRecord | null> {
    return this.store.get(id);
  }

  async require(id: string): Promise<JobRecord> {
    const job = await this.store.get(id);
    if (!job) throw new NotFoundError("Job", id);
    return job;
  }

  /** Jobs, newest first, as a connection. */
  page(filter: JobFilter, args: PageArgs, limits: PageLimits): Promise<ConnectionShape<JobRecord>> {
    return this.store.page(filter, args, limits);
  }

  /** A job's rejected records in input order, as a connection; NOT_FOUND for an unknown job. */
  async rejectedRecords(jobId: string, args: PageArgs, limits: PageLimits): Promise<ConnectionShape<RejectedRow>> {
    await this.require(jobId);
    return this.store.rejectedPage(jobId, args, limits);
  }

  /** Totals over jobs (optionally of one kind, since a time), with mean throughput. */
  async stats(filter: { kind?: JobKind | null; since?: Date | null }): Promise<BatchStatsRow & { meanRecordsPerSecond: number | null }> {
    const s = await this.store.stats(filter);
    return { ...s, meanRecordsPerSecond: s.durationSeconds > 0 ? s.records / s.durationSeconds : null };
  }

  /** Requests cancellation: a queued job is cancelled at once, a running one after its current batch. */
  async cancel(id: string): Promise<JobRecord> {
    const before = await this.require(id);
    if (TERMINAL_STATUSES.has(before.status)) return before;
    const job = (await this.store.requestCancel(id))!;
    const local = this.running.get(id);
    if (local) {
      local.reason ??= "cancel";
      local.ac.abort("cancel");
    }
    if (job.status === "CANCELLED") {
      await this.publish(job);
      const discard = this.handlers.get(job.kind)?.discard;
      if (discard) await discard(await this.store.fullParameters(id)).catch((err) => this.log.warn({ jobId: id, err: describeError(err) }, "discarding a cancelled job's input failed"));
    }
    return job;
  }

  /** Polls until the job is terminal or `timeoutMs` passes; returns its latest state. */
  async waitFor(id: string, timeoutMs: number): Promise<JobRecord> {
    const deadline = Date.now() + timeoutMs;
    let delay = 10;
    for (;;) {
      const job = await this.require(id);
      if (TERMINAL_STATUSES.has(job.status) || Date.now() >= deadline) return job;
      await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(1, deadline - Date.now()))));
      delay = Math.min(delay * 2, 250);
    }
  }

  isRunningLocally(id: string): boolean {
    return this.running.has(id);
  }

  get localRunning(): number {
    return this.running.size;
  }

  /**
   * Runs one job to a terminal status (or until stopped). `force` claims a
   * RUNNING job regardless of its heartbeat: BullMQ already guarantees that
   * only one worker holds it.
   */
  async execute(id: string, opts: { force?: boolean } = {}): Promise<ExecuteOutcome> {
    if (this.running.has(id)) return "skipped";
    const claimed = await this.store.claim(id, this.runnerId, this.config.staleMs, opts.force ?? false);
    if (!claimed) return "skipped";
    const entry: Running = { ac: new AbortController(), reason: null, done: Promise.resolve() };
    this.running.set(id, entry);
    let resolveDone!: () => void;
    entry.done = new Promise<void>((r) => (resolveDone = r));
    try {
      return await this.runClaimed(claimed, entry);
    } finally {
      this.running.delete(id);
      resolveDone();
    }
  }

  private async runClaimed(job: JobRecord, entry: Running): Promise<ExecuteOutcome> {
    const id = job.id;
    const log = this.log.child({ jobId: id, kind: job.kind });
    const stop = (reason: StopReason) => {
      entry.reason ??= reason;
      entry.ac.abort(reason);
    };
    const handler = this.handlers.get(job.kind);
    if (job.cancelRequested) {
      const done = await this.store.finish(id, this.runnerId, "CANCELLED", { message: "cancelled before it started" });
      if (done) await this.publish(done);
      await handler?.discard?.(job.parameters).catch(() => {});
      return "finished";
    }
    if (!handler) {
      const failed = await this.store.finish(id, this.runnerId, "FAILED", { error: `no handler for ${job.kind} jobs is registered in this process` });
      if (failed) await this.publish(failed);
      return "finished";
    }
    let latest = job;
    const heartbeat = setInterval(() => {
      this.store
        .heartbeat(id, this.runnerId)
        .then((cancel) => {
          if (cancel === null) stop("lost");
          else if (cancel) stop("cancel");
        })
        .catch((err) => log.warn({ err: describeError(err) }, "heartbeat failed"));
    }, Math.max(100, Math.floor(this.config.staleMs / 3)));
    heartbeat.unref();
    await this.publish(latest);
    log.info({ resumed: job.checkpoint !== null, done: job.done }, "job started");

    // The job is no longer this runner's. Stopped as "lost" first, so the handler leaves the job's input
    // (a spool file) to the next owner, which resumes from the stored checkpoint.
    const lost = (): never => {
      stop("lost");
      throw new JobLostError(id);
    };
    // After a batch committed: concurrent batches may return in any order, so keep and publish only what moves forward.
    const committed = async (rec: JobRecord) => {
      if (rec.cancelRequested) stop("cancel");
      if (rec.batches > ctx.committed.batches) {
        latest = rec;
        ctx.committed = { done: rec.done, accepted: rec.accepted, rejected: rec.rejected, retried: rec.retried, batches: rec.batches };
        await this.publish(rec);
      }
      // PGlite answers in-process, so a job whose only awaits are its queries would hold off timers,
      // sockets and cancel requests until it ended: give the event loop a turn after every batch.
      await yieldToEventLoop();
    };

    const ctx: JobContext<any, any> = {
      jobId: id,
      params: job.parameters,
      checkpoint: job.checkpoint ?? null,
      signal: entry.ac.signal,
      log,
      committed: { done: job.done, accepted: job.accepted, rejected: job.rejected, retried: job.retried, batches: job.batches },
      progress: async (done, total, message) => {
        const rec = await this.store.setProgress(id, this.runnerId, done, total, message ?? null);
        if (!rec) {
          stop("lost");
          return;
        }
        latest = rec;
        if (rec.cancelRequested) stop("cancel");
        await this.publish(rec);
      },
      checkpointAfterBatch: async (s) => {
        await ctx.commitBatch(async () => undefined, { checkpoint: s.checkpoint, accepted: s.accepted, rejected: s.rejected, retried: s.retried });
      },
      commitBatch: async <T>(write: (tx: SqlRunner) => Promise<T>, state: BatchCommitState<any> | ((out: T) => BatchCommitState<any>)) => {
        // statement_timeout bounds each attempt on PostgreSQL (set with BEGIN, in the same round trip).
        const { out, rec } = await this.db.transaction(async (tx) => {
          // Fence: this runner still owns the job and nobody committed this batch number meanwhile (e.g. an
          // earlier attempt whose COMMIT's answer was lost), checked before anything is written.
          const fence = await tx.query(`SELECT 1 FROM ${this.db.gateway.table("jobs")} WHERE id = $1::uuid AND runner = $2 AND status = 'RUNNING' AND batches = $3 FOR UPDATE`, [id, this.runnerId, ctx.committed.batches]);
          if (!fence.rows.length) lost();
          const value = await write(tx);
          const updated = await this.store.commitBatch(tx, id, this.runnerId, typeof state === "function" ? state(value) : state);
          if (typeof updated === "string") lost();
          return { out: value, rec: updated as JobRecord };
        }, { statementTimeoutMs: this.config.batchTimeoutMs });
        await committed(rec);
        return out;
      },
      commitSpan: async <T>(write: (tx: SqlRunner) => Promise<T>, state: (out: T) => Omit<BatchCommitState<never>, "checkpoint">, span: SpanBatch) => {
        let value: T;
        let rec: JobRecord;
        try {
          rec = await this.db.transaction(async (tx) => {
            // A retry writes nothing if the attempt before it did commit (a unique key would refuse the rows anyway).
            if (span.retry && (await this.store.spanCommitted(tx, id, this.runnerId, span.start, span.end))) throw new AlreadyCommitted();
            value = await write(tx);
            // No fence up front: the job-row UPDATE is the fence (owner, span not yet committed), taken last,
            // so batches written concurrently hold the job row's lock only for their commit.
            const updated = await this.store.commitBatch(tx, id, this.runnerId, { ...state(value), span: { start: span.start, end: span.end, settled: span.settled() } });
            if (updated === "committed") throw new AlreadyCommitted();
            if (updated === "lost") lost();
            return updated as JobRecord;
          }, { statementTimeoutMs: this.config.batchTimeoutMs });
        } catch (err) {
          if (!(err instanceof AlreadyCommitted)) throw err;
          log.warn({ start: span.start, end: span.end }, "batch already committed by an earlier attempt; its retry was rolled back");
          // That commit's counters were never seen here: read them, so the final status counts them.
          const current = await this.store.get(id);
          if (!current) lost();
          rec = current!;
        }
        await committed(rec);
        return value!;
      },
    };

    try {
      const result = await handler.run(ctx);
      clearInterval(heartbeat);
      if (entry.reason === "shutdown") {
        await this.store.release(id, this.runnerId);
        log.info({ done: latest.done }, "job released on shutdown; the next runner resumes it");
        return "released";
      }
      if (entry.reason === "lost") return "lost";
      const status = entry.reason === "cancel" ? "CANCELLED" : latest.rejected > 0 ? "PARTIAL" : "SUCCEEDED";
      const message = status === "CANCELLED" ? `cancelled after ${latest.done} records` : status === "PARTIAL" ? `${latest.accepted} accepted, ${latest.rejected} rejected` : `${latest.accepted} accepted`;
      const finished = await this.store.finish(id, this.runnerId, status, { result: result.result ?? null, message });
      if (finished) {
        await this.publish(finished);
        log.info({ status, accepted: finished.accepted, rejected: finished.rejected }, "job finished");
      }
      return "finished";
    } catch (err) {
      clearInterval(heartbeat);
      if (err instanceof JobLostError || entry.reason === "lost") {
        log.warn("job was taken over by another runner; stopping here");
        return "lost";
      }
      if (entry.reason === "shutdown") {
        await this.store.release(id, this.runnerId).catch(() => {});
        return "released";
      }
      const error = describeError(err);
      log.error({ err: error }, "job failed");
      const failed = await this.store.finish(id, this.runnerId, "FAILED", { error, message: `failed after ${latest.done} records: ${error}` });
      if (failed) await this.publish(failed);
      return "finished";
    }
  }

  /** Stops every job this process runs after its current batch and hands them back (QUEUED) for the next runner. */
  async stopLocal(): Promise<void> {
    const waits: Promise<unknown>[] = [];
    for (const entry of this.running.values()) {
      entry.reason ??= "shutdown";
      entry.ac.abort("shutdown");
      waits.push(entry.done);
    }
    await Promise.all(waits);
  }

  toEvent(job: JobRecord): JobProgressEvent {
    const now = Date.now();
    const elapsed = job.startedAt ? ((job.finishedAt?.getTime() ?? now) - job.startedAt.getTime()) / 1000 : 0;
    const rowsPerSecond = elapsed > 0 && job.done > 0 ? job.done / elapsed : null;
    const etaSeconds =
      job.status === "RUNNING" && rowsPerSecond && job.total !== null ? Math.max(0, (job.total - job.done) / rowsPerSecond) : TERMINAL_STATUSES.has(job.status) ? 0 : null;
    return {
      jobId: job.id,
      kind: job.kind,
      status: job.status,
      done: job.done,
      total: job.total,
      accepted: job.accepted,
      rejected: job.rejected,
      rowsPerSecond,
      etaSeconds,
      message: job.error ?? job.message,
      at: now,
    };
  }

  private async publish(job: JobRecord): Promise<void> {
    const event = this.toEvent(job);
    try {
      this.pubSub.publish(PROGRESS_TOPIC, job.id, event);
      (this.pubSub.publish as unknown as (topic: string, payload: unknown) => void).call(this.pubSub, EVENTS_TOPIC, event);
    } catch (err) {
      this.log.warn({ err: describeError(err) }, "publishing job progress failed");
    }
  }

  /**
   * (progress) The job's current state first (so a late subscriber is never blind), then
   * every published change until a terminal status. The database is re-read
   * every `pollMs` without events, so an event lost in transit (e.g. while a
   * Redis subscription was being set up) cannot leave a subscriber hanging.
   */
  async progress(id: string, pollMs = 2_000): Promise<AsyncGenerator<JobProgressEvent>> {
    await this.require(id);
    return this.progressStream(id, pollMs);
  }

  private async *progressStream(id: string, pollMs: number): AsyncGenerator<JobProgressEvent> {
    const iterator = this.pubSub.subscribe(PROGRESS_TOPIC, id)[Symbol.asyncIterator]() as AsyncIterator<JobProgressEvent>;
    let pending = iterator.next();
    try {
      const job = await this.require(id);
      let last = this.toEvent(job);
      yield last;
      while (!TERMINAL_STATUSES.has(last.status)) {
        let timer: NodeJS.Timeout | undefined;
        const tick = new Promise<"tick">((r) => (timer = setTimeout(() => r("tick"), pollMs)));
        const next = await Promise.race([pending, tick]);
        clearTimeout(timer);
        let event: JobProgressEvent;
        if (next === "tick") {
          event = this.toEvent(await this.require(id));
          if (event.status === last.status && event.done === last.done) continue;
        } else {
          if (next.done) return;
          pending = iterator.next();
          event = next.value;
          // Older than what we already sent (it raced the replay): skip.
          if (event.status === last.status && event.done < last.done) continue;
        }
        last = event;
        yield event;
      }
    } finally {
      await iterator.return?.();
    }
  }

  /** Every job event, optionally of one kind only, for dashboards. */
  async *eventStream(kind: JobKind | null): AsyncGenerator<JobProgressEvent> {
    const subscribe = this.pubSub.subscribe as unknown as (topic: string) => AsyncIterable<JobProgressEvent>;
    for await (const event of subscribe.call(this.pubSub, EVENTS_TOPIC)) {
      if (!kind || event.kind === kind) yield event;
    }
  }
}
