/**
 * BATCH_INFERENCE jobs: reads a table in key order (keyset pages, so a resumed
 * job continues after the last committed key), predicts each row with a pinned
 * model version, and writes the predictions, in the same transaction as the
 * job's checkpoint, to the `predictions` table or to a column of the source
 * table by key. Rows that do not fit the feature schema become rejected records.
 */
import type { CatalogColumn } from "../catalog/types.js";
import type { Database } from "../db/database.js";
import { quoteIdent } from "../db/sql.js";
import { BadUserInputError, type InputProblem } from "../errors.js";
import type { JobContext, JobHandler, JobResult, RejectedRecord } from "../jobs/types.js";
import type { InferenceService, PredictionOut } from "./inference.service.js";
import { inputProblems, type FeatureSpec } from "./prepare/index.js";
import type { ModelRegistry } from "./registry.service.js";
import { buildWhere, type SourceInput } from "./source.js";
import { describeTable } from "./table-info.js";

export interface BatchInferenceParams {
  model: string;
  /** Pinned at submission (the active version when not given), so a resumed job keeps using it. */
  version: number;
  source: SourceInput & { key?: string | null };
  /** A column of the source table to write to; absent means the predictions table. */
  outputColumn: string | null;
  batchSize: number;
}

interface Checkpoint {
  lastKey: string | null;
}

const castType = (c: CatalogColumn) => (c.kind === "enum" ? quoteIdent(c.sqlType) : c.sqlType);

/** Resolves and checks everything before the job is stored, listing every problem. */
export async function validateBatchInference(db: Database, registry: ModelRegistry, raw: unknown, maxBatch: number): Promise<BatchInferenceParams> {
  const p = raw as Partial<BatchInferenceParams> & { source?: BatchInferenceParams["source"] };
  if (!p?.model) throw new BadUserInputError("model is required.", { problems: [{ field: "model", message: "missing" }] });
  const rec = await registry.get(p.model, p.version ?? null);
  if (rec.status !== "READY") throw new BadUserInputError(`Model ${rec.name} version ${rec.version} is ${rec.status}.`);
  if (p.version === undefined || p.version === null) {
    const active = await registry.activeVersion(p.model);
    if (active === null) throw new BadUserInputError(`Model ${p.model} has no active version; pass a version or activate one.`, { problems: [{ field: "version", message: "no active version" }] });
  }
  const table = await describeTable(db, p.source?.table as string, "source.table");
  const cols = new Map(table.columns.map((c) => [c.name, c]));
  const problems: InputProblem[] = [];
  const key = p.source?.key ?? (table.primaryKey.length === 1 ? table.primaryKey[0]! : null);
  const keyCol = key ? cols.get(key) : undefined;
  if (!key) problems.push({ field: "source.key", message: `${table.name} has no single-column primary key; name a unique column as key` });
  else if (!keyCol) problems.push({ field: "source.key", message: `${table.name} has no column ${JSON.stringify(key)}` });
  else if (!keyCol.isPrimaryKey && !keyCol.isUnique) problems.push({ field: "source.key", message: `${key} is not unique; rows could not be written back by it` });
  for (const f of rec.featureSchema as FeatureSpec[]) {
    if (!cols.has(f.name)) problems.push({ field: "source.table", message: `${table.name} lacks the model's feature column ${f.name}` });
  }
  const out = p.outputColumn ?? null;
  if (out !== null) {
    const oc = cols.get(out);
    if (!oc) problems.push({ field: "output.column", message: `${table.name} has no column ${JSON.stringify(out)}` });
    else if (out === key || (rec.featureSchema as FeatureSpec[]).some((f) => f.name === out)) problems.push({ field: "output.column", message: `${out} is the key or a feature; write predictions to another column` });
    else if (rec.task === "REGRESSION" && !["integer", "number", "text"].includes(oc.kind)) problems.push({ field: "output.column", message: `a regression writes numbers; ${out} is ${oc.sqlType}` });
    else if (rec.task === "CLASSIFICATION" && !["text", "enum", "boolean"].includes(oc.kind)) problems.push({ field: "output.column", message: `a classifier writes labels; ${out} is ${oc.sqlType}` });
  }
  const batchSize = p.batchSize ?? 5000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > maxBatch) problems.push({ field: "batchSize", message: `expected 1–${maxBatch}; got ${batchSize}` });
  try {
    buildWhere(table, p.source?.filter, []);
  } catch (err) {
    if (err instanceof BadUserInputError) problems.push(...((err.extensions.problems as InputProblem[]) ?? [{ field: "source.filter", message: err.message }]));
    else throw err;
  }
  if (problems.length) throw new BadUserInputError(`runBatchInference has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`, { problems });
  return { model: rec.name, version: rec.version, source: { table: table.name, filter: p.source?.filter ?? null, key }, outputColumn: out, batchSize };
}

function stored(out: PredictionOut): unknown {
  return out.probabilities
    ? { prediction: out.prediction, probabilities: Object.fromEntries(out.probabilities.map((p) => [p.label, p.probability])) }
    : { prediction: out.prediction };
}

export function batchInferenceHandler(deps: {
  db: Database;
  registry: ModelRegistry;
  inference: InferenceService;
  maxBatch: number;
  invalidateTables?: (tables: string[]) => Promise<void>;
}): JobHandler<BatchInferenceParams, Checkpoint> {
  return {
    kind: "BATCH_INFERENCE",
    validate: (raw) => validateBatchInference(deps.db, deps.registry, raw, deps.maxBatch),
    async run(ctx: JobContext<BatchInferenceParams, Checkpoint>): Promise<JobResult> {
      const p = ctx.params;
      const table = await describeTable(deps.db, p.source.table!, "source.table");
      const cols = new Map(table.columns.map((c) => [c.name, c]));
      const keyCol = cols.get(p.source.key!)!;
      // Its own copy: activating or deleting versions meanwhile must not free the model under this job.
      const m = await deps.inference.loadOwned(p.model, p.version);
      try {
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
          const keys: string[] = [];
          const inputs: Record<string, unknown>[] = [];
          const rejected: RejectedRecord[] = [];
          res.rows.forEach((row, i) => {
            const input = Object.fromEntries(featureNames.map((f) => [f, row[f]]));
            const problems = inputProblems(m.featureSchema, input, "row");
            if (problems.length) {
              rejected.push({ batch: batchNo, rowIndex: done + i, reason: problems.map((x) => `${x.field}: ${x.message}`).join("; "), record: { key: row.__key, ...input } });
            } else {
              keys.push(row.__key as string);
              inputs.push(input);
            }
          });
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
              } else {
                await tx.query(
                  `INSERT INTO predictions (model_name, model_version, row_key, prediction, job_id) SELECT $1, $2, u.k, u.p::jsonb, $3 FROM unnest($4::text[], $5::text[]) AS u(k, p)`,
                  [m.name, m.version, ctx.jobId, keys, values.map((v) => JSON.stringify(stored(v)))],
                );
              }
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
      } finally {
        m.booster.free();
      }
    },
  };
}
