import { quoteIdent } from "../db/sql.js";
import { BadUserInputError } from "../errors.js";
import { inputProblems } from "./prepare/index.js";
import { buildWhere } from "./source.js";
import { resolveSqlSource } from "./sql-source.js";
import { describeTable } from "./table-info.js";
const castType = (c) => c.kind === "enum" ? quoteIdent(c.sqlType) : c.sqlType;
async function resolveSource(db, catalog, p, maxBatch, problems) {
  const src = p.source;
  const hasTable = !!src?.table;
  const hasSql = !!src?.sql?.trim();
  if (hasTable === hasSql) {
    problems.push({ field: "source", message: "give exactly one of table or sql (a read-only SELECT)" });
    return null;
  }
  let resolved;
  if (hasSql) {
    if (!catalog) {
      problems.push({ field: "source.sql", message: "SQL sources need the catalog, which this process does not have" });
      return null;
    }
    const r = await resolveSqlSource(db, await catalog(), src.sql);
    const key = src.key ?? null;
    if (!key) problems.push({ field: "source.key", message: `a SQL source needs key: the result column that identifies a row (columns: ${r.table.columns.map((c) => c.name).join(", ")})` });
    else if (!r.sqlTypes.has(key)) problems.push({ field: "source.key", message: `the query returns no column ${JSON.stringify(key)} (columns: ${r.table.columns.map((c) => c.name).join(", ")})` });
    if (p.outputColumn) problems.push({ field: "output.column", message: "a SQL source writes to the predictions table; leave output.column out, or read a table to write back to its column" });
    resolved = { table: r.table, from: `(${r.sql}) AS src`, isSql: true, key, keyType: key ? r.sqlTypes.get(key) ?? null : null };
  } else {
    const table = await describeTable(db, src.table, "source.table");
    const cols = new Map(table.columns.map((c) => [c.name, c]));
    const key = src.key ?? (table.primaryKey.length === 1 ? table.primaryKey[0] : null);
    const keyCol = key ? cols.get(key) : void 0;
    if (!key) problems.push({ field: "source.key", message: `${table.name} has no single-column primary key; name a unique column as key` });
    else if (!keyCol) problems.push({ field: "source.key", message: `${table.name} has no column ${JSON.stringify(key)}` });
    else if (!keyCol.isPrimaryKey && !keyCol.isUnique) problems.push({ field: "source.key", message: `${key} is not unique; rows could not be written back by it` });
    const out = p.outputColumn ?? null;
    if (out !== null && !cols.has(out)) problems.push({ field: "output.column", message: `${table.name} has no column ${JSON.stringify(out)}` });
    resolved = { table, from: quoteIdent(table.name), isSql: false, key, keyType: keyCol ? castType(keyCol) : null };
  }
  const batchSize = p.batchSize ?? 5e3;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > maxBatch) problems.push({ field: "batchSize", message: `expected 1\u2013${maxBatch}; got ${batchSize}` });
  try {
    buildWhere(resolved.table, src.filter, []);
  } catch (err) {
    if (err instanceof BadUserInputError) problems.push(...err.extensions.problems ?? [{ field: "source.filter", message: err.message }]);
    else throw err;
  }
  return resolved;
}
const fail = (problems) => {
  throw new BadUserInputError(`runBatchInference has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`, { problems });
};
async function checkBatchInferenceSource(db, catalog, raw, maxBatch) {
  const problems = [];
  await resolveSource(db, catalog, raw, maxBatch, problems);
  if (problems.length) fail(problems);
}
async function validateBatchInference(db, registry, raw, maxBatch, catalog) {
  const p = raw;
  if (!p?.model) throw new BadUserInputError("model is required.", { problems: [{ field: "model", message: "missing" }] });
  const rec = await registry.get(p.model, p.version ?? null);
  if (rec.status !== "READY") throw new BadUserInputError(`Model ${rec.name} version ${rec.version} is ${rec.status}.`);
  if (p.version === void 0 || p.version === null) {
    const active = await registry.activeVersion(p.model);
    if (active === null) throw new BadUserInputError(`Model ${p.model} has no active version; pass a version or activate one.`, { problems: [{ field: "version", message: "no active version" }] });
  }
  const problems = [];
  const src = await resolveSource(db, catalog, p, maxBatch, problems);
  if (!src) return fail(problems);
  const { table, key } = src;
  const cols = new Map(table.columns.map((c) => [c.name, c]));
  const where = src.isSql ? "the query" : table.name;
  for (const f of rec.featureSchema) {
    if (!cols.has(f.name)) problems.push({ field: src.isSql ? "source.sql" : "source.table", message: `${where} lacks the model's feature column ${f.name}` });
  }
  const out = p.outputColumn ?? null;
  const oc = out !== null ? cols.get(out) : void 0;
  if (oc && !src.isSql) {
    if (out === key || rec.featureSchema.some((f) => f.name === out)) problems.push({ field: "output.column", message: `${out} is the key or a feature; write predictions to another column` });
    else if (rec.task === "REGRESSION" && !["integer", "number", "text"].includes(oc.kind)) problems.push({ field: "output.column", message: `a regression writes numbers; ${out} is ${oc.sqlType}` });
    else if (rec.task === "CLASSIFICATION" && !["text", "enum", "boolean"].includes(oc.kind)) problems.push({ field: "output.column", message: `a classifier writes labels; ${out} is ${oc.sqlType}` });
  }
  if (problems.length) fail(problems);
  const source = src.isSql ? { sql: p.source.sql, filter: p.source?.filter ?? null, key } : { table: table.name, filter: p.source?.filter ?? null, key };
  return { model: rec.name, version: rec.version, source, outputColumn: out, batchSize: p.batchSize ?? 5e3 };
}
function stored(out) {
  return out.probabilities ? { prediction: out.prediction, probabilities: Object.fromEntries(out.probabilities.map((p) => [p.label, p.probability])) } : { prediction: out.prediction };
}
function sortRows(m, rows, batchNo, firstIndex, extra = () => null) {
  const featureNames = m.featureSchema.map((f) => f.name);
  const keys = [];
  const inputs = [];
  const rejected = [];
  rows.forEach((row, i) => {
    const input = Object.fromEntries(featureNames.map((f) => [f, row[f]]));
    const why = extra(row, i);
    const problems = why ? [] : inputProblems(m.featureSchema, input, "row");
    if (why || problems.length) {
      rejected.push({ batch: batchNo, rowIndex: firstIndex + i, reason: why ?? problems.map((x) => `${x.field}: ${x.message}`).join("; "), record: { key: row.__key, ...input } });
    } else {
      keys.push(row.__key);
      inputs.push(input);
    }
  });
  return { keys, inputs, rejected };
}
async function insertPredictions(tx, m, jobId, keys, values) {
  await tx.query(
    `INSERT INTO predictions (model_name, model_version, row_key, prediction, job_id) SELECT $1, $2, u.k, u.p::jsonb, $3 FROM unnest($4::text[], $5::text[]) AS u(k, p)`,
    [m.name, m.version, jobId, keys, values.map((v) => JSON.stringify(stored(v)))]
  );
}
function batchInferenceHandler(deps) {
  return {
    kind: "BATCH_INFERENCE",
    validate: (raw) => validateBatchInference(deps.db, deps.registry, raw, deps.maxBatch, deps.catalog),
    async run(ctx) {
      const m = await deps.inference.loadOwned(ctx.params.model, ctx.params.version);
      try {
        return ctx.params.source.sql ? await runSqlSource(deps, ctx, m) : await runTableSource(deps, ctx, m);
      } finally {
        m.booster.free();
      }
    }
  };
}
async function runTableSource(deps, ctx, m) {
  const p = ctx.params;
  const table = await describeTable(deps.db, p.source.table, "source.table");
  const cols = new Map(table.columns.map((c) => [c.name, c]));
  const keyCol = cols.get(p.source.key);
  const featureNames = m.featureSchema.map((f) => f.name);
  const baseParams = [];
  const where = buildWhere(table, p.source.filter, baseParams);
  const k = quoteIdent(keyCol.name);
  const selectCols = [keyCol.name, ...featureNames.filter((f) => f !== keyCol.name)].map(quoteIdent).join(", ");
  const t = quoteIdent(table.name);
  const totalRes = await deps.db.query(`SELECT count(*) AS n FROM ${t}${where}`, baseParams);
  const total = Number(totalRes.rows[0].n);
  let lastKey = ctx.checkpoint?.lastKey ?? null;
  let batchNo = ctx.committed.batches;
  let done = ctx.committed.done;
  const outCol = p.outputColumn ? cols.get(p.outputColumn) : null;
  await ctx.progress(done, total, lastKey === null ? "starting" : `resuming after key ${lastKey}`);
  for (; ; ) {
    if (ctx.signal.aborted) break;
    const params = [...baseParams];
    let cond = where;
    if (lastKey !== null) {
      params.push(lastKey);
      cond = `${where ? `${where} AND` : " WHERE"} ${k} > $${params.length}::${castType(keyCol)}`;
    }
    params.push(p.batchSize);
    const res = await deps.db.query(`SELECT ${selectCols}, ${k}::text AS "__key" FROM ${t}${cond} ORDER BY ${k} LIMIT $${params.length}`, params);
    if (res.rows.length === 0) break;
    const { keys, inputs, rejected } = sortRows(m, res.rows, batchNo, done);
    const outs = inputs.length ? m.booster.predict(inputs.map(m.encode)) : [];
    const values = outs.map((raw) => deps.inference.toOutput(m, raw));
    const newLast = res.rows[res.rows.length - 1].__key;
    await ctx.commitBatch(
      async (tx) => {
        if (!keys.length) return;
        if (outCol) {
          await tx.query(
            `UPDATE ${t} SET ${quoteIdent(outCol.name)} = u.v::${castType(outCol)} FROM unnest($1::text[], $2::text[]) AS u(k, v) WHERE ${t}.${k} = u.k::${castType(keyCol)}`,
            [keys, values.map((v) => String(v.prediction))]
          );
        } else await insertPredictions(tx, m, ctx.jobId, keys, values);
      },
      { checkpoint: { lastKey: newLast }, accepted: keys.length, rejected, retried: 0, done: done + res.rows.length, total, message: `model ${m.name} v${m.version}: through key ${newLast}` }
    );
    if (keys.length) await deps.invalidateTables?.([outCol ? table.name : "predictions"]);
    lastKey = newLast;
    done += res.rows.length;
    batchNo++;
    if (res.rows.length < p.batchSize) break;
  }
  return { accepted: ctx.committed.accepted, rejected: ctx.committed.rejected, result: { model: m.name, version: m.version, output: p.outputColumn ? `${table.name}.${p.outputColumn}` : "predictions" } };
}
async function runSqlSource(deps, ctx, m) {
  const p = ctx.params;
  if (!deps.catalog) throw new Error("SQL sources need the catalog, which this process does not have");
  const r = await resolveSqlSource(deps.db, await deps.catalog(), p.source.sql);
  const key = p.source.key;
  const keyType = r.sqlTypes.get(key);
  if (!keyType) throw new Error(`the query no longer returns the key column ${key}`);
  const featureNames = m.featureSchema.map((f) => f.name);
  const baseParams = [];
  const filter = buildWhere(r.table, p.source.filter, baseParams);
  const k = `src.${quoteIdent(key)}`;
  const from = `(${r.sql}) AS src`;
  const total = Number((await deps.db.query(`SELECT count(*) AS n FROM ${from}${filter}`, baseParams)).rows[0].n);
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
  for await (const chunk of deps.db.stream(sql, params, p.batchSize)) {
    if (!chunk.rows.length) continue;
    let prev = lastKey;
    let prevNull = inNulls;
    let run = sameKey;
    const { keys, inputs, rejected } = sortRows(m, chunk.rows, batchNo, done, (row) => {
      const rk = row.__key;
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
    const checkpoint = { lastKey: prev, sameKey: run, inNulls: prevNull };
    await ctx.commitBatch(
      async (tx) => {
        if (keys.length) await insertPredictions(tx, m, ctx.jobId, keys, values);
      },
      { checkpoint, accepted: keys.length, rejected, retried: 0, done: done + chunk.rows.length, total, message: `model ${m.name} v${m.version}: through key ${prevNull ? "null" : prev}` }
    );
    if (keys.length) await deps.invalidateTables?.(["predictions"]);
    ({ lastKey, sameKey, inNulls } = { lastKey: prev, sameKey: run, inNulls: prevNull });
    done += chunk.rows.length;
    batchNo++;
    if (ctx.signal.aborted) break;
  }
  return { accepted: ctx.committed.accepted, rejected: ctx.committed.rejected, result: { model: m.name, version: m.version, output: "predictions" } };
}
export {
  batchInferenceHandler,
  checkBatchInferenceSource,
  validateBatchInference
};
