/**
 * Finds the table a write names (SQL name or Prisma model name) and its
 * columns, and refuses the gateway's own tables. Reads a `Catalog` when one
 * is given (the catalog service), else introspects pg_catalog itself.
 */
import type { Database } from "../db/index.js";
import type { Catalog, CatalogColumn, CatalogTable } from "../catalog/types.js";
import { BadUserInputError } from "../errors.js";

/** Tables the gateway keeps for itself: never written through ingest or batch updates. */
export const GATEWAY_OWN_TABLES = new Set(["jobs", "rejected_records", "_prisma_migrations"]);

export interface WritableTable {
  table: CatalogTable;
  /** Unique column sets (primary key first), by SQL column name. */
  uniqueKeys: string[][];
  /** Column by SQL name or Prisma field name. */
  column(name: string): CatalogColumn | undefined;
}

export interface TableSource {
  /** The current catalog (the catalog service's, or a private introspection). */
  catalog(): Promise<Catalog>;
  /** Unique column sets of a table. */
  uniqueKeys(table: string): Promise<string[][]>;
  /** Drops any cached view after writes that change what the catalog knows. */
  refresh?(): Promise<void>;
}

/** Prisma model/field names from the generated client, to map `Order` → orders, `customerId` → customer_id. */
function prismaNames(prisma: unknown): Map<string, { model: string; fields: Map<string, string> }> {
  const out = new Map<string, { model: string; fields: Map<string, string> }>();
  // The client's runtime data model (internal, but generated with the client): model → dbName, field → dbName.
  const models = (prisma as { _runtimeDataModel?: { models?: Record<string, { dbName: string | null; fields: Array<{ name: string; dbName?: string | null; kind: string }> }> } })._runtimeDataModel?.models ?? {};
  for (const [name, m] of Object.entries(models)) {
    out.set(m.dbName ?? name, { model: name, fields: new Map(m.fields.filter((f) => f.kind !== "object").map((f) => [f.dbName ?? f.name, f.name])) });
  }
  return out;
}

const kindOf = (type: string, typtype: string): CatalogColumn["kind"] => {
  if (typtype === "e") return "enum";
  if (/^(integer|bigint|smallint)$/.test(type)) return "integer";
  if (/^(numeric|real|double precision)/.test(type)) return "number";
  if (/^(text|character varying|character|citext)/.test(type)) return "text";
  if (type === "boolean") return "boolean";
  if (type.startsWith("timestamp")) return "timestamp";
  if (type === "date") return "date";
  if (type === "json" || type === "jsonb") return "json";
  if (type === "uuid") return "uuid";
  return "other";
};

/** A private, minimal introspection used until (or where) the catalog service is not wired in. */
export class IntrospectedTables implements TableSource {
  private cached: Promise<Catalog> | null = null;
  private keys = new Map<string, string[][]>();
  constructor(private readonly db: Database) {}

  catalog(): Promise<Catalog> {
    this.cached ??= this.build().catch((err) => {
      this.cached = null;
      throw err;
    });
    return this.cached;
  }

  async refresh(): Promise<void> {
    this.cached = null;
    this.keys.clear();
  }

  async uniqueKeys(table: string): Promise<string[][]> {
    const hit = this.keys.get(table);
    if (hit) return hit;
    const res = await this.db.query<{ cols: string[]; primary: boolean }>(
      `SELECT array_agg(a.attname::text ORDER BY k.ord) AS cols, i.indisprimary AS primary
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND c.relname = $1 AND i.indisunique AND i.indpred IS NULL
       GROUP BY i.indexrelid, i.indisprimary ORDER BY i.indisprimary DESC`,
      [table],
    );
    const keys = res.rows.map((r) => r.cols);
    this.keys.set(table, keys);
    return keys;
  }

  private async build(): Promise<Catalog> {
    const res = await this.db.query<{ table: string; column: string; type: string; typtype: string; notnull: boolean; hasdefault: boolean; enumvalues: string[] | null; pk: boolean; uq: boolean }>(
      `SELECT c.relname::text AS table, a.attname::text AS column, format_type(a.atttypid, a.atttypmod) AS type, t.typtype::text AS typtype,
         a.attnotnull AS notnull, (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS hasdefault,
         (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS enumvalues,
         EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY(i.indkey)) AS pk,
         EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indnatts = 1 AND i.indkey[0] = a.attnum) AS uq
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       ORDER BY c.relname, a.attnum`,
    );
    const names = prismaNames(this.db.prisma);
    const tables = new Map<string, CatalogTable>();
    for (const r of res.rows) {
      let t = tables.get(r.table);
      if (!t) {
        t = { schema: "public", name: r.table, modelName: names.get(r.table)?.model ?? null, description: null, synonyms: [], definitions: {}, primaryKey: [], columns: [], rowEstimate: 0 };
        tables.set(r.table, t);
      }
      const kind = kindOf(r.type, r.typtype);
      t.columns.push({
        name: r.column,
        fieldName: names.get(r.table)?.fields.get(r.column) ?? null,
        sqlType: r.type,
        kind,
        nullable: !r.notnull,
        hasDefault: r.hasdefault,
        isPrimaryKey: r.pk,
        isUnique: r.uq || r.pk,
        enumValues: kind === "enum" ? r.enumvalues : null,
        references: null,
        description: null,
        synonyms: [],
        knownValues: null,
      });
      if (r.pk) t.primaryKey.push(r.column);
    }
    return { version: String(Date.now()), tables: [...tables.values()], builtAt: new Date() };
  }
}

/** Resolves a table name as SQL or Prisma spells it into something writable, or explains why not. */
export async function resolveWritableTable(source: TableSource, name: string): Promise<WritableTable> {
  if (typeof name !== "string" || !name.trim()) throw new BadUserInputError("table must name a table, e.g. \"orders\" or \"Order\".", { problems: [{ field: "table", message: "empty" }] });
  const catalog = await source.catalog();
  const wanted = name.trim();
  const table =
    catalog.tables.find((t) => t.name === wanted) ??
    catalog.tables.find((t) => t.modelName === wanted) ??
    catalog.tables.find((t) => t.name.toLowerCase() === wanted.toLowerCase() || t.modelName?.toLowerCase() === wanted.toLowerCase());
  if (table && (GATEWAY_OWN_TABLES.has(table.name) || table.name.startsWith("_"))) {
    throw new BadUserInputError(`Table ${JSON.stringify(table.name)} belongs to the gateway and cannot be written through ingest or batch updates.`, { problems: [{ field: "table", message: "not writable" }] });
  }
  if (!table) {
    const writable = catalog.tables.filter((t) => !GATEWAY_OWN_TABLES.has(t.name) && !t.name.startsWith("_")).map((t) => (t.modelName ? `${t.name} (${t.modelName})` : t.name));
    throw new BadUserInputError(`Unknown table ${JSON.stringify(wanted)}. Writable tables: ${writable.join(", ")}.`, { problems: [{ field: "table", message: "unknown" }] });
  }
  const byName = new Map<string, CatalogColumn>();
  for (const c of table.columns) {
    byName.set(c.name, c);
    if (c.fieldName) byName.set(c.fieldName, c);
  }
  const uniqueKeys = await source.uniqueKeys(table.name);
  return { table, uniqueKeys, column: (n) => byName.get(n) };
}
