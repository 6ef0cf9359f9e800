import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { BadUserInputError } from "../errors.js";
import { ingestHandlers } from "./ingest.handler.js";
import { resolveWritableTable } from "./tables.js";
const MODES = ["INSERT", "UPSERT", "UPDATE"];
const problem = (field, message) => ({ problems: [{ field, message }] });
class IngestService {
  constructor(deps) {
    this.deps = deps;
    this.log = deps.log.child({ component: "ingest" });
    for (const h of ingestHandlers({
      engine: deps.engine,
      tables: deps.tables,
      validate: (kind, params) => this.validate(kind, params),
      onTablesWritten: async (tables) => {
        await deps.invalidateTables?.(tables).catch((err) => this.log.warn({ err: String(err) }, "cache invalidation failed"));
      },
      onJobWrote: async (tables) => {
        void (async () => {
          await deps.tables.refresh?.();
          await deps.refreshCatalog?.(tables);
        })().catch((err) => this.log.warn({ err: String(err) }, "catalog refresh after a write failed"));
      }
    })) {
      deps.engine.register(h);
    }
  }
  deps;
  log;
  /** Normalizes job parameters: the table and key resolved to SQL names, batch options bounded. */
  async validate(kind, raw) {
    const p = raw ?? {};
    const mode = p.mode ?? (kind === "BATCH_UPDATE" ? "UPDATE" : "INSERT");
    if (!MODES.includes(mode)) throw new BadUserInputError(`mode must be INSERT, UPSERT or UPDATE; got ${JSON.stringify(mode)}.`, problem("mode", "unknown"));
    if (kind === "BATCH_UPDATE" !== (mode === "UPDATE")) {
      throw new BadUserInputError(kind === "BATCH_UPDATE" ? "Batch updates use mode UPDATE." : "mode UPDATE is a batch update: use Mutation.batchUpdate or mode=UPDATE on the streaming endpoint.", problem("mode", "wrong kind"));
    }
    const target = await resolveWritableTable(this.deps.tables, p.table);
    const keyIn = p.key ?? [];
    if (!Array.isArray(keyIn) || keyIn.some((k) => typeof k !== "string")) throw new BadUserInputError("key must be a list of column names.", problem("key", "invalid"));
    let key = keyIn.map((k) => {
      const col = target.column(k);
      if (!col) throw new BadUserInputError(`key column ${JSON.stringify(k)} is not a column of ${target.table.name} (columns: ${target.table.columns.map((c) => c.name).join(", ")}).`, problem("key", "unknown column"));
      return col.name;
    });
    if (mode !== "INSERT") {
      if (!key.length) key = [...target.table.primaryKey];
      if (!key.length) throw new BadUserInputError(`${mode} needs a key: ${target.table.name} has no primary key, so name a unique column set in key.`, problem("key", "missing"));
      const sorted = [...key].sort().join(",");
      if (!target.uniqueKeys.some((u) => [...u].sort().join(",") === sorted)) {
        throw new BadUserInputError(
          `key (${key.join(", ")}) is not a unique key of ${target.table.name}; ${mode} needs one of: ${target.uniqueKeys.map((u) => `(${u.join(", ")})`).join(", ")}.`,
          problem("key", "not unique")
        );
      }
    } else if (key.length) {
      throw new BadUserInputError("key is only used by UPSERT and UPDATE; leave it out for INSERT.", problem("key", "not used"));
    }
    const defaults = this.deps.engine.batchOptions();
    const batchSize = p.batchSize ?? defaults.batchSize;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1e5) throw new BadUserInputError(`batchSize must be between 1 and 100000; got ${batchSize}.`, problem("batchSize", "out of range"));
    const maxRetries = p.maxRetries ?? defaults.maxRetries;
    if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 20) throw new BadUserInputError(`maxRetries must be between 0 and 20; got ${maxRetries}.`, problem("maxRetries", "out of range"));
    const source = p.source;
    if (!source || source.type !== "inline" && source.type !== "file") throw new BadUserInputError("source must be inline records or a spooled file.", problem("source", "invalid"));
    return { table: target.table.name, mode, key, batchSize, maxRetries, continueOnError: p.continueOnError ?? false, source };
  }
  checkInline(records) {
    const max = this.deps.config.ingest.maxInlineRecords;
    if (records.length === 0) throw new BadUserInputError("records is empty: send at least one record.", problem("records", "empty"));
    if (records.length > max) {
      throw new BadUserInputError(
        `${records.length} records is more than one request may carry (INGEST_MAX_INLINE_RECORDS = ${max}). Stream larger inputs as NDJSON or CSV to POST /ingest/{table} instead.`,
        problem("records", "too many")
      );
    }
  }
  /** Submits inline records; waits up to INGEST_INLINE_WAIT_MS so small batches return finished. */
  async ingestInline(table, records, options = {}) {
    this.checkInline(records);
    const mode = options.mode ?? "INSERT";
    if (mode === "UPDATE") throw new BadUserInputError("mode UPDATE is a batch update: use Mutation.batchUpdate.", problem("options.mode", "use batchUpdate"));
    return this.submitAndWait("INGEST", table, { ...options, mode }, { type: "inline", records }, records.length);
  }
  async batchUpdate(table, key, records, options = {}) {
    this.checkInline(records);
    if (!key.length) throw new BadUserInputError("key must name at least one column that identifies the rows to update.", problem("key", "empty"));
    return this.submitAndWait("BATCH_UPDATE", table, { ...options, mode: "UPDATE", key }, { type: "inline", records }, records.length);
  }
  async submitAndWait(kind, table, o, source, total) {
    const job = await this.deps.engine.submit({
      kind,
      params: { table, mode: o.mode, key: o.key ?? [], batchSize: o.batchSize ?? void 0, maxRetries: o.maxRetries ?? void 0, continueOnError: o.continueOnError ?? false, source },
      idempotencyKey: o.idempotencyKey ?? null,
      total
    });
    return this.deps.engine.waitFor(job.id, this.deps.config.ingest.inlineWaitMs);
  }
  /**
   * Accepts a streamed body: checks table and options first, then spools the
   * body to a file (memory stays flat; the job may outlive the request and be
   * run by another process sharing SPOOL_DIR), then submits the job.
   */
  async ingestStream(table, format, body, options) {
    const kind = options.mode === "UPDATE" ? "BATCH_UPDATE" : "INGEST";
    if (options.idempotencyKey) {
      const existing = await this.deps.engine.store.byIdempotencyKey(options.idempotencyKey);
      if (existing) return { job: existing, existing: true };
    }
    const params = { table, mode: options.mode ?? (kind === "BATCH_UPDATE" ? "UPDATE" : "INSERT"), key: options.key ?? [], batchSize: options.batchSize ?? void 0, maxRetries: options.maxRetries ?? void 0, continueOnError: options.continueOnError ?? false };
    await this.validate(kind, { ...params, source: { type: "inline", records: [] } });
    const dir = this.deps.config.ingest.spoolDir;
    await fs.promises.mkdir(dir, { recursive: true });
    const file = path.resolve(dir, `${randomUUID()}.${format}`);
    let lines = 0;
    let lastByte = 10;
    const counter = new Transform({
      transform(chunk, _enc, cb) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        if (chunk.length) lastByte = chunk[chunk.length - 1];
        cb(null, chunk);
      }
    });
    try {
      await pipeline(body, counter, fs.createWriteStream(file));
    } catch (err) {
      await fs.promises.rm(file, { force: true });
      throw new BadUserInputError(`The request body could not be read completely (${err.message}); nothing was ingested.`);
    }
    if (lastByte !== 10) lines++;
    const total = Math.max(0, format === "csv" ? lines - 1 : lines);
    try {
      const job = await this.deps.engine.submit({ kind, params: { ...params, source: { type: "file", path: file, format } }, idempotencyKey: options.idempotencyKey ?? null, total });
      if (job.parameters.source?.path !== path.basename(file)) await fs.promises.rm(file, { force: true });
      return { job, existing: false };
    } catch (err) {
      await fs.promises.rm(file, { force: true });
      throw err;
    }
  }
}
export {
  IngestService
};
