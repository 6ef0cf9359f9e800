/**
 * BATCH_INFERENCE jobs: reads a table in key order (keyset pages, so a resumed
 * job continues after the last committed key), predicts each row with a pinned
 * model version, and writes the predictions, in the same transaction as the
 * job's checkpoint, to the `predictions` table or to a column of the source
 * table by key. Rows that do not fit the feature schema become rejected records.
 */
import type { Catalog, CatalogColumn, CatalogTable } from "../catalog/types.js";
import type { Database, SqlRunner } from "../db/database.js";
import { quoteIdent } from "../db/sql.js";
import { BadUserInputError, type InputProblem } from "../errors.js";
import type { JobContext, JobHandler, JobResult, RejectedRecord } from "../jobs/types.js";
import type { InferenceService, PredictionOut } from "./inference.service.js";
import { inputProblems, type FeatureSpec } from "./prepare/index.js";
import type { ModelRegistry } from "./registry.service.js";
import { buildWhere, type SourceInput } from "./source.js";
import { resolveSqlSource } from "./sql-source.js";
import { describeTable } from "./table-info.js";

export interface BatchInferenceParams {
  model: string;
  /** Pinned at submission (the active version when not given), so a resumed job keeps using it. */
  version: number;
  /** A table, or a guarded SELECT (`sql`) whose result columns hold the features and the key. */
  source: SourceInput & { key?: string | null };
  /** A column of the source table to write to; absent means the predictions table. */
  outputColumn: string | null;
  batchSize: number;
}

/**
 * Where a resumed job continues. Tables: after `lastKey` (keyset pages on a unique key).
 * SQL sources, read with one cursor in the order (key NULLS LAST, whole row as text): the
 * last key read, how many rows with that key were read (`sameKey`), and whether the null
 * keys at the end were reached — exact even when a query's key repeats or is null.
 */
interface Checkpoint {
  lastKey: string | null;
  sameKey?: number;
  inNulls?: boolean;
}

const castType = (c: CatalogColumn) => (c.kind === "enum" ? quoteIdent(c.sqlType) : c.sqlType);

interface ResolvedSource {
  table: CatalogTable;
  /** The FROM item: the quoted table or the guarded query as `(…) AS src`. */
  from: string;
  isSql: boolean;
  key: string | null;
  /** SQL type to cast a key parameter to. */
  keyType: string | null;
}

