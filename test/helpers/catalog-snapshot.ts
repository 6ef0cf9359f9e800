/**
 * A snapshot of every object definition in a database outside one schema (the gateway's): schemas,
 * relations (with comments and grants), columns, types, functions, constraints, indexes and triggers, by
 * name and definition (never by oid). Two snapshots are equal when nothing was created, altered or
 * dropped there. PostgreSQL's own per-session and TOAST schemas (pg_temp_N, pg_toast…) are left out: the
 * server makes those itself (a session's first temporary table, any table's TOAST).
 */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export type CatalogSnapshot = Record<string, string[]>;

/** $1 is the schema left out, or (for a snapshot of one schema) $2 the only one kept. */
const kept = (nsp: string) => `${nsp} <> $1 AND ${nsp} <> 'pg_toast' AND ${nsp} !~ '^pg_(toast_)?temp_' AND ($2::text IS NULL OR ${nsp} = $2)`;

const SECTIONS: Record<string, string> = {
  pg_namespace: `SELECT n.nspname || ' ' || coalesce(n.nspacl::text, '') AS d FROM pg_catalog.pg_namespace n WHERE ${kept("n.nspname")}`,
  pg_class: `SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || c.relpersistence::text || ' ' || coalesce(c.relacl::text, '') || ' ' || coalesce(c.reloptions::text, '')
                    || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '') || ' ' || coalesce(CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END, '') AS d
               FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE ${kept("n.nspname")}`,
  pg_attribute: `SELECT n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || ' ' || a.attnum
                        || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' ' || coalesce(col_description(c.oid, a.attnum), '') AS d
                   FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                   LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                  WHERE a.attnum > 0 AND NOT a.attisdropped AND ${kept("n.nspname")}`,
  pg_type: `SELECT n.nspname || '.' || t.typname || ' ' || t.typtype::text || ' ' || coalesce(obj_description(t.oid, 'pg_type'), '') AS d
              FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE ${kept("n.nspname")}`,
  pg_enum: `SELECT n.nspname || '.' || t.typname || ' ' || e.enumlabel || ' ' || e.enumsortorder::text AS d
              FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE ${kept("n.nspname")}`,
  pg_proc: `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || p.prokind::text || ' ' || md5(coalesce(p.prosrc, '')) AS d
              FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE ${kept("n.nspname")}`,
  pg_constraint: `SELECT n.nspname || '.' || con.conname || ' on ' || coalesce(rn.nspname || '.' || r.relname, '-') || ' ' || con.contype::text || ' ' || pg_get_constraintdef(con.oid) AS d
                    FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
                    LEFT JOIN pg_catalog.pg_class r ON r.oid = con.conrelid LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
                   WHERE ${kept("n.nspname")}`,
  pg_index: `SELECT n.nspname || ' ' || pg_get_indexdef(i.indexrelid) AS d
               FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE ${kept("n.nspname")}`,
  pg_trigger: `SELECT n.nspname || '.' || c.relname || ' ' || regexp_replace(tg.tgname, '[0-9]+', 'N', 'g') || ' ' || tg.tgenabled::text || ' ' || tg.tgisinternal
                       || ' ' || coalesce(pn.nspname || '.' || p.proname, '') AS d
                 FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 LEFT JOIN pg_catalog.pg_proc p ON p.oid = tg.tgfoid LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
                WHERE ${kept("n.nspname")}`,
};

/** Everything outside `opts.outside` (the gateway's schema), or everything inside `opts.only`. */
export async function catalogSnapshot(query: Query, opts: { outside: string } | { only: string }): Promise<CatalogSnapshot> {
  const params = "outside" in opts ? [opts.outside, null] : ["", opts.only];
  const out: CatalogSnapshot = {};
  for (const [name, sql] of Object.entries(SECTIONS)) {
    out[name] = (await query<{ d: string }>(`${sql} ORDER BY 1`, params)).map((r) => r.d).sort();
  }
  return out;
}

/** What changed between two snapshots, per section: lines only in `after` (+) and only in `before` (-). Empty when equal. */
export function snapshotDiff(before: CatalogSnapshot, after: CatalogSnapshot): Record<string, string[]> {
  const diff: Record<string, string[]> = {};
  for (const name of Object.keys(SECTIONS)) {
    const a = new Set(before[name]);
    const b = new Set(after[name]);
    const lines = [...[...b].filter((x) => !a.has(x)).map((x) => `+ ${x}`), ...[...a].filter((x) => !b.has(x)).map((x) => `- ${x}`)];
    if (lines.length) diff[name] = lines;
  }
  return diff;
}
