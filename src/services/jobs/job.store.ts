/**
 * Persists jobs and their rejected records in the `jobs` and
 * `rejected_records` tables (raw SQL, so a batch's writes and its job
 * bookkeeping can share one transaction).
 */
import type { Database, SqlRunner } from "../db/index.js";
import type { JobKind, JobRecord, JobStatus, RejectedRecord } from "./types.js";
import { spanCoveredSql, spanMergeSql, type SpanCommit } from "./spans.js";
import { keysetPage, type ConnectionShape, type PageArgs, type PageLimits } from "../paging/index.js";

const COLUMNS = `id::text AS id, kind, status, done, total, accepted, rejected, retried, batches, parameters, result, error, message,
  checkpoint, idempotency_key, cancel_requested, created_at, started_at, finished_at`;

interface JobRow {
  id: string;
  kind: string;
  status: string;
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
  idempotency_key: string | null;
  cancel_requested: boolean;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

/**
 * What callers see of a job's parameters: inline records are summarized by
 * their count (a listing must not carry 10,000 records per job) and spool
 * files by their name, not their server path. Runners get the full parameters.
 */
function publicParameters(p: unknown): unknown {
  const source = (p as { source?: { type?: string; records?: unknown[]; path?: string } } | null)?.source;
  if (!source || typeof source !== "object") return p;
  if (source.type === "inline" && Array.isArray(source.records)) return { ...(p as object), source: { type: "inline", count: source.records.length } };
  if (source.type === "file" && typeof source.path === "string") return { ...(p as object), source: { ...source, path: source.path.split(/[\\/]/).pop() } };
  return p;
}

function toRecord(r: JobRow, full = false): JobRecord {
  return {
    id: r.id,
    kind: r.kind as JobKind,
    status: r.status as JobStatus,
    done: Number(r.done),
    total: r.total === null ? null : Number(r.total),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    retried: Number(r.retried),
    batches: Number(r.batches),
    parameters: full ? r.parameters : publicParameters(r.parameters),
    result: r.result,
    error: r.error,
    message: r.message,
    checkpoint: r.checkpoint,
    idempotencyKey: r.idempotency_key,
    cancelRequested: r.cancel_requested,
    createdAt: toDate(r.created_at)!,
    startedAt: toDate(r.started_at),
    finishedAt: toDate(r.finished_at),
  };
}

export interface JobFilter {
  kind?: JobKind | null;
  status?: JobStatus[] | null;
}

export interface BatchStatsRow {
  jobs: number;
  operations: number;
  records: number;
  accepted: number;
  rejected: number;
  retries: number;
  failedJobs: number;
  durationSeconds: number;
}

export interface RejectedRow extends RejectedRecord {
  id: string;
  jobId: string;
}

export class JobStore {
  /** The job tables, qualified with the gateway schema. */
  private readonly jobs: string;
  private readonly rejectedRecords: string;

  constructor(private readonly db: Database) {
    this.jobs = db.gateway.table("jobs");
    this.rejectedRecords = db.gateway.table("rejected_records");
  }