/** Resolves a table or SELECT source and checks key, output column, filter and batch size; lists every problem (the model is not needed). */
async function resolveSource(
  db: Database,
  catalog: (() => Promise<Catalog>) | undefined,
  p: Partial<BatchInferenceParams>,
  maxBatch: number,
  problems: InputProblem[],
): Promise<ResolvedSource | null> {
  const src = p.source;
  const hasTable = !!src?.table;
  const hasSql = !!src?.sql?.trim();
  if (hasTable === hasSql) {
    problems.push({ field: "source", message: "give exactly one of table or sql (a read-only SELECT)" });
    return null;
  }
  let resolved: ResolvedSource;
  if (hasSql) {
    if (!catalog) {
      problems.push({ field: "source.sql", message: "SQL sources need the catalog, which this process does not have" });
      return null;
    }
    const r = await resolveSqlSource(db, await catalog(), src!.sql!);
    const key = src!.key ?? null;
    if (!key) problems.push({ field: "source.key", message: `a SQL source needs key: the result column that identifies a row (columns: ${r.table.columns.map((c) => c.name).join(", ")})` });
    else if (!r.sqlTypes.has(key)) problems.push({ field: "source.key", message: `the query returns no column ${JSON.stringify(key)} (columns: ${r.table.columns.map((c) => c.name).join(", ")})` });
    if (p.outputColumn) problems.push({ field: "output.column", message: "a SQL source writes to the predictions table; leave output.column out, or read a table to write back to its column" });
    resolved = { table: r.table, from: `(${r.sql}) AS src`, isSql: true, key, keyType: key ? (r.sqlTypes.get(key) ?? null) : null };
  } else {
    const table = await describeTable(db, src!.table as string, "source.table");
    const cols = new Map(table.columns.map((c) => [c.name, c]));
    const key = src!.key ?? (table.primaryKey.length === 1 ? table.primaryKey[0]! : null);
    const keyCol = key ? cols.get(key) : undefined;
    if (!key) problems.push({ field: "source.key", message: `${table.name} has no single-column primary key; name a unique column as key` });
    else if (!keyCol) problems.push({ field: "source.key", message: `${table.name} has no column ${JSON.stringify(key)}` });
    else if (!keyCol.isPrimaryKey && !keyCol.isUnique) problems.push({ field: "source.key", message: `${key} is not unique; rows could not be written back by it` });
    const out = p.outputColumn ?? null;
    if (out !== null && !cols.has(out)) problems.push({ field: "output.column", message: `${table.name} has no column ${JSON.stringify(out)}` });
    resolved = { table, from: quoteIdent(table.name), isSql: false, key, keyType: keyCol ? castType(keyCol) : null };
  }
  const batchSize = p.batchSize ?? 5000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > maxBatch) problems.push({ field: "batchSize", message: `expected 1–${maxBatch}; got ${batchSize}` });
  try {
    buildWhere(resolved.table, src!.filter, []);
  } catch (err) {
    if (err instanceof BadUserInputError) problems.push(...((err.extensions.problems as InputProblem[]) ?? [{ field: "source.filter", message: err.message }]));
    else throw err;
  }
  return resolved;
}

const fail = (problems: InputProblem[]): never => {
  throw new BadUserInputError(`runBatchInference has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`, { problems });
};

/**
 * Checks a batch inference's source, key, output and batch size without the model — for a
 * pipeline step whose model an earlier step trains. The full check runs when the step starts.
 */
export async function checkBatchInferenceSource(db: Database, catalog: (() => Promise<Catalog>) | undefined, raw: unknown, maxBatch: number): Promise<void> {
  const problems: InputProblem[] = [];
  await resolveSource(db, catalog, raw as Partial<BatchInferenceParams>, maxBatch, problems);
  if (problems.length) fail(problems);
}

/** Resolves and checks everything before the job is stored, listing every problem. */
export async function validateBatchInference(db: Database, registry: ModelRegistry, raw: unknown, maxBatch: number, catalog?: () => Promise<Catalog>): Promise<BatchInferenceParams> {
  const p = raw as Partial<BatchInferenceParams> & { source?: BatchInferenceParams["source"] };
  if (!p?.model) throw new BadUserInputError("model is required.", { problems: [{ field: "model", message: "missing" }] });
  const rec = await registry.get(p.model, p.version ?? null);
  if (rec.status !== "READY") throw new BadUserInputError(`Model ${rec.name} version ${rec.version} is ${rec.status}.`);
  if (p.version === undefined || p.version === null) {
    const active = await registry.activeVersion(p.model);
    if (active === null) throw new BadUserInputError(`Model ${p.model} has no active version; pass a version or activate one.`, { problems: [{ field: "version", message: "no active version" }] });
  }
  const problems: InputProblem[] = [];
  const src = await resolveSource(db, catalog, p, maxBatch, problems);
  if (!src) return fail(problems);
  const { table, key } = src;
  const cols = new Map(table.columns.map((c) => [c.name, c]));
  const where = src.isSql ? "the query" : table.name;
  for (const f of rec.featureSchema as FeatureSpec[]) {
    if (!cols.has(f.name)) problems.push({ field: src.isSql ? "source.sql" : "source.table", message: `${where} lacks the model's feature column ${f.name}` });
  }
  const out = p.outputColumn ?? null;
  const oc = out !== null ? cols.get(out) : undefined;
  if (oc && !src.isSql) {
    if (out === key || (rec.featureSchema as FeatureSpec[]).some((f) => f.name === out)) problems.push({ field: "output.column", message: `${out} is the key or a feature; write predictions to another column` });
    else if (rec.task === "REGRESSION" && !["integer", "number", "text"].includes(oc.kind)) problems.push({ field: "output.column", message: `a regression writes numbers; ${out} is ${oc.sqlType}` });
    else if (rec.task === "CLASSIFICATION" && !["text", "enum", "boolean"].includes(oc.kind)) problems.push({ field: "output.column", message: `a classifier writes labels; ${out} is ${oc.sqlType}` });
  }
  if (problems.length) fail(problems);
  const source = src.isSql ? { sql: p.source!.sql!, filter: p.source?.filter ?? null, key } : { table: table.name, filter: p.source?.filter ?? null, key };
  return { model: rec.name, version: rec.version, source, outputColumn: out, batchSize: p.batchSize ?? 5000 };
}

