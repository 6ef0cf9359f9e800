/**
 * Training from a SELECT: the statement passes the SQL guard (one plain SELECT
 * over allow-listed tables, no dangerous functions), then is probed with
 * LIMIT 0 so its result columns can be described like a table's.
 */
import type { Catalog, CatalogColumn, CatalogTable } from "../catalog/types.js";
import type { Database } from "../db/database.js";
import { BadUserInputError } from "../errors.js";
import { guardSql, loadGuard } from "../nlsql/guard.js";


const kindByOid: Record<number, CatalogColumn["kind"]> = {
  20: "integer", 21: "integer", 23: "integer",
  700: "number", 701: "number", 1700: "number",
  25: "text", 1043: "text", 1042: "text", 19: "text",
  16: "boolean", 1114: "timestamp", 1184: "timestamp", 1082: "date",
  114: "json", 3802: "json", 2950: "uuid",
};

export interface ResolvedSql {
  table: CatalogTable;
  /** The guarded statement, ready to use as a subquery. */
  sql: string;
  /** Each result column's PostgreSQL type as SQL spells it (format_type), for casting parameters compared with it. */
  sqlTypes: Map<string, string>;
}

export async function resolveSqlSource(db: Database, catalog: Catalog, sql: string): Promise<ResolvedSql> {
  await loadGuard();
  // The catalog holds user tables only (never the gateway's schema): those are what a SELECT may read.
  const tables = catalog.tables.map((t) => ({ schema: t.schema, name: t.name }));
  const guarded = guardSql(sql, { tables, searchPath: [...new Set(catalog.tables.map((t) => t.schema))], maxRows: 2_000_000_000 });
  let fields;
  try {
    fields = (await db.query(`SELECT * FROM (${guarded.sql}) AS src LIMIT 0`)).fields;
  } catch (err) {
    throw new BadUserInputError(`source.sql does not run: ${(err as Error).message.split("\n")[0]}`, { problems: [{ field: "source.sql", message: "invalid" }] });
  }
  const names = fields.map((f) => f.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new BadUserInputError(`source.sql returns two columns named ${dup}; give them distinct aliases.`, { problems: [{ field: "source.sql", message: "duplicate column" }] });
  const oids = [...new Set(fields.map((f) => f.dataTypeID))];
  const types = new Map<number, { name: string; enumValues: string[] | null }>();
  if (oids.length) {
    const res = await db.query<{ oid: number; name: string; labels: string[] | null }>(
      `SELECT t.oid::int AS oid, format_type(t.oid, NULL) AS name,
              CASE WHEN t.typtype = 'e' THEN (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) END AS labels
         FROM pg_type t WHERE t.oid = ANY($1::oid[])`,
      [oids],
    );
    for (const r of res.rows) types.set(Number(r.oid), { name: r.name, enumValues: r.labels });
  }
  const sqlTypes = new Map(fields.map((f) => [f.name, types.get(f.dataTypeID)?.name ?? "text"]));
  const columns: CatalogColumn[] = fields.map((f) => {
    const known = f.dataTypeID in kindByOid;
    const t = known ? undefined : types.get(f.dataTypeID);
    return {
      name: f.name,
      fieldName: null,
      sqlType: t ? t.name.replace(/^"|"$/g, "") : (kindByOid[f.dataTypeID] ?? "unknown"),
      kind: t?.enumValues ? "enum" : (kindByOid[f.dataTypeID] ?? "other"),
      nullable: true,
      hasDefault: false,
      isPrimaryKey: false,
      isUnique: false,
      enumValues: t?.enumValues ?? null,
      references: null,
      description: null,
      synonyms: [],
      knownValues: null,
    };
  });
  const table: CatalogTable = { schema: "", name: "query", modelName: null, description: null, synonyms: [], definitions: {}, primaryKey: [], columns, rowEstimate: 0 };
  return { table, sql: guarded.sql, sqlTypes };
}
