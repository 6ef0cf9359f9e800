import { quoteIdent } from "../db/index.js";
import { copyTextData, copyTextLine } from "./copy-text.js";
async function writeRows(tx, target, mode, key, rows) {
  if (!rows.length) return [];
  if (tx.copyFrom && rows[0].columns.length > 0) return copyRows(tx, target, mode, key, rows);
  if (rows[0].values.length !== rows[0].columns.length) throw new Error("rows prepared for COPY (values dropped) reached a connection without COPY");
  return unnestRows(tx, target, mode, key, rows);
}
async function copyInsertText(tx, target, columns, data) {
  if (!tx.copyFrom) throw new Error("COPY text reached a connection without COPY (PostgreSQL transactions only)");
  await tx.copyFrom(`COPY ${tableName(target)} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`, data);
}
const tableName = (target) => `${quoteIdent(target.table.schema)}.${quoteIdent(target.table.name)}`;
function typeOf(target, c) {
  const col = target.column(c);
  if (col.kind === "enum" && !col.sqlType.startsWith('"')) return quoteIdent(col.sqlType);
  if (/^character varying\(\d+\)$/.test(col.sqlType)) return "character varying";
  if (/^character\(\d+\)$/.test(col.sqlType)) return "bpchar";
  return col.sqlType;
}
function copyData(rows, withIndex) {
  const lines = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const line = r.copyLine ??= copyTextLine(r.values);
    lines[i] = withIndex ? `${line}	${r.index}` : line;
  }
  return copyTextData(lines);
}
async function stageTable(tx, n) {
  const name = `kz_ingest_stage_${n}`;
  const cols = Array.from({ length: n }, (_, i) => `c${i} text`).join(", ");
  await tx.query(`CREATE TEMP TABLE IF NOT EXISTS ${name} (${cols}${n ? ", " : ""}idx int) ON COMMIT DELETE ROWS`);
  return `pg_temp.${name}`;
}
async function copyRows(tx, target, mode, key, rows) {
  const columns = rows[0].columns;
  const t = tableName(target);
  if (mode === "INSERT") {
    await copyInsertText(tx, target, columns, copyData(rows, false));
    return [];
  }
  const stage = await stageTable(tx, columns.length);
  await tx.copyFrom(`COPY ${stage} FROM STDIN`, copyData(rows, true));
  const cast = (c, i) => `u.c${i}::${typeOf(target, c)}`;
  const staged = `s AS (DELETE FROM ${stage} RETURNING *)`;
  if (mode === "UPDATE") {
    const set = columns.map((c, i) => key.includes(c) ? null : `${quoteIdent(c)} = ${cast(c, i)}`).filter(Boolean);
    const where = key.map((k) => `t.${quoteIdent(k)} = ${cast(k, columns.indexOf(k))}`);
    const res = await tx.query(`WITH ${staged} UPDATE ${t} AS t SET ${set.join(", ")} FROM s AS u WHERE ${where.join(" AND ")} RETURNING u.idx`);
    return unmatchedOf(rows, res.rows);
  }
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `${quoteIdent(c)} = EXCLUDED.${quoteIdent(c)}`);
  await tx.query(
    `WITH ${staged} INSERT INTO ${t} (${columns.map(quoteIdent).join(", ")}) SELECT ${columns.map(cast).join(", ")} FROM s AS u
     ON CONFLICT (${key.map(quoteIdent).join(", ")}) ${updates.length ? `DO UPDATE SET ${updates.join(", ")}` : "DO NOTHING"}`
  );
  return [];
}
function unmatchedOf(rows, matchedRows) {
  const matched = new Set(matchedRows.map((r) => Number(r.idx)));
  return rows.filter((r) => !matched.has(r.index)).map((r) => r.index);
}
async function unnestRows(tx, target, mode, key, rows) {
  const columns = rows[0].columns;
  const params = columns.map((_, i) => rows.map((r) => r.values[i]));
  const t = tableName(target);
  const unnestArgs = columns.map((_, i) => `$${i + 1}::text[]`);
  const alias = columns.map((_, i) => `c${i}`);
  const cast = (c, i) => `u.c${i}::${typeOf(target, c)}`;
  if (mode === "UPDATE") {
    params.push(rows.map((r) => String(r.index)));
    const set = columns.map((c, i) => key.includes(c) ? null : `${quoteIdent(c)} = ${cast(c, i)}`).filter(Boolean);
    const where = key.map((k) => `t.${quoteIdent(k)} = ${cast(k, columns.indexOf(k))}`);
    const res = await tx.query(
      `UPDATE ${t} AS t SET ${set.join(", ")}
       FROM unnest(${[...unnestArgs, `$${params.length}::text[]`].join(", ")}) AS u(${[...alias, "idx"].join(", ")})
       WHERE ${where.join(" AND ")} RETURNING u.idx`,
      params
    );
    return unmatchedOf(rows, res.rows);
  }
  let sql = `INSERT INTO ${t} (${columns.map(quoteIdent).join(", ")})
    SELECT ${columns.map(cast).join(", ")} FROM unnest(${unnestArgs.join(", ")}) AS u(${alias.join(", ")})`;
  if (mode === "UPSERT") {
    const updates = columns.filter((c) => !key.includes(c)).map((c) => `${quoteIdent(c)} = EXCLUDED.${quoteIdent(c)}`);
    sql += ` ON CONFLICT (${key.map(quoteIdent).join(", ")}) ${updates.length ? `DO UPDATE SET ${updates.join(", ")}` : "DO NOTHING"}`;
  }
  await tx.query(sql, params);
  return [];
}
export {
  copyInsertText,
  writeRows
};
