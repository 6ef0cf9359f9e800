/**
 * Reads tables, columns, keys, foreign keys, enum labels and COMMENT ON text
 * of the given schemas from pg_catalog (works on PostgreSQL and PGlite). The
 * caller decides which schemas; it never passes the gateway's or a system one.
 */
import type { SqlRunner } from "../db/index.js";
import type { CatalogColumn } from "./types.js";

export interface RawColumn {
  name: string;
  sqlType: string;
  kind: CatalogColumn["kind"];
  nullable: boolean;
  hasDefault: boolean;
  comment: string | null;
  /** Enum type name (unquoted) when the column is an enum. */
  enumType: string | null;
  enumValues: string[] | null;
  /** COMMENT ON TYPE of the column's enum. */
  enumComment: string | null;
}

export interface RawTable {
  schema: string;
  name: string;
  relkind: string;
  comment: string | null;
  reltuples: number;
  columns: RawColumn[];
  primaryKey: string[];
  /** Columns that are unique on their own (single-column unique constraint or index). */
  uniqueColumns: string[];
  foreignKeys: Array<{ columns: string[]; refSchema: string; refTable: string; refColumns: string[] }>;
}

const kindByType: Record<string, CatalogColumn["kind"]> = {
  int2: "integer", int4: "integer", int8: "integer",
  numeric: "number", float4: "number", float8: "number", money: "number",
  text: "text", varchar: "text", bpchar: "text", name: "text", citext: "text", char: "text",
  bool: "boolean",
  timestamp: "timestamp", timestamptz: "timestamp",
  date: "date",
  json: "json", jsonb: "json",
  uuid: "uuid",
};

const unquote = (t: string) => t.replace(/"/g, "");

export async function introspect(db: SqlRunner, schemas: string[]): Promise<RawTable[]> {
  const tables = await db.query<{ oid: string; schema: string; name: string; relkind: string; comment: string | null; reltuples: number }>(
    `SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind,
            obj_description(c.oid, 'pg_class') AS comment, c.reltuples::float8 AS reltuples
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY($1::text[])
        AND NOT c.relispartition
      ORDER BY n.nspname, c.relname`,
    [schemas],
  );
  const columns = await db.query<{
    oid: string; name: string; type: string; notnull: boolean; hasdef: boolean; comment: string | null;
    typtype: string; typname: string; basetypname: string | null; elemtypname: string | null; typcomment: string | null;
  }>(
    `SELECT a.attrelid::text AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, (a.atthasdef OR a.attidentity <> '') AS hasdef, col_description(a.attrelid, a.attnum) AS comment,
            t.typtype::text AS typtype, t.typname AS typname, bt.typname AS basetypname, et.typname AS elemtypname,
            CASE WHEN t.typtype = 'e' THEN obj_description(t.oid, 'pg_type') END AS typcomment
       FROM pg_catalog.pg_attribute a
       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_catalog.pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
       LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
      WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY($1::text[])
      ORDER BY a.attrelid, a.attnum`,
    [schemas],
  );
  const enums = await db.query<{ typname: string; label: string }>(
    `SELECT t.typname, e.enumlabel AS label FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
      ORDER BY t.oid, e.enumsortorder`,
  );
  const constraints = await db.query<{ oid: string; contype: string; cols: string[]; refschema: string | null; reftable: string | null; refcols: string[] | null }>(
    `SELECT con.conrelid::text AS oid, con.contype::text AS contype,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
            fn.nspname AS refschema, fc.relname AS reftable,
            CASE WHEN con.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) END AS refcols
       FROM pg_catalog.pg_constraint con
       JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
       LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
      WHERE con.contype IN ('p', 'u', 'f') AND n.nspname = ANY($1::text[])`,
    [schemas],
  );
  // A unique index (CREATE UNIQUE INDEX, Prisma's @unique) is not a constraint, so read indexes too.
  const indexes = await db.query<{ oid: string; primary: boolean; cols: string[] }>(
    `SELECT i.indrelid::text AS oid, i.indisprimary AS primary,
            ARRAY(SELECT a.attname::text FROM unnest(string_to_array(i.indkey::text, ' ')::int2[]) WITH ORDINALITY k(n, o)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) AS cols
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL AND n.nspname = ANY($1::text[])`,
    [schemas],
  );

  const enumLabels = new Map<string, string[]>();
  for (const e of enums.rows) {
    const l = enumLabels.get(e.typname) ?? [];
    l.push(e.label);
    enumLabels.set(e.typname, l);
  }
  const byOid = new Map<string, RawTable>();
  for (const t of tables.rows) {
    byOid.set(t.oid, {
      schema: t.schema, name: t.name, relkind: t.relkind, comment: t.comment, reltuples: Number(t.reltuples),
      columns: [], primaryKey: [], uniqueColumns: [], foreignKeys: [],
    });
  }
  for (const c of columns.rows) {
    const t = byOid.get(c.oid);
    if (!t) continue;
    const isEnum = c.typtype === "e";
    const base = c.basetypname ?? c.typname;
    t.columns.push({
      name: c.name,
      sqlType: unquote(c.type),
      kind: isEnum ? "enum" : c.elemtypname ? "other" : (kindByType[base] ?? "other"),
      nullable: !c.notnull,
      hasDefault: c.hasdef,
      comment: c.comment,
      enumType: isEnum ? c.typname : null,
      enumValues: isEnum ? (enumLabels.get(c.typname) ?? []) : null,
      enumComment: c.typcomment,
    });
  }
  for (const k of constraints.rows) {
    const t = byOid.get(k.oid);
    if (!t) continue;
    if (k.contype === "p") t.primaryKey = k.cols;
    else if (k.contype === "u" && k.cols.length === 1 && !t.uniqueColumns.includes(k.cols[0]!)) t.uniqueColumns.push(k.cols[0]!);
    else if (k.contype === "f" && k.reftable) t.foreignKeys.push({ columns: k.cols, refSchema: k.refschema!, refTable: k.reftable, refColumns: k.refcols ?? [] });
  }
  for (const i of indexes.rows) {
    const t = byOid.get(i.oid);
    if (!t) continue;
    if (i.primary && t.primaryKey.length === 0) t.primaryKey = i.cols;
    if (i.cols.length === 1 && !t.uniqueColumns.includes(i.cols[0]!)) t.uniqueColumns.push(i.cols[0]!);
  }
  return [...byOid.values()];
}