function stored(out: PredictionOut): unknown {
  return out.probabilities
    ? { prediction: out.prediction, probabilities: Object.fromEntries(out.probabilities.map((p) => [p.label, p.probability])) }
    : { prediction: out.prediction };
}

type Loaded = Awaited<ReturnType<InferenceService["loadOwned"]>>;

interface HandlerDeps {
  db: Database;
  registry: ModelRegistry;
  inference: InferenceService;
  maxBatch: number;
  /** The catalog, for SELECT sources (allow-listed tables). */
  catalog?: () => Promise<Catalog>;
  invalidateTables?: (tables: string[]) => Promise<void>;
}

/** Splits rows into model inputs and rejected records (rows that do not fit the feature schema, or `extra` says why not). */
function sortRows(m: Loaded, rows: Array<Record<string, unknown>>, batchNo: number, firstIndex: number, extra: (row: Record<string, unknown>, i: number) => string | null = () => null) {
  const featureNames = m.featureSchema.map((f) => f.name);
  const keys: string[] = [];
  const inputs: Record<string, unknown>[] = [];
  const rejected: RejectedRecord[] = [];
  rows.forEach((row, i) => {
    const input = Object.fromEntries(featureNames.map((f) => [f, row[f]]));
    const why = extra(row, i);
    const problems = why ? [] : inputProblems(m.featureSchema, input, "row");
    if (why || problems.length) {
      rejected.push({ batch: batchNo, rowIndex: firstIndex + i, reason: why ?? problems.map((x) => `${x.field}: ${x.message}`).join("; "), record: { key: row.__key, ...input } });
    } else {
      keys.push(row.__key as string);
      inputs.push(input);
    }
  });
  return { keys, inputs, rejected };
}

async function insertPredictions(tx: SqlRunner, table: string, m: Loaded, jobId: string, keys: string[], values: PredictionOut[]): Promise<void> {
  await tx.query(
    `INSERT INTO ${table} (model_name, model_version, row_key, prediction, job_id) SELECT $1, $2, u.k, u.p::jsonb, $3 FROM unnest($4::text[], $5::text[]) AS u(k, p)`,
    [m.name, m.version, jobId, keys, values.map((v) => JSON.stringify(stored(v)))],
  );
}

export function batchInferenceHandler(deps: HandlerDeps): JobHandler<BatchInferenceParams, Checkpoint> {
  return {
    kind: "BATCH_INFERENCE",
    validate: (raw) => validateBatchInference(deps.db, deps.registry, raw, deps.maxBatch, deps.catalog),
    async run(ctx: JobContext<BatchInferenceParams, Checkpoint>): Promise<JobResult> {
      // Its own copy: activating or deleting versions meanwhile must not free the model under this job.
      const m = await deps.inference.loadOwned(ctx.params.model, ctx.params.version);
      try {
        return ctx.params.source.sql ? await runSqlSource(deps, ctx, m) : await runTableSource(deps, ctx, m);
      } finally {
        m.booster.free();
      }
    },
  };
}

