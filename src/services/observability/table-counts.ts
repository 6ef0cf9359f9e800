/** Row counts of the demo shop's tables: a cheap overview, and the cache's own demonstration query. */
import type { SqlRunner } from "../db/index.js";

export interface TableCount {
  table: string;
  rows: number;
}

/** SQL names of the demo tables, the tags a cached tableCounts answer carries. */
export const DEMO_TABLES = ["categories", "customers", "order_items", "orders", "products", "reviews"] as const;

/** Counts exactly; a demo table that does not exist (no demo in this database) counts 0 rows. */
export async function countDemoTables(db: SqlRunner): Promise<TableCount[]> {
  const present = (await db.query<{ t: string }>(`SELECT t FROM unnest($1::text[]) AS t WHERE to_regclass(t) IS NOT NULL`, [[...DEMO_TABLES]])).rows.map((r) => r.t);
  const counts = new Map<string, number>();
  if (present.length) {
    // The names come from DEMO_TABLES, never from a caller.
    const { rows } = await db.query<{ t: string; n: number }>(present.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(" UNION ALL "));
    for (const r of rows) counts.set(r.t, r.n);
  }
  return DEMO_TABLES.map((table) => ({ table, rows: counts.get(table) ?? 0 }));
}
