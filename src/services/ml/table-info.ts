/**
 * Reads one table's columns, keys and enum labels from pg_catalog, in the
 * shared catalog shape, for training, batch inference and quality reports.
 * (The catalog service on main can replace this once it is there.)
 */
import type { CatalogColumn, CatalogTable } from "../catalog/types.js";
import type { SqlRunner } from "../db/database.js";
import { BadUserInputError } from "../errors.js";


function kindOf(sqlType: string, typtype: string): CatalogColumn["kind"] {
  if (typtype === "e") return "enum";
  if (/^(smallint|integer|bigint)$/.test(sqlType)) return "integer";
  if (/^(numeric|real|double precision)/.test(sqlType)) return "number";
  if (/^(text|character varying|character)/.test(sqlType)) return "text";
  if (sqlType === "boolean") return "boolean";
  if (sqlType.startsWith("timestamp")) return "timestamp";
  if (sqlType === "date") return "date";
  if (/^jsonb?$/.test(sqlType)) return "json";
  if (sqlType === "uuid") return "uuid";
  return "other";
}

/** Names of user tables in the public schema (the gateway's own tables live in the gateway schema, never here). */
export async function listTables(db: SqlRunner): Promise<string[]> {
  const res = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r','p','v','m') ORDER BY 1`,
  );
  return res.rows.map((r) => r.name);
}

/** Describes a table; a BAD_USER_INPUT naming the known tables when it does not exist. */
export async function describeTable(db: SqlRunner, table: string, field = "table"): Promise<CatalogTable> {
  const tables = await listTables(db);
  if (!tables.includes(table)) {
    throw new BadUserInputError(`${field}: table ${JSON.stringify(table)} does not exist. Known tables: ${tables.join(", ")}.`, {
      problems: [{ field, message: "unknown table" }],
    });
  }
  const cols = await db.query<{ name: string; sql_type: string; typtype: string; nullable: boolean; has_default: boolean; description: string | null; enum_values: string[] | null }>(
    `SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS sql_type, t.typtype::text AS typtype,
            NOT a.attnotnull AS nullable, a.atthasdef AS has_default, col_description(c.oid, a.attnum) AS description,
            (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = a.atttypid) AS enum_values
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid
      WHERE n.nspname = 'public' AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [table],
  );
  const idx = await db.query<{ primary: boolean; cols: string[] }>(
    `SELECT i.indisprimary AS primary,
            (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)) AS cols
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = $1 AND i.indisunique`,
    [table],
  );
  const fks = await db.query<{ col: string; ref_table: string; ref_col: string }>(
    `SELECT a.attname::text AS col, cf.relname::text AS ref_table, af.attname::text AS ref_col
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class cf ON cf.oid = con.confrelid
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
       JOIN pg_attribute af ON af.attrelid = con.confrelid AND af.attnum = con.confkey[1]
      WHERE con.contype = 'f' AND n.nspname = 'public' AND c.relname = $1 AND array_length(con.conkey, 1) = 1`,
    [table],
  );
  const primaryKey = idx.rows.find((r) => r.primary)?.cols ?? [];
  const unique = new Set(idx.rows.filter((r) => r.cols?.length === 1).map((r) => r.cols[0]!));
  const refs = new Map(fks.rows.map((r) => [r.col, { table: r.ref_table, column: r.ref_col }]));
  const est = await db.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = to_regclass($1)`, [`public."${table.replace(/"/g, '""')}"`]);
  return {
    schema: "public",
    name: table,
    modelName: null,
    description: null,
    synonyms: [],
    definitions: {},
    primaryKey,
    rowEstimate: Math.max(0, Number(est.rows[0]?.n ?? 0)),
    columns: cols.rows.map((c) => ({
      name: c.name,
      fieldName: null,
      sqlType: c.typtype === "e" ? c.sql_type.replace(/^"|"$/g, "") : c.sql_type,
      kind: kindOf(c.sql_type, c.typtype),
      nullable: c.nullable,
      hasDefault: c.has_default,
      isPrimaryKey: primaryKey.length === 1 && primaryKey[0] === c.name,
      isUnique: unique.has(c.name),
      enumValues: c.enum_values,
      references: refs.get(c.name) ?? null,
      description: c.description,
      synonyms: [],
      knownValues: null,
    })),
  };
}
