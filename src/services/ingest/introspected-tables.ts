/**
 * A minimal pg_catalog introspection of the public schema's tables as
 * CatalogTables, so ingestion and transforms can write to user tables that
 * the catalog service leaves out of its NL allow-list (NL_TABLES). Other
 * names (`Order`, `customerId`) come from `@name` tags in COMMENT ON, as in
 * the catalog. The gateway's tables are in their own schema, never here.
 */
import type { Database } from "../db/index.js";
import type { Catalog, CatalogColumn, CatalogTable } from "../catalog/types.js";
import { parseSmartComment, smartName } from "../catalog/index.js";

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

/** Every base table of the public schema, for writes to tables the catalog does not expose (it shows NL only the modelled ones). */
export class IntrospectedTables {
  private cached: Promise<Catalog> | null = null;
  constructor(private readonly db: Database) {}

  catalog(): Promise<Catalog> {
    this.cached ??= this.build().catch((err) => {
      this.cached = null;
      throw err;
    });
    return this.cached;
  }

  forget(): void {
    this.cached = null;
  }

  private async build(): Promise<Catalog> {
    const res = await this.db.query<{ table: string; column: string; type: string; typtype: string; notnull: boolean; hasdefault: boolean; enumvalues: string[] | null; pk: boolean; uq: boolean; tcomment: string | null; ccomment: string | null }>(
      `SELECT c.relname::text AS table, a.attname::text AS column, obj_description(c.oid, 'pg_class') AS tcomment, col_description(c.oid, a.attnum) AS ccomment, format_type(a.atttypid, a.atttypmod) AS type, t.typtype::text AS typtype,
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
    const tables = new Map<string, CatalogTable>();
    for (const r of res.rows) {
      let t = tables.get(r.table);
      if (!t) {
        t = { schema: "public", name: r.table, modelName: smartName(parseSmartComment(r.tcomment)), description: null, synonyms: [], definitions: {}, primaryKey: [], columns: [], rowEstimate: 0 };
        tables.set(r.table, t);
      }
      const kind = kindOf(r.type, r.typtype);
      t.columns.push({
        name: r.column,
        fieldName: smartName(parseSmartComment(r.ccomment)),
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

