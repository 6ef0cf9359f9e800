/**
 * The INGEST and BATCH_UPDATE job handler: reads the source in batches,
 * validates each record against the table, writes the valid ones with one
 * statement per batch, and commits rows, rejected records, counters and the
 * checkpoint in one transaction — so a resumed job neither repeats nor skips.
 */
import fs from "node:fs";
import { setImmediate as yieldToIo } from "node:timers/promises";
import type { SqlRunner } from "../db/index.js";
import { CommittedSpans, describeError, isTransient, withRetries, type SpanCheckpoint, type JobContext, type JobEngine, type JobHandler, type JobKind, type RejectedRecord } from "../jobs/index.js";
import type { WriteMode } from "./coerce.js";
import { readSourceChunks, type IngestSourceSpec, type SourceItem } from "./sources.js";
import type { TransformSourceSpec } from "../transform/types.js";
import { resolveWritableTable, type TableSource, type WritableTable } from "./tables.js";
import { copyInsertText, writeRows } from "./writer.js";
import { CopyBufferPool } from "./copy-buffer.js";
import { advanceSequences, sequenceColumns, type SequenceColumn } from "./sequences.js";
import { BatchBuilder, HeaderPlans, keyText, type PendingRow, type PreparedBatch, type WriteGroup } from "./batch-builder.js";

export interface IngestJobParams {
  /** SQL table name (resolved at submission). */
  table: string;
  mode: WriteMode;
  /** SQL column names of the key (UPSERT/UPDATE). */
  key: string[];
  batchSize: number;
  maxRetries: number;
  continueOnError: boolean;
  /** Inline records or a spooled file (ingest, batch update), or a mapped query (transform, read by its own reader). */
  source: IngestSourceSpec | TransformSourceSpec;
}

/**
 * Source items (records and unparseable lines) already accounted for: every position below `consumed`,
 * and with several writers the spans in `ahead` that committed before an earlier batch did (see jobs/spans.ts).
 */
export type IngestCheckpoint = SpanCheckpoint;

export interface IngestHandlerDeps {
  engine: JobEngine;
  tables: TableSource;
  validate(kind: JobKind, params: unknown): Promise<IngestJobParams>;
  /** Called after every committed batch with the tables written (cache invalidation). */
  onTablesWritten(tables: string[]): Promise<void>;
  /** Called once when a job that wrote rows ends (catalog value index refresh). */
  onJobWrote(tables: string[]): Promise<void>;
}

/** Records validated between two yields to pending I/O (see prepared() in the handler). */
const YIELD_EVERY = 200;

/** Keeps one item requested ahead, so producing the next overlaps with consuming this one. */
async function* prefetch<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  const it = items[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      // A failure of the read-ahead surfaces when its turn comes, not as an unhandled rejection.
      next.catch(() => {});
      yield r.value;
    }
  } finally {
    await it.return?.(undefined);
  }
}

/** Rejected records for the rows an UPDATE matched to no row. */
function unmatchedRejects(target: WritableTable, p: IngestJobParams, rows: PendingRow[], unmatched: number[], batch: number, out: RejectedRecord[]): void {
  if (!unmatched.length) return;
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  for (const i of unmatched) {
    const r = byIndex.get(i)!;
    out.push({ batch, rowIndex: r.item!.position, reason: `no row of ${target.table.name} has ${keyText(r, p.key)}`, record: r.item!.record });
  }
}

/** Writes a group; with continue-on-error a failing group is split in halves (savepoints) until the bad records are isolated. */
async function writeGroup(tx: SqlRunner, target: WritableTable, p: IngestJobParams, g: WriteGroup, batch: number, out: RejectedRecord[], sp: { n: number }): Promise<void> {
  // Packed groups exist only when nothing can reject a row after validation (INSERT without continueOnError).
  if (g.packed) return copyInsertText(tx, target, g.columns, g.packed.data);
  return writeRowsOf(tx, target, p, g.rows, batch, out, sp);
}