  /** Inserts a QUEUED job; with an idempotency key already used, returns that job instead (created: false). */
  async insert(input: { kind: JobKind; params: unknown; idempotencyKey: string | null; total: number | null }): Promise<{ job: JobRecord; created: boolean }> {
    const res = await this.db.query<JobRow>(
      `INSERT INTO ${this.jobs} (id, kind, status, parameters, idempotency_key, total)
       VALUES (gen_random_uuid(), $1, 'QUEUED', $2::jsonb, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [input.kind, JSON.stringify(input.params ?? {}), input.idempotencyKey, input.total],
    );
    if (res.rows[0]) return { job: toRecord(res.rows[0]), created: true };
    const existing = await this.db.query<JobRow>(`SELECT ${COLUMNS} FROM ${this.jobs} WHERE idempotency_key = $1`, [input.idempotencyKey]);
    return { job: toRecord(existing.rows[0]!), created: false };
  }

  async byIdempotencyKey(key: string): Promise<JobRecord | null> {
    const res = await this.db.query<JobRow>(`SELECT ${COLUMNS} FROM ${this.jobs} WHERE idempotency_key = $1`, [key]);
    return res.rows[0] ? toRecord(res.rows[0]) : null;
  }

  /** The parameters as the handler sees them (not redacted). */
  async fullParameters(id: string): Promise<unknown> {
    const res = await this.db.query<{ parameters: unknown }>(`SELECT parameters FROM ${this.jobs} WHERE id = $1::uuid`, [id]);
    return res.rows[0]?.parameters ?? null;
  }

  async get(id: string, runner: SqlRunner = this.db): Promise<JobRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const res = await runner.query<JobRow>(`SELECT ${COLUMNS} FROM ${this.jobs} WHERE id = $1::uuid`, [id]);
    return res.rows[0] ? toRecord(res.rows[0]) : null;
  }

  /** Jobs, newest first (created_at, then id), optionally of one kind and statuses. */
  page(filter: JobFilter, args: PageArgs, limits: PageLimits): Promise<ConnectionShape<JobRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    if (filter.status?.length) {
      params.push(filter.status);
      where.push(`status = ANY($${params.length}::text[])`);
    }
    return keysetPage<JobRow, JobRecord>(
      this.db,
      {
        name: "jobs",
        table: this.jobs,
        select: COLUMNS,
        where,
        params,
        order: [
          { column: "created_at", type: "timestamptz", descending: true },
          { column: "id", type: "uuid", descending: true },
        ],
        map: (r) => toRecord(r),
      },
      args,
      limits,
    );
  }

  /**
   * Atomically takes a job to run: a QUEUED one, a RUNNING one whose
   * heartbeat is older than staleMs (its process died), or — with `force`,
   * used when a queue (BullMQ) already guarantees single delivery — any
   * non-terminal one. Returns null if it is not runnable.
   */
  async claim(id: string, runner: string, staleMs: number, force: boolean): Promise<JobRecord | null> {
    const res = await this.db.query<JobRow>(
      `UPDATE ${this.jobs} SET status = 'RUNNING', runner = $2, heartbeat_at = now(), started_at = coalesce(started_at, now())
       WHERE id = $1::uuid AND (status = 'QUEUED' OR (status = 'RUNNING' AND ($4 OR runner IS NULL OR heartbeat_at < now() - make_interval(secs => $3::float8 / 1000))))
       RETURNING ${COLUMNS}`,
      [id, runner, staleMs, force],
    );
    return res.rows[0] ? toRecord(res.rows[0], true) : null;
  }

  /** Ids of jobs a runner should pick up: QUEUED ones and RUNNING ones nobody heartbeats. */
  async runnable(staleMs: number): Promise<string[]> {
    const res = await this.db.query<{ id: string }>(
      `SELECT id::text AS id FROM ${this.jobs}
       WHERE status = 'QUEUED' OR (status = 'RUNNING' AND (runner IS NULL OR heartbeat_at < now() - make_interval(secs => $1::float8 / 1000)))
       ORDER BY created_at`,
      [staleMs],
    );
    return res.rows.map((r) => r.id);
  }

  /** Keeps the claim fresh; returns whether cancellation was requested, or null if the job is no longer ours. */
  async heartbeat(id: string, runner: string): Promise<boolean | null> {
    const res = await this.db.query<{ cancel_requested: boolean }>(
      `UPDATE ${this.jobs} SET heartbeat_at = now() WHERE id = $1::uuid AND runner = $2 AND status = 'RUNNING' RETURNING cancel_requested`,
      [id, runner],
    );
    return res.rows[0] ? res.rows[0].cancel_requested : null;
  }

  /**
   * Inside the batch's transaction: adds counters, stores rejected records and
   * the checkpoint — or merges the batch's span into it — but only while
   * `runner` still owns the job (fencing) and, for a span, while no earlier
   * attempt committed it. Returns the job, or why nothing was updated. The
   * row lock this UPDATE takes is held to the commit, so concurrent batches
   * of one job serialize here, each adding to what the previous one committed.
   */
  async commitBatch(
    tx: SqlRunner,
    id: string,
    runner: string,
    s: { accepted: number; rejected: RejectedRecord[]; retried: number; checkpoint?: unknown; span?: SpanCommit; done?: number; total?: number | null; message?: string },
  ): Promise<JobRecord | "lost" | "committed"> {
    const rejectedCount = s.rejected.length;
    const params: unknown[] = [id, runner, s.accepted, rejectedCount, s.retried, s.done ?? null, s.total ?? null, s.total !== undefined, s.message ?? null];
    let checkpoint = "$10::jsonb";
    let notYet = "true";
    if (s.span) {
      params.push(s.span.start, s.span.end, s.span.settled);
      checkpoint = spanMergeSql("$10", "$11", "$12");
      notYet = `NOT ${spanCoveredSql("$10", "$11")}`;
    } else {
      params.push(JSON.stringify(s.checkpoint ?? null));
    }
    const res = await tx.query<JobRow>(
      `UPDATE ${this.jobs} SET accepted = accepted + $3, rejected = rejected + $4, retried = retried + $5, batches = batches + 1,
         done = coalesce($6::int, done + $3 + $4), total = CASE WHEN $8 THEN $7::int ELSE total END,
         checkpoint = ${checkpoint}, message = coalesce($9, message), heartbeat_at = now()
       WHERE id = $1::uuid AND runner = $2 AND status = 'RUNNING' AND ${notYet}
       RETURNING ${COLUMNS}`,
      params,
    );
    if (!res.rows[0]) return s.span && (await this.spanCommitted(tx, id, runner, s.span.start, s.span.end)) ? "committed" : "lost";
    if (rejectedCount) await this.insertRejected(tx, id, s.rejected);
    return toRecord(res.rows[0]);
  }

  /** Whether `runner` owns the running job and its checkpoint covers the span [start, end). */
  async spanCommitted(tx: SqlRunner, id: string, runner: string, start: number, end: number): Promise<boolean> {
    const res = await tx.query<{ covered: boolean }>(
      `SELECT ${spanCoveredSql("$3", "$4")} AS covered FROM ${this.jobs} WHERE id = $1::uuid AND runner = $2 AND status = 'RUNNING'`,
      [id, runner, start, end],
    );
    return res.rows[0]?.covered === true;
  }

  private async insertRejected(tx: SqlRunner, jobId: string, rows: RejectedRecord[]): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.rejectedRecords} (job_id, batch, row_index, reason, record)
       SELECT $1::uuid, b, r, reason, rec::jsonb FROM unnest($2::int[], $3::int[], $4::text[], $5::text[]) AS u(b, r, reason, rec)`,
      [jobId, rows.map((r) => r.batch), rows.map((r) => r.rowIndex), rows.map((r) => r.reason), rows.map((r) => (r.record === undefined ? null : JSON.stringify(r.record)))],
    );
  }

