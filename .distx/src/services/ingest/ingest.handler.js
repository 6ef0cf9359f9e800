import fs from "node:fs";
import { setImmediate as yieldToIo } from "node:timers/promises";
import { CommittedSpans, describeError, isTransient, withRetries } from "../jobs/index.js";
import { readSourceChunks } from "./sources.js";
import { resolveWritableTable } from "./tables.js";
import { copyInsertText, writeRows } from "./writer.js";
import { CopyBufferPool } from "./copy-buffer.js";
import { advanceSequences, sequenceColumns } from "./sequences.js";
import { BatchBuilder, HeaderPlans, keyText } from "./batch-builder.js";
const YIELD_EVERY = 200;
async function* prefetch(items) {
  const it = items[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (; ; ) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      next.catch(() => {
      });
      yield r.value;
    }
  } finally {
    await it.return?.(void 0);
  }
}
function unmatchedRejects(target, p, rows, unmatched, batch, out) {
  if (!unmatched.length) return;
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  for (const i of unmatched) {
    const r = byIndex.get(i);
    out.push({ batch, rowIndex: r.item.position, reason: `no row of ${target.table.name} has ${keyText(r, p.key)}`, record: r.item.record });
  }
}
async function writeGroup(tx, target, p, g, batch, out, sp) {
  if (g.packed) return copyInsertText(tx, target, g.columns, g.packed.data);
  return writeRowsOf(tx, target, p, g.rows, batch, out, sp);
}
async function writeRowsOf(tx, target, p, rows, batch, out, sp) {
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
      out.push({ batch, rowIndex: rows[0].item.position, reason: describeError(err), record: rows[0].item.record });
      return;
    }
    const mid = Math.ceil(rows.length / 2);
    await writeRowsOf(tx, target, p, rows.slice(0, mid), batch, out, sp);
    await writeRowsOf(tx, target, p, rows.slice(mid), batch, out, sp);
  }
}
const readIngestSource = (p, consumed) => {
  if (p.source.type === "transform") throw new Error("a transform source needs the transform reader");
  return readSourceChunks(p.source, consumed);
};
function writersFor(p, configured) {
  return p.mode === "INSERT" && !p.continueOnError ? Math.max(1, configured) : 1;
}
function batchWriteHandler(kind, deps, read = readIngestSource) {
  return {
    kind,
    validate: (params) => deps.validate(kind, params),
    discard: async (p) => {
      if (p?.source?.type === "file") await fs.promises.rm(p.source.path, { force: true });
    },
    async run(ctx) {
      const p = ctx.params;
      const target = await resolveWritableTable(deps.tables, p.table);
      const spans = new CommittedSpans(ctx.checkpoint);
      const writers = writersFor(p, deps.engine.writers);
      let wrote = false;
      let sequences = null;
      try {
        const copy = deps.engine.databaseKind === "postgres";
        const plans = new HeaderPlans(target);
        const buffers = new CopyBufferPool(writers + 2);
        const from = spans.settled;
        const skip = [...spans.ahead];
        const source = read(p, from, ctx);
        async function* prepared() {
          let position = from;
          let b = null;
          let start = position;
          for await (const chunk of source) {
            const ready = [];
            for (let i = 0; i < chunk.length; i++, position++) {
              if (i > 0 && i % YIELD_EVERY === 0) await yieldToIo();
              if (skip.length) {
                while (skip.length && position >= skip[0][1]) skip.shift();
                if (skip.length && position >= skip[0][0]) {
                  if (b) ready.push({ ...b.finish(), start });
                  b = null;
                  continue;
                }
              }
              if (!b) {
                b = new BatchBuilder(Math.floor(position / p.batchSize), target, p, plans, copy, buffers);
                start = position;
              }
              b.add(chunk[i]);
              if (b.count >= p.batchSize) {
                ready.push({ ...b.finish(), start });
                b = null;
              }
            }
            yield* ready;
          }
          const last = b;
          if (last) yield { ...last.finish(), start };
        }
        const release = (groups) => {
          for (const g of groups) if (g.packed) buffers.release(g.packed);
        };
        const write = async ({ start, count, rejected, groups, valid, batch }) => {
          try {
            await withRetries(
              (attempt) => ctx.commitSpan(
                async (tx) => {
                  const failed = [];
                  const sp = { n: 0 };
                  for (const g of groups) await writeGroup(tx, target, p, g, batch, failed, sp);
                  if (p.mode !== "UPDATE") {
                    sequences ??= await sequenceColumns(tx, target);
                    if (sequences.length) await advanceSequences(tx, target, sequences, new Set(groups.flatMap((g) => g.columns)));
                  }
                  return failed;
                },
                (failed) => ({ accepted: valid - failed.length, rejected: [...rejected, ...failed].sort((a, b) => a.rowIndex - b.rowIndex), retried: attempt }),
                { start, end: start + count, settled: () => spans.settled, retry: attempt > 0 }
              ),
              {
                maxRetries: p.maxRetries,
                timeoutMs: null,
                baseMs: deps.engine.retryBaseMs,
                what: `batch ${batch} of job ${ctx.jobId}`,
                onRetry: (attempt, err, delay) => ctx.log.warn({ attempt, delay, err: describeError(err) }, "batch failed; retrying")
              }
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
        const inflight = /* @__PURE__ */ new Set();
        let failure = null;
        const launch = (b) => {
          const task = write(b).catch((err) => {
            failure ??= { err };
          }).finally(() => inflight.delete(task));
          inflight.add(task);
        };
        for await (const b of prefetch(prepared())) {
          while (inflight.size >= writers && !failure) await Promise.race(inflight);
          while (b.rejected.length && spans.settled < b.start && inflight.size && !failure) await Promise.race(inflight);
          if (failure || ctx.signal.aborted) break;
          launch(b);
          if (writers === 1) await Promise.all(inflight);
          if (ctx.signal.aborted) break;
        }
        await Promise.all(inflight);
        if (failure) throw failure.err;
        if (wrote) await deps.onJobWrote([target.table.name]);
      } finally {
        const reason = ctx.signal.reason;
        if (p.source.type === "file" && reason !== "shutdown" && reason !== "lost") await fs.promises.rm(p.source.path, { force: true }).catch(() => {
        });
      }
      return { accepted: ctx.committed.accepted, rejected: ctx.committed.rejected, result: { table: target.table.name, mode: p.mode } };
    }
  };
}
function ingestHandlers(deps) {
  return [batchWriteHandler("INGEST", deps), batchWriteHandler("BATCH_UPDATE", deps)];
}
export {
  batchWriteHandler,
  ingestHandlers,
  writersFor
};
