/**
 * The contract between the job engine and the work it runs (ingest,
 * transform, batch update, train, batch inference, pipeline). A handler does
 * its work in batches, reports progress after each, honours the abort signal,
 * and saves a checkpoint so a restarted job resumes after the last committed batch.
 */
export type JobKind = "INGEST" | "TRANSFORM" | "BATCH_UPDATE" | "TRAIN" | "BATCH_INFERENCE" | "PIPELINE" | "QUALITY";
export type JobStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED" | "CANCELLED";

export interface RejectedRecord {
  /** Batch number (0-based) the record belonged to. */
  batch: number;
  /** Row index in the input, or the input line number for streamed files. */
  rowIndex: number;
  reason: string;
  /** The record as received. */
  record: unknown;
}

export interface JobContext<P = unknown, C = unknown> {
  jobId: string;
  params: P;
  /** Last saved checkpoint, or null on a fresh start. */
  checkpoint: C | null;
  signal: AbortSignal;
  /** Report progress after each batch; publishes jobProgress. */
  progress(done: number, total: number | null, message?: string): Promise<void>;
  /** Persist a checkpoint together with counters, after a batch is committed. */
  checkpointAfterBatch(state: { checkpoint: C; accepted: number; rejected: RejectedRecord[]; retried: number }): Promise<void>;
}

export interface JobResult {
  accepted: number;
  rejected: number;
  /** Anything the caller should see (e.g. model version, report id). */
  result?: unknown;
}

export interface JobHandler<P = unknown, C = unknown> {
  kind: JobKind;
  run(ctx: JobContext<P, C>): Promise<JobResult>;
}
