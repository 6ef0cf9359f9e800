/**
 * The fast write paths: one statement per batch (per column set), never row
 * by row, never createMany. Values arrive as PostgreSQL text and are parsed
 * by PostgreSQL's own input functions, so both paths accept exactly the same
 * values:
 * - on PostgreSQL (a transaction that has `copyFrom`): `COPY table (…) FROM
 *   STDIN` for INSERT; for UPSERT and UPDATE, COPY into a session temp table
 *   of text columns, then `INSERT … SELECT … ON CONFLICT (key) DO UPDATE` or
 *   `UPDATE … FROM` it, in the same transaction;
 * - on PGlite: `INSERT … SELECT FROM unnest($1::text[], …)`, `… ON CONFLICT`
 *   and `UPDATE … FROM unnest(…)`, values shipped as text arrays.
 */
import type { CopyData, SqlRunner } from "../db/index.js";
import { quoteIdent } from "../db/index.js";
import type { WritableTable } from "./tables.js";
import type { WriteMode } from "./coerce.js";
import { copyTextData, copyTextLine } from "./copy-text.js";

export interface WriteRow {
  /** Position of the record inside the batch. */
  index: number;
  columns: string[];
  values: Array<string | null>;
  /** The values as a COPY text line without its line break (computed on first use, kept for retries and bisecting). */
  copyLine?: string;
}

/** Writes rows that share one column set; returns the batch indexes that matched no row (UPDATE only). */
export async function writeRows(tx: SqlRunner, target: WritableTable, mode: WriteMode, key: string[], rows: WriteRow[]): Promise<number[]> {
  if (!rows.length) return [];
  // Zero columns (every value a default) cannot be COPYed; the array path says what PostgreSQL says.
  if (tx.copyFrom && rows[0]!.columns.length > 0) return copyRows(tx, target, mode, key, rows);
  if (rows[0]!.values.length !== rows[0]!.columns.length) throw new Error("rows prepared for COPY (values dropped) reached a connection without COPY");
  return unnestRows(tx, target, mode, key, rows);
}

/** INSERT of rows already encoded as COPY text (pieces written in order), straight into the table. */
export async function copyInsertText(tx: SqlRunner, target: WritableTable, columns: string[], data: CopyData): Promise<void> {
  if (!tx.copyFrom) throw new Error("COPY text reached a connection without COPY (PostgreSQL transactions only)");
  await tx.copyFrom(`COPY ${tableName(target)} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`, data);
}

const tableName = (target: WritableTable) => `${quoteIdent(target.table.schema)}.${quoteIdent(target.table.name)}`;

/**
 * The SQL type to cast a text value to. The catalog gives enum types unquoted ("OrderStatus"), which would
 * fold to lower case. Character types lose their length: an explicit cast to varchar(5) silently truncates,
 * while storing into the column refuses a longer value, as COPY does; every path refuses it alike.
 */
function typeOf(target: WritableTable, c: string): string {
  const col = target.column(c)!;
  if (col.kind === "enum" && !col.sqlType.startsWith('"')) return quoteIdent(col.sqlType);
  if (/^character varying\(\d+\)$/.test(col.sqlType)) return "character varying";
  if (/^character\(\d+\)$/.test(col.sqlType)) return "bpchar";
  return col.sqlType;
}

/** The rows' COPY text, each line encoded once and kept on its row (a retried or bisected batch reuses it). */
function copyData(rows: WriteRow[], withIndex: boolean): string {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const line = (r.copyLine ??= copyTextLine(r.values));
    // The batch position goes last, as a plain integer (no escaping needed).
    lines[i] = withIndex ? `${line}\t${r.index}` : line;
  }
  return copyTextData(lines);
}

/**
 * A temp table of `n` text columns plus the batch position, one per session
 * and column count, emptied at every commit. Rows a write copies into it are
 * taken out by the write itself (DELETE … RETURNING), so a second write in
 * the same transaction (another column set, a bisected half) starts empty.
 */
async function stageTable(tx: SqlRunner, n: number): Promise<string> {
  const name = `kz_ingest_stage_${n}`;
  const cols = Array.from({ length: n }, (_, i) => `c${i} text`).join(", ");
  await tx.query(`CREATE TEMP TABLE IF NOT EXISTS ${name} (${cols}${n ? ", " : ""}idx int) ON COMMIT DELETE ROWS`);
  return `pg_temp.${name}`;
}

async function copyRows(tx: SqlRunner, target: WritableTable, mode: WriteMode, key: string[], rows: WriteRow[]): Promise<number[]> {
  const columns = rows[0]!.columns;
  const t = tableName(target);
  if (mode === "INSERT") {
    await copyInsertText(tx, target, columns, copyData(rows, false));
    return [];
  }
  const stage = await stageTable(tx, columns.length);
  await tx.copyFrom!(`COPY ${stage} FROM STDIN`, copyData(rows, true));
  const cast = (c: string, i: number) => `u.c${i}::${typeOf(target, c)}`;
  const staged = `s AS (DELETE FROM ${stage} RETURNING *)`;
  if (mode === "UPDATE") {
    const set = columns.map((c, i) => (key.includes(c) ? null : `${quoteIdent(c)} = ${cast(c, i)}`)).filter(Boolean);
    const where = key.map((k) => `t.${quoteIdent(k)} = ${cast(k, columns.indexOf(k))}`);
    const res = await tx.query<{ idx: number }>(`WITH ${staged} UPDATE ${t} AS t SET ${set.join(", ")} FROM s AS u WHERE ${where.join(" AND ")} RETURNING u.idx`);
    return unmatchedOf(rows, res.rows);
  }
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `${quoteIdent(c)} = EXCLUDED.${quoteIdent(c)}`);
  await tx.query(
    `WITH ${staged} INSERT INTO ${t} (${columns.map(quoteIdent).join(", ")}) SELECT ${columns.map(cast).join(", ")} FROM s AS u
     ON CONFLICT (${key.map(quoteIdent).join(", ")}) ${updates.length ? `DO UPDATE SET ${updates.join(", ")}` : "DO NOTHING"}`,
  );
  return [];
}

function unmatchedOf(rows: WriteRow[], matchedRows: Array<{ idx: number | string }>): number[] {
  const matched = new Set(matchedRows.map((r) => Number(r.idx)));
  return rows.filter((r) => !matched.has(r.index)).map((r) => r.index);
}

async function unnestRows(tx: SqlRunner, target: WritableTable, mode: WriteMode, key: string[], rows: WriteRow[]): Promise<number[]> {
  const columns = rows[0]!.columns;
  const params = columns.map((_, i) => rows.map((r) => r.values[i]!));
  const t = tableName(target);
  const unnestArgs = columns.map((_, i) => `$${i + 1}::text[]`);
  const alias = columns.map((_, i) => `c${i}`);
  const cast = (c: string, i: number) => `u.c${i}::${typeOf(target, c)}`;
  if (mode === "UPDATE") {
    params.push(rows.map((r) => String(r.index)));
    const set = columns.map((c, i) => (key.includes(c) ? null : `${quoteIdent(c)} = ${cast(c, i)}`)).filter(Boolean);
    const where = key.map((k) => `t.${quoteIdent(k)} = ${cast(k, columns.indexOf(k))}`);
    const res = await tx.query<{ idx: string }>(
      `UPDATE ${t} AS t SET ${set.join(", ")}
       FROM unnest(${[...unnestArgs, `$${params.length}::text[]`].join(", ")}) AS u(${[...alias, "idx"].join(", ")})
       WHERE ${where.join(" AND ")} RETURNING u.idx`,
      params,
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