async function writeRowsOf(tx: SqlRunner, target: WritableTable, p: IngestJobParams, rows: PendingRow[], batch: number, out: RejectedRecord[], sp: { n: number }): Promise<void> {
  if (!p.continueOnError) {
    unmatchedRejects(target, p, rows, await writeRows(tx, target, p.mode, p.key, rows), batch, out);
    return;
  }
  const name = `kz_sp_${sp.n++}`;
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const unmatched = await writeRows(tx, target, p.mode, p.key, rows);
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    unmatchedRejects(target, p, rows, unmatched, batch, out);
  } catch (err) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    if (isTransient(err)) throw err;
    if (rows.length === 1) {
      out.push({ batch, rowIndex: rows[0]!.item!.position, reason: describeError(err), record: rows[0]!.item!.record });
      return;
    }
    const mid = Math.ceil(rows.length / 2);
    await writeRowsOf(tx, target, p, rows.slice(0, mid), batch, out, sp);
    await writeRowsOf(tx, target, p, rows.slice(mid), batch, out, sp);
  }
}

/** Reads a job's source from position `consumed` on, in arrays of any size (batches are cut from them); transforms bring their own (a mapped query). */
export type SourceReader = (params: IngestJobParams, consumed: number, ctx: JobContext<IngestJobParams, IngestCheckpoint>) => AsyncIterable<SourceItem[]>;

const readIngestSource: SourceReader = (p, consumed) => {
  if (p.source.type === "transform") throw new Error("a transform source needs the transform reader");
  return readSourceChunks(p.source, consumed);
};

/** A prepared batch with the span of source positions it covers. */
interface SpannedBatch extends PreparedBatch {
  start: number;
}

/**
 * How many batches of a job may be written at once. Several only where the order of commits cannot change
 * the outcome: INSERT without continueOnError. UPSERT and UPDATE keep one writer, so a key sent twice ends
 * with its later value (two writers could commit the later one first, or deadlock on each other's keys);
 * continueOnError keeps one, so of two records with the same unique key the earlier one is written and the
 * later one rejected, as the input says.
 */
export function writersFor(p: IngestJobParams, configured: number): number {
  return p.mode === "INSERT" && !p.continueOnError ? Math.max(1, configured) : 1;
}

