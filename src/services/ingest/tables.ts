/**
 * Finds the table a write names (SQL name or its `@name`) and its columns in
 * the catalog, with its unique keys, and refuses the gateway's own tables,
 * which live in the gateway schema and are never among them. Only user tables
 * (the catalog's, and public's others) are writable.
 */
import { GATEWAY_TABLES, isSystemSchema, type Database } from "../db/index.js";
import type { Catalog, CatalogColumn, CatalogTable } from "../catalog/types.js";
import { findColumn, findTable, type CatalogService } from "../catalog/index.js";
import { BadUserInputError } from "../errors.js";
import { IntrospectedTables } from "./introspected-tables.js";

export interface WritableTable {
  table: CatalogTable;
  /** Unique column sets (primary key first), by SQL column name. */
  uniqueKeys: string[][];
  /** Column by SQL name or its `@name`. */
  column(name: string): CatalogColumn | undefined;
}

export interface TableSource {
  catalog(): Promise<Catalog>;
  /** Unique column sets of a table (primary key first). */
  uniqueKeys(schema: string, table: string): Promise<string[][]>;
  /** After a job wrote rows: refresh what the catalog knows (value index, row estimates). */
  refresh?(): Promise<void>;
  /** Drops cached table lists so a table created since is found (cheap; not the catalog's value index). */
  forget?(): void;
  /** The gateway's own schema, named when a write asks for one of its tables. */
  gatewaySchema?: string;
}

/**
 * The catalog service as a table source, plus the public schema's other
 * tables (the catalog exposes only what NL may read; writes may target any
 * user table). Unique keys (incl. composite) come from pg_index.
 */
export class CatalogTables implements TableSource {
  private keys = new Map<string, string[][]>();
  private readonly introspected: IntrospectedTables;
  readonly gatewaySchema: string;
  constructor(
    private readonly catalogService: CatalogService,
    private readonly db: Database,
  ) {
    this.introspected = new IntrospectedTables(db);
    this.gatewaySchema = db.gateway.name;
  }

  async catalog(): Promise<Catalog> {
    const [c, all] = await Promise.all([this.catalogService.get(), this.introspected.catalog()]);
    const known = new Set(c.tables.map((t) => `${t.schema}.${t.name}`));
    const extra = all.tables.filter((t) => !known.has(`${t.schema}.${t.name}`));
    return extra.length ? { ...c, tables: [...c.tables, ...extra] } : c;
  }

  forget(): void {
    this.keys.clear();
    this.introspected.forget();
  }

  async refresh(): Promise<void> {
    this.forget();
    await this.catalogService.refresh();
  }

  async uniqueKeys(schema: string, table: string): Promise<string[][]> {
    const id = `${schema}.${table}`;
    const hit = this.keys.get(id);
    if (hit) return hit;
    const res = await this.db.query<{ cols: string[] }>(
      `SELECT array_agg(a.attname::text ORDER BY k.ord) AS cols
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE n.nspname = $1 AND c.relname = $2 AND i.indisunique AND i.indpred IS NULL
       GROUP BY i.indexrelid, i.indisprimary ORDER BY i.indisprimary DESC, i.indexrelid`,
      [schema, table],
    );
    const keys = res.rows.map((r) => r.cols);
    this.keys.set(id, keys);
    return keys;
  }
}

const gatewayOwned = (what: string, gatewaySchema: string | undefined) =>
  new BadUserInputError(
    `Table ${JSON.stringify(what)} belongs to the gateway${gatewaySchema ? ` (schema ${gatewaySchema})` : ""} and cannot be written through ingest or batch updates.`,
    { problems: [{ field: "table", message: "not writable" }] },
  );

/** Resolves a table name (SQL name, `schema.table`, or its `@name`) into something writable, or explains why not. */
export async function resolveWritableTable(source: TableSource, name: string): Promise<WritableTable> {
  if (typeof name !== "string" || !name.trim()) throw new BadUserInputError('table must name a table, e.g. "orders" or "Order".', { problems: [{ field: "table", message: "empty" }] });
  const wanted = name.trim();
  const parts = wanted.replace(/"/g, "").split(".");
  const bare = parts.at(-1)!;
  const schema = parts.length > 1 ? parts[0]! : null;
  if (schema !== null && (schema === source.gatewaySchema || isSystemSchema(schema))) throw gatewayOwned(wanted, source.gatewaySchema);
  let catalog = await source.catalog();
  let table = findTable(catalog, wanted);
  if (!table && source.forget) {
    source.forget();
    catalog = await source.catalog();
    table = findTable(catalog, wanted);
  }
  if (!table) {
    // A user table of that name would have been found; this one can only be the gateway's.
    if (schema === null && (GATEWAY_TABLES as readonly string[]).includes(bare)) throw gatewayOwned(bare, source.gatewaySchema);
    const writable = catalog.tables.map((t) => (t.modelName ? `${t.name} (${t.modelName})` : t.name));
    throw new BadUserInputError(`Unknown table ${JSON.stringify(wanted)}. Writable tables: ${writable.join(", ")}.`, { problems: [{ field: "table", message: "unknown" }] });
  }
  const uniqueKeys = await source.uniqueKeys(table.schema, table.name);
  // Looked up once per field of every record: memoize the catalog's (linear, case-folding) search.
  const memo = new Map<string, CatalogColumn | undefined>();
  const column = (n: string) => {
    if (memo.has(n)) return memo.get(n);
    const c = findColumn(table!, n);
    if (memo.size < 10_000) memo.set(n, c);
    return c;
  };
  return { table, uniqueKeys, column };
}