  async setProgress(id: string, runner: string, done: number, total: number | null, message: string | null): Promise<JobRecord | null> {
    const res = await this.db.query<JobRow>(
      `UPDATE ${this.jobs} SET done = $3, total = coalesce($4::int, total), message = coalesce($5, message), heartbeat_at = now()
       WHERE id = $1::uuid AND runner = $2 AND status = 'RUNNING' RETURNING ${COLUMNS}`,
      [id, runner, done, total, message],
    );
    return res.rows[0] ? toRecord(res.rows[0]) : null;
  }

  /** Moves a job to a terminal status (only if `runner` still owns it, when given). */
  async finish(id: string, runner: string | null, status: JobStatus, fields: { result?: unknown; error?: string | null; message?: string | null }): Promise<JobRecord | null> {
    const res = await this.db.query<JobRow>(
      `UPDATE ${this.jobs} SET status = $2, result = coalesce($3::jsonb, result), error = $4, message = coalesce($5, message), finished_at = now(), runner = NULL
       WHERE id = $1::uuid AND status IN ('QUEUED', 'RUNNING') AND ($6::text IS NULL OR runner = $6)
       RETURNING ${COLUMNS}`,
      [id, status, fields.result === undefined ? null : JSON.stringify(fields.result), fields.error ?? null, fields.message ?? null, runner],
    );
    return res.rows[0] ? toRecord(res.rows[0]) : null;
  }

  /** A graceful stop hands the job back: QUEUED again, checkpoint kept, so the next runner resumes it at once. */
  async release(id: string, runner: string): Promise<void> {
    await this.db.query(`UPDATE ${this.jobs} SET status = 'QUEUED', runner = NULL WHERE id = $1::uuid AND runner = $2 AND status = 'RUNNING'`, [id, runner]);
  }

  /** QUEUED → CANCELLED at once; RUNNING → flag, the runner stops after its current batch. */
  async requestCancel(id: string): Promise<JobRecord | null> {
    await this.db.query(
      `UPDATE ${this.jobs} SET status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END,
         finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END,
         cancel_requested = true
       WHERE id = $1::uuid AND status IN ('QUEUED', 'RUNNING')`,
      [id],
    );
    return this.get(id);
  }

  /** A job's rejected records in input order (by id: they are written batch after batch, in order within each). */
  rejectedPage(jobId: string, args: PageArgs, limits: PageLimits): Promise<ConnectionShape<RejectedRow>> {
    type Row = { id: string; job_id: string; batch: number; row_index: number; reason: string; record: unknown };
    return keysetPage<Row, RejectedRow>(
      this.db,
      {
        name: "rejectedRecords",
        table: this.rejectedRecords,
        select: "id::text AS id, job_id::text AS job_id, batch, row_index, reason, record",
        where: ["job_id = $1::uuid"],
        params: [jobId],
        order: [{ column: "id", type: "bigint" }],
        map: (r) => ({ id: r.id, jobId: r.job_id, batch: Number(r.batch), rowIndex: Number(r.row_index), reason: r.reason, record: r.record }),
      },
      args,
      limits,
    );
  }

  async stats(filter: { kind?: JobKind | null; since?: Date | null }): Promise<BatchStatsRow> {
    const res = await this.db.query<Record<string, unknown>>(
      `SELECT count(*)::int AS jobs, coalesce(sum(batches), 0)::bigint::text AS operations, coalesce(sum(done), 0)::bigint::text AS records,
         coalesce(sum(accepted), 0)::bigint::text AS accepted, coalesce(sum(rejected), 0)::bigint::text AS rejected,
         coalesce(sum(retried), 0)::bigint::text AS retries, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
         coalesce(sum(extract(epoch FROM (coalesce(finished_at, now()) - started_at))) FILTER (WHERE started_at IS NOT NULL), 0)::float8 AS duration
       FROM ${this.jobs} WHERE ($1::text IS NULL OR kind = $1) AND ($2::timestamptz IS NULL OR created_at >= $2)`,
      [filter.kind ?? null, filter.since ?? null],
    );
    const r = res.rows[0]!;
    return {
      jobs: Number(r.jobs),
      operations: Number(r.operations),
      records: Number(r.records),
      accepted: Number(r.accepted),
      rejected: Number(r.rejected),
      retries: Number(r.retries),
      failedJobs: Number(r.failed),
      durationSeconds: Number(r.duration),
    };
  }
}
