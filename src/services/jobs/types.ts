/**
 * The contract between the job engine and the work it runs (ingest,
 * transform, batch update, train, batch inference, pipeline). A handler does
 * its work in batches, reports progress after each, honours the abort signal,
 * and saves a checkpoint so a restarted job resumes after the last committed batch.
 *
 * Three ways to commit a batch:
 * - `commitBatch(write, state)`: the batch's writes, its rejected records, the
 *   counters and the checkpoint go in ONE transaction — exactly-once on resume.
 *   Use it whenever the batch writes to the database.
 * - `commitSpan(write, state, span)`: the same for batches written
 *   concurrently (several writers), which may commit out of order: each
 *   merges its span of source positions into the checkpoint (see spans.ts).
 * - `checkpointAfterBatch(state)`: counters and checkpoint only, for work whose
 *   output is not in the database (or is idempotent).
 */
import type { SqlRunner } from "../db/index.js";
import type { Logger } from "../log.js";

export type JobKind = "INGEST" | "TRANSFORM" | "BATCH_UPDATE" | "TRAIN" | "BATCH_INFERENCE" | "PIPELINE" | "QUALITY";
export const JOB_KINDS: JobKind[] = ["INGEST", "TRANSFORM", "BATCH_UPDATE", "TRAIN", "BATCH_INFERENCE", "PIPELINE", "QUALITY"];
export type JobStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED" | "CANCELLED";
export const JOB_STATUSES: JobStatus[] = ["QUEUED", "RUNNING", "SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED"];
export const TERMINAL_STATUSES: ReadonlySet<JobStatus> = new Set(["SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED"]);

export interface RejectedRecord {
  /** Batch number (0-based) the record belonged to. */
  batch: number;
  /** Row index in the input, or the input line number for streamed files. */
  rowIndex: number;
  reason: string;
  /** The record as received. */
  record: unknown;
}

/** Batch semantics every batched handler follows; defaults come from config. */
export interface BatchOptions {
  batchSize: number;
  /** Retries of a batch that failed for a transient reason (connection, timeout, deadlock). */
  maxRetries: number;
  /** Longest a batch may take (per attempt) before it counts as failed. */
  batchTimeoutMs: number;
  /** A batch that still fails moves its records to rejected_records instead of failing the job. */
  continueOnError: boolean;
}

export interface BatchCommitState<C> {
  checkpoint: C;
  /** Records written by this batch. */
  accepted: number;
  rejected: RejectedRecord[];
  /** Attempts beyond the first that this batch needed. */
  retried: number;
  /** Absolute progress after this batch; defaults to the previous done + accepted + rejected. */
  done?: number;
  total?: number | null;
  message?: string;
}

export interface JobContext<P = unknown, C = unknown> {
  jobId: string;
  params: P;
  /** Last saved checkpoint, or null on a fresh start. */
  checkpoint: C | null;
  /** Aborted when the job is cancelled (or the process stops): finish the current batch, then return. */
  signal: AbortSignal;
  log: Logger;
  /** Counters committed so far (non-zero when resuming). */
  committed: { done: number; accepted: number; rejected: number; retried: number; batches: number };
  /** Report progress; publishes jobProgress. */
  progress(done: number, total: number | null, message?: string): Promise<void>;
  /** Persist a checkpoint together with counters, after a batch is committed. */
  checkpointAfterBatch(state: { checkpoint: C; accepted: number; rejected: RejectedRecord[]; retried: number }): Promise<void>;
  /**
   * Runs `write` in a transaction and, in the same transaction, stores the
   * rejected records, adds the counters and saves the checkpoint; then
   * publishes progress. `write` may return extra rejected records (e.g. keys
   * that matched no row). Throws if another runner took the job over.
   */
  commitBatch<T>(write: (tx: SqlRunner) => Promise<T>, state: BatchCommitState<C> | ((out: T) => BatchCommitState<C>)): Promise<T>;
  /**
   * Like commitBatch, for batches that may commit out of order (several
   * writers, each call on its own connection): the batch covers the source
   * positions [span.start, span.end), and instead of replacing the checkpoint
   * the database merges that span into the stored span checkpoint inside the
   * batch's transaction (see spans.ts). Counters add up, and `committed` and
   * the published progress only ever move forward. A retry (`span.retry`)
   * first checks that no earlier attempt committed the span (its COMMIT
   * reached the database but the answer was lost) and then writes nothing.
   */
  commitSpan<T>(write: (tx: SqlRunner) => Promise<T>, state: (out: T) => Omit<BatchCommitState<never>, "checkpoint">, span: SpanBatch): Promise<T>;
}

/** A batch's place in its source, for JobContext.commitSpan. */
export interface SpanBatch {
  start: number;
  end: number;
  /** Read when the batch commits: every position below it is committed (see spans.ts). */
  settled: () => number;
  /** This attempt retries one whose outcome is unknown. */
  retry: boolean;
}

export interface JobResult {
  accepted: number;
  rejected: number;
  /** Anything the caller should see (e.g. model version, report id). */
  result?: unknown;
}

export interface JobHandler<P = unknown, C = unknown> {
  kind: JobKind;
  /** Checks and normalizes parameters at submission; throw BadUserInputError to refuse the job. */
  validate?(params: unknown): Promise<P> | P;
  run(ctx: JobContext<P, C>): Promise<JobResult>;
  /** Called when a job is cancelled before it ever ran, to release what submission prepared (e.g. a spool file). */
  discard?(params: P): Promise<void>;
}

/** What a job looks like to callers. */
export interface JobRecord {
  id: string;
  kind: JobKind;
  status: JobStatus;
  done: number;
  total: number | null;
  accepted: number;
  rejected: number;
  retried: number;
  batches: number;
  parameters: unknown;
  result: unknown;
  error: string | null;
  message: string | null;
  checkpoint: unknown;
  idempotencyKey: string | null;
  cancelRequested: boolean;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface JobProgressEvent {
  jobId: string;
  kind: JobKind;
  status: JobStatus;
  done: number;
  total: number | null;
  accepted: number;
  rejected: number;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
  message: string | null;
  /** When the event was published (ms since epoch); lets subscribers measure delay. */
  at: number;
}

export interface SubmitJobInput {
  kind: JobKind;
  params: unknown;
  idempotencyKey?: string | null;
  total?: number | null;
}

/** The engine's public surface other services (ingest, ml, transform) use. */
export interface JobSubmitter {
  register(handler: JobHandler<any, any>): void;
  submit(input: SubmitJobInput): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | null>;
  /** Resolves when the job reaches a terminal status (or the timeout passes: then the current state). */
  waitFor(id: string, timeoutMs: number): Promise<JobRecord>;
}
