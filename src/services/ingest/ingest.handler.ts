/**
 * The INGEST and BATCH_UPDATE job handler: reads the source in batches,
 * validates each record against the table, writes the valid ones with one
 * statement per batch, and commits rows, rejected records, counters and the
 * checkpoint in one transaction — so a resumed job neither repeats nor skips.
 */
import fs from "node:fs";
import type { SqlRunner } from "../db/index.js";
import { describeError, isTransient, withRetries, type JobContext, type JobEngine, type JobHandler, type JobKind, type RejectedRecord } from "../jobs/index.js";
import { coerceCells, coerceRecord, planHeader, type HeaderPlan, type WriteMode } from "./coerce.js";
import { CsvLine, readSourceBatches, type IngestSourceSpec, type SourceItem } from "./sources.js";
import type { TransformSourceSpec } from "../transform/types.js";
import { resolveWritableTable, type TableSource, type WritableTable } from "./tables.js";
import { writeRows, type WriteRow } from "./writer.js";

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

export interface IngestCheckpoint {
  /** Source items (records and unparseable lines) already accounted for. */
  consumed: number;
}

interface PendingRow extends WriteRow {
  item: SourceItem;
}

export interface IngestHandlerDeps {
  engine: JobEngine;
  tables: TableSource;
  validate(kind: JobKind, params: unknown): Promise<IngestJobParams>;
  /** Called after every committed batch with the tables written (cache invalidation). */
  onTablesWritten(tables: string[]): Promise<void>;
  /** Called once when a job that wrote rows ends (catalog value index refresh). */
  onJobWrote(tables: string[]): Promise<void>;
}

interface PreparedBatch {
  count: number;
  rejected: RejectedRecord[];
  groups: Map<string, PendingRow[]>;
  valid: number;
}

async function* mapIter<T, U>(items: AsyncIterable<T>, fn: (t: T) => Promise<U>): AsyncGenerator<U> {
  for await (const item of items) yield await fn(item);
}

/** Records validated between two yields to pending I/O (see prepare). */
const YIELD_EVERY = 500;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

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

const keyText = (row: WriteRow, key: string[]) => key.map((k) => `${k}=${row.values[row.columns.indexOf(k)]}`).join(", ");

/** Writes a group; with continue-on-error a failing group is split in halves (savepoints) until the bad records are isolated. */
async function writeGroup(
  tx: SqlRunner,
  target: WritableTable,
  p: IngestJobParams,
  rows: PendingRow[],
  batch: number,
  out: RejectedRecord[],
  sp: { n: number },
): Promise<void> {
  if (!p.continueOnError) {
    const unmatched = await writeRows(tx, target, p.mode, p.key, rows);
    for (const i of unmatched) {
      const r = rows.find((x) => x.index === i)!;
      out.push({ batch, rowIndex: r.item.position, reason: `no row of ${target.table.name} has ${keyText(r, p.key)}`, record: r.item.record });
    }
    return;
  }
  const name = `kz_sp_${sp.n++}`;
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const unmatched = await writeRows(tx, target, p.mode, p.key, rows);
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    for (const i of unmatched) {
      const r = rows.find((x) => x.index === i)!;
      out.push({ batch, rowIndex: r.item.position, reason: `no row of ${target.table.name} has ${keyText(r, p.key)}`, record: r.item.record });
    }
  } catch (err) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    if (isTransient(err)) throw err;
    if (rows.length === 1) {
      out.push({ batch, rowIndex: rows[0]!.item.position, reason: describeError(err), record: rows[0]!.item.record });
      return;
    }
    const mid = Math.ceil(rows.length / 2);
    await writeGroup(tx, target, p, rows.slice(0, mid), batch, out, sp);
    await writeGroup(tx, target, p, rows.slice(mid), batch, out, sp);
  }
}

/** Reads a job's source from position `consumed` on, in batches of `params.batchSize` items; transforms bring their own (a mapped query). */
export type SourceReader = (params: IngestJobParams, consumed: number, ctx: JobContext<IngestJobParams, IngestCheckpoint>) => AsyncIterable<SourceItem[]>;