/** A table source: keyset pages in key order, the key unique by validation. */
async function runTableSource(deps: HandlerDeps, ctx: JobContext<BatchInferenceParams, Checkpoint>, m: Loaded): Promise<JobResult> {
  const p = ctx.params;
  const table = await describeTable(deps.db, p.source.table!, "source.table");
  const cols = new Map(table.columns.map((c) => [c.name, c]));
  const keyCol = cols.get(p.source.key!)!;
  const featureNames = m.featureSchema.map((f) => f.name);
  const baseParams: unknown[] = [];
  const where = buildWhere(table, p.source.filter, baseParams);
  const k = quoteIdent(keyCol.name);
  const selectCols = [keyCol.name, ...featureNames.filter((f) => f !== keyCol.name)].map(quoteIdent).join(", ");
  const t = quoteIdent(table.name);
  const totalRes = await deps.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}${where}`, baseParams);
  const total = Number(totalRes.rows[0]!.n);
  let lastKey = ctx.checkpoint?.lastKey ?? null;
  let batchNo = ctx.committed.batches;
  let done = ctx.committed.done;
  const outCol = p.outputColumn ? cols.get(p.outputColumn)! : null;
  await ctx.progress(done, total, lastKey === null ? "starting" : `resuming after key ${lastKey}`);
  for (;;) {
    if (ctx.signal.aborted) break;
    const params = [...baseParams];
    let cond = where;
    if (lastKey !== null) {
      params.push(lastKey);
      cond = `${where ? `${where} AND` : " WHERE"} ${k} > $${params.length}::${castType(keyCol)}`;
    }
    params.push(p.batchSize);
    const res = await deps.db.query<Record<string, unknown>>(`SELECT ${selectCols}, ${k}::text AS "__key" FROM ${t}${cond} ORDER BY ${k} LIMIT $${params.length}`, params);
    if (res.rows.length === 0) break;
    const { keys, inputs, rejected } = sortRows(m, res.rows, batchNo, done);
    const outs = inputs.length ? m.booster.predict(inputs.map(m.encode)) : [];
    const values = outs.map((raw) => deps.inference.toOutput(m, raw));
    const newLast = res.rows[res.rows.length - 1]!.__key as string;
    await ctx.commitBatch(
      async (tx) => {
        if (!keys.length) return;
        if (outCol) {
          await tx.query(
            `UPDATE ${t} SET ${quoteIdent(outCol.name)} = u.v::${castType(outCol)} FROM unnest($1::text[], $2::text[]) AS u(k, v) WHERE ${t}.${k} = u.k::${castType(keyCol)}`,
            [keys, values.map((v) => String(v.prediction))],
          );
        } else await insertPredictions(tx, deps.db.gateway.table("predictions"), m, ctx.jobId, keys, values);
      },
      { checkpoint: { lastKey: newLast }, accepted: keys.length, rejected, retried: 0, done: done + res.rows.length, total, message: `model ${m.name} v${m.version}: through key ${newLast}` },
    );
    if (keys.length) await deps.invalidateTables?.([outCol ? table.name : "predictions"]);
    lastKey = newLast;
    done += res.rows.length;
    batchNo++;
    if (res.rows.length < p.batchSize) break;
  }
  return { accepted: ctx.committed.accepted, rejected: ctx.committed.rejected, result: { model: m.name, version: m.version, output: p.outputColumn ? `${table.name}.${p.outputColumn}` : "predictions" } };
}

/**
 * A SELECT source: one server-side cursor over the guarded query in the order
 * (key NULLS LAST, whole row as text) — streamed, not re-run per page, and a
 * total order even when the query's key repeats. A resumed job re-opens the
 * cursor at its checkpoint: rows with a key ≥ the last one (plus null keys),
 * skipping the `sameKey` rows of that key already done. Null and repeated keys
 * are rejected records: a prediction is stored by key.
 */
async function runSqlSource(deps: HandlerDeps, ctx: JobContext<BatchInferenceParams, Checkpoint>, m: Loaded): Promise<JobResult> {
  const p = ctx.params;
  if (!deps.catalog) throw new Error("SQL sources need the catalog, which this process does not have");
  const r = await resolveSqlSource(deps.db, await deps.catalog(), p.source.sql!);
  const key = p.source.key!;
  const keyType = r.sqlTypes.get(key);
  if (!keyType) throw new Error(`the query no longer returns the key column ${key}`);
  const featureNames = m.featureSchema.map((f) => f.name);
  const baseParams: unknown[] = [];
  const filter = buildWhere(r.table, p.source.filter, baseParams);
  const k = `src.${quoteIdent(key)}`;
  const from = `(${r.sql}) AS src`;
  const total = Number((await deps.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${from}${filter}`, baseParams)).rows[0]!.n);
  let lastKey = ctx.checkpoint?.lastKey ?? null;
  let sameKey = ctx.checkpoint?.sameKey ?? 0;
  let inNulls = ctx.checkpoint?.inNulls ?? false;
  let batchNo = ctx.committed.batches;
  let done = ctx.committed.done;
  const params = [...baseParams];
  const conds = filter ? [filter.replace(/^ WHERE /, "")] : [];
  if (inNulls) conds.push(`${k} IS NULL`);
  else if (lastKey !== null) {
    params.push(lastKey);
    conds.push(`(${k} >= $${params.length}::${keyType} OR ${k} IS NULL)`);
  }
  const selectCols = featureNames.map((f) => `src.${quoteIdent(f)}`).join(", ");
  const sql = `SELECT ${selectCols}, ${k}::text AS "__key" FROM ${from}${conds.length ? ` WHERE ${conds.join(" AND ")}` : ""} ORDER BY ${k} NULLS LAST, src::text OFFSET ${sameKey}`;
  await ctx.progress(done, total, lastKey === null && !inNulls ? "starting" : `resuming at key ${inNulls ? "null" : lastKey}`);
  for await (const chunk of deps.db.stream<Record<string, unknown>>(sql, params, p.batchSize)) {
    if (!chunk.rows.length) continue;
    // The batch's rows continue the run of equal keys from the checkpoint, so repeats across batches are caught too.
    let prev = lastKey;
    let prevNull = inNulls;
    let run = sameKey;
    const { keys, inputs, rejected } = sortRows(m, chunk.rows, batchNo, done, (row) => {
      const rk = row.__key as string | null;
      if (rk === null) {
        run = prevNull ? run + 1 : 1;
        prevNull = true;
        return `key ${key} is null: a prediction is stored by key`;
      }
      const repeat = !prevNull && prev === rk;
      run = repeat ? run + 1 : 1;
      prev = rk;
      return repeat ? `key ${key} = ${rk} occurs more than once in the query: a prediction is stored by key` : null;
    });
    const outs = inputs.length ? m.booster.predict(inputs.map(m.encode)) : [];
    const values = outs.map((raw) => deps.inference.toOutput(m, raw));
    const checkpoint: Checkpoint = { lastKey: prev, sameKey: run, inNulls: prevNull };
    await ctx.commitBatch(
      async (tx) => {
        if (keys.length) await insertPredictions(tx, deps.db.gateway.table("predictions"), m, ctx.jobId, keys, values);
      },
      { checkpoint, accepted: keys.length, rejected, retried: 0, done: done + chunk.rows.length, total, message: `model ${m.name} v${m.version}: through key ${prevNull ? "null" : prev}` },
    );
    if (keys.length) await deps.invalidateTables?.(["predictions"]);
    ({ lastKey, sameKey, inNulls } = { lastKey: prev, sameKey: run, inNulls: prevNull });
    done += chunk.rows.length;
    batchNo++;
    if (ctx.signal.aborted) break;
  }
  return { accepted: ctx.committed.accepted, rejected: ctx.committed.rejected, result: { model: m.name, version: m.version, output: "predictions" } };
}