/** The batched validate-coerce-write-commit loop shared by INGEST, BATCH_UPDATE and TRANSFORM jobs. */
export function batchWriteHandler(kind: JobKind, deps: IngestHandlerDeps, read: SourceReader = readIngestSource): JobHandler<IngestJobParams, IngestCheckpoint> {
  return {
    kind,
    validate: (params) => deps.validate(kind, params),
    discard: async (p) => {
      if (p?.source?.type === "file") await fs.promises.rm(p.source.path, { force: true });
    },
    async run(ctx: JobContext<IngestJobParams, IngestCheckpoint>) {
      const p = ctx.params;
      const target = await resolveWritableTable(deps.tables, p.table);
      // Source positions already committed: all below `settled`, and (after a run with several writers) spans above it.
      const spans = new CommittedSpans(ctx.checkpoint);
      const writers = writersFor(p, deps.engine.writers);
      let wrote = false;
      // Read in the first batch's transaction; explicit values in these columns move their sequences on.
      let sequences: SequenceColumn[] | null = null;
      try {
        // On PostgreSQL rows are written with COPY and encoded to COPY text as they are validated.
        const copy = deps.engine.databaseKind === "postgres";
        const plans = new HeaderPlans(target);
        // Enough for the batches in flight, the one waiting and the one being built.
        const buffers = new CopyBufferPool(writers + 2);
        const from = spans.settled;
        const skip = [...spans.ahead];
        const source = read(p, from, ctx);
        /**
         * Batches of batchSize items (the last may be short) over the positions not yet committed, validated
         * chunk by chunk as the source yields them. A batch never straddles a committed span, so each covers
         * one span [start, start + count). Its number is its place in the input, stable across restarts.
         */
        async function* prepared(): AsyncGenerator<SpannedBatch> {
          let position = from;
          let b: BatchBuilder | null = null;
          let start = position;
          for await (const chunk of source) {
            // A whole chunk is consumed before any batch is handed on, so no parsed item waits through a write.
            const ready: SpannedBatch[] = [];
            for (let i = 0; i < chunk.length; i++, position++) {
              // Validation runs while other batches are being written on the same thread: yield now and then,
              // so their database round trips are answered promptly instead of after a whole chunk.
              if (i > 0 && i % YIELD_EVERY === 0) await yieldToIo();
              if (skip.length) {
                while (skip.length && position >= skip[0]![1]) skip.shift();
                if (skip.length && position >= skip[0]![0]) {
                  // Committed by an earlier run: end the batch being built before the span.
                  if (b) ready.push({ ...b.finish(), start });
                  b = null;
                  continue;
                }
              }
              if (!b) {
                b = new BatchBuilder(Math.floor(position / p.batchSize), target, p, plans, copy, buffers);
                start = position;
              }
              b.add(chunk[i]!);
              if (b.count >= p.batchSize) {
                ready.push({ ...b.finish(), start });
                b = null;
              }
            }
            yield* ready;
          }
          // (The cast: TypeScript does not follow assignments made inside the for-await loop.)
          const last = b as BatchBuilder | null;
          if (last) yield { ...last.finish(), start };
        }

        // A batch's buffers go back once its transaction ended, committed or not (a stopped job drops the rest).
        const release = (groups: WriteGroup[]) => {
          for (const g of groups) if (g.packed) buffers.release(g.packed);
        };
        const write = async ({ start, count, rejected, groups, valid, batch }: SpannedBatch): Promise<void> => {
          try {
            await withRetries(
              (attempt) =>
                ctx.commitSpan(
                  async (tx) => {
                    const failed: RejectedRecord[] = [];
                    const sp = { n: 0 };
                    for (const g of groups) await writeGroup(tx, target, p, g, batch, failed, sp);
                    if (p.mode !== "UPDATE") {
                      sequences ??= await sequenceColumns(tx, target);
                      if (sequences.length) await advanceSequences(tx, target, sequences, new Set(groups.flatMap((g) => g.columns)));
                    }
                    return failed;
                  },
                  (failed) => ({ accepted: valid - failed.length, rejected: [...rejected, ...failed].sort((a, b) => a.rowIndex - b.rowIndex), retried: attempt }),
                  { start, end: start + count, settled: () => spans.settled, retry: attempt > 0 },
                ),
              {
                maxRetries: p.maxRetries,
                timeoutMs: null,
                baseMs: deps.engine.retryBaseMs,
                what: `batch ${batch} of job ${ctx.jobId}`,
                onRetry: (attempt, err, delay) => ctx.log.warn({ attempt, delay, err: describeError(err) }, "batch failed; retrying"),
              },
            );
          } finally {
            release(groups);
          }
          spans.add(start, start + count);
          if (valid) {
            wrote = true;
            await deps.onTablesWritten([target.table.name]);
          }
        };

        // Up to `writers` batches in flight, each in its own transaction; the next batch is read, parsed and
        // validated meanwhile. A failure or a stop lets the batches in flight finish (committed or not) first.
        const inflight = new Set<Promise<void>>();
        let failure: { err: unknown } | null = null;
        const launch = (b: SpannedBatch) => {
          const task: Promise<void> = write(b)
            .catch((err) => {
              failure ??= { err };
            })
            .finally(() => inflight.delete(task));
          inflight.add(task);
        };
        for await (const b of prefetch(prepared())) {
          while (inflight.size >= writers && !failure) await Promise.race(inflight);
          // A batch with rejected records commits after every batch before it, so rejected_records stay in input order.
          while (b.rejected.length && spans.settled < b.start && inflight.size && !failure) await Promise.race(inflight);
          if (failure || ctx.signal.aborted) break;
          launch(b);
          if (writers === 1) await Promise.all(inflight);
          if (ctx.signal.aborted) break;
        }
        await Promise.all(inflight);
        if (failure) throw (failure as { err: unknown }).err;
        if (wrote) await deps.onJobWrote([target.table.name]);
      } finally {
        const reason = ctx.signal.reason;
        if (p.source.type === "file" && reason !== "shutdown" && reason !== "lost") await fs.promises.rm(p.source.path, { force: true }).catch(() => {});
      }
      return { accepted: ctx.committed.accepted, rejected: ctx.committed.rejected, result: { table: target.table.name, mode: p.mode } };
    },
  };
}

export function ingestHandlers(deps: IngestHandlerDeps): JobHandler<IngestJobParams, IngestCheckpoint>[] {
  return [batchWriteHandler("INGEST", deps), batchWriteHandler("BATCH_UPDATE", deps)];
}