const readIngestSource: SourceReader = (p, consumed) => {
  if (p.source.type === "transform") throw new Error("a transform source needs the transform reader");
  return readSourceBatches(p.source, consumed, p.batchSize);
};

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
      let consumed = ctx.checkpoint?.consumed ?? 0;
      let batch = ctx.committed.batches;
      let wrote = false;
      try {
        let prepared = batch;
        // CSV headers (one array per file) → how they map onto the table, worked out once.
        const plans = new Map<string[], HeaderPlan | null>();
        const planOf = (header: string[]) => {
          let plan = plans.get(header);
          if (plan === undefined) plans.set(header, (plan = planHeader(target, header)));
          return plan;
        };
        const prepare = async (items: SourceItem[]): Promise<PreparedBatch> => {
          const b = prepared++;
          const rejected: RejectedRecord[] = [];
          const groups = new Map<string, PendingRow[]>();
          // Rows that wrote the same columns share one array (see coerceCells): group by it before joining names.
          const groupOf = new Map<string[], PendingRow[]>();
          const seen = new Map<string, number>();
          let valid = 0;
          for (let index = 0; index < items.length; index++) {
            // Validation runs while the previous batch is being written on the same thread: yield now and then,
            // so that batch's database round trips are answered promptly instead of after the whole batch.
            if (index > 0 && index % YIELD_EVERY === 0) await yieldToIo();
            const item = items[index]!;
            if (item.error) {
              rejected.push({ batch: b, rowIndex: item.position, reason: item.error, record: item.record });
              continue;
            }
            const csv = item instanceof CsvLine ? item : null;
            const plan = csv ? planOf(csv.header) : null;
            const r = plan ? coerceCells(plan, p.mode, p.key, csv!.cells) : coerceRecord(target, p.mode, p.key, item.record, item.fromText);
            if (!r.ok) {
              rejected.push({ batch: b, rowIndex: item.position, reason: r.reason, record: item.record });
              continue;
            }
            const row: PendingRow = { index, columns: r.record.columns, values: r.record.values, item };
            if (p.mode !== "INSERT") {
              // One statement cannot touch a row twice; the later duplicate is refused, naming the first.
              const k = keyText(row, p.key);
              const first = seen.get(k);
              if (first !== undefined) {
                rejected.push({ batch: b, rowIndex: item.position, reason: `duplicate key (${k}) in the same batch as input ${first}; send one record per key`, record: item.record });
                continue;
              }
              seen.set(k, item.position);
            }
            let g = groupOf.get(row.columns);
            if (!g) {
              const sig = row.columns.join(",");
              g = groups.get(sig);
              if (!g) groups.set(sig, (g = []));
              groupOf.set(row.columns, g);
            }
            g.push(row);
            valid++;
          }
          return { count: items.length, rejected, groups, valid };
        };
        // The next batch is read, parsed and validated while the current one is being written.
        for await (const { count, rejected, groups, valid } of prefetch(mapIter(read(p, consumed, ctx), prepare))) {
          const items = { length: count };
          const nextConsumed = consumed + items.length;
          await withRetries(
            (attempt) =>
              ctx.commitBatch(
                async (tx) => {
                  const failed: RejectedRecord[] = [];
                  const sp = { n: 0 };
                  for (const g of groups.values()) await writeGroup(tx, target, p, g, batch, failed, sp);
                  return failed;
                },
                (failed) => ({ checkpoint: { consumed: nextConsumed }, accepted: valid - failed.length, rejected: [...rejected, ...failed].sort((a, b) => a.rowIndex - b.rowIndex), retried: attempt }),
              ),
            {
              maxRetries: p.maxRetries,
              timeoutMs: null,
              baseMs: deps.engine.retryBaseMs,
              what: `batch ${batch} of job ${ctx.jobId}`,
              onRetry: (attempt, err, delay) => ctx.log.warn({ attempt, delay, err: describeError(err) }, "batch failed; retrying"),
            },
          );
          consumed = nextConsumed;
          batch++;
          if (valid) {
            wrote = true;
            await deps.onTablesWritten([target.table.name]);
          }
          if (ctx.signal.aborted) break;
        }
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
