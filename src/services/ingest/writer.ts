/**
 * The fast write paths: one statement per batch (per column set), values
 * shipped as text arrays and cast by PostgreSQL — `INSERT … SELECT FROM
 * unnest(…)`, `… ON CONFLICT (key) DO UPDATE` for upserts, `UPDATE … FROM
 * unnest(…)` for batch updates. Never row by row, never createMany.
 */
import type { SqlRunner } from "../db/index.js";
import { quoteIdent } from "../db/index.js";
import type { WritableTable } from "./tables.js";
import type { WriteMode } from "./coerce.js";

export interface WriteRow {
  /** Position of the record inside the batch. */
  index: number;
  columns: string[];
  values: Array<string | null>;
}

/** Writes rows that share one column set; returns the batch indexes that matched no row (UPDATE only). */
export async function writeRows(tx: SqlRunner, target: WritableTable, mode: WriteMode, key: string[], rows: WriteRow[]): Promise<number[]> {
  if (!rows.length) return [];
  const columns = rows[0]!.columns;
  const typeOf = (c: string) => {
    const col = target.column(c)!;
    // The catalog gives enum types unquoted ("OrderStatus"); unquoted they would fold to lower case.
    return col.kind === "enum" && !col.sqlType.startsWith('"') ? quoteIdent(col.sqlType) : col.sqlType;
  };
  const params = columns.map((_, i) => rows.map((r) => r.values[i]!));
  const t = `${quoteIdent(target.table.schema)}.${quoteIdent(target.table.name)}`;
  const unnestArgs = columns.map((_, i) => `$${i + 1}::text[]`);
  const alias = columns.map((_, i) => `c${i}`);
  const cast = (c: string, i: number) => `u.c${i}::${typeOf(c)}`;
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
    const matched = new Set(res.rows.map((r) => Number(r.idx)));
    return rows.filter((r) => !matched.has(r.index)).map((r) => r.index);
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
