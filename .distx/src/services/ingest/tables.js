import { GATEWAY_OWN_TABLES, findColumn, findTable } from "../catalog/index.js";
import { BadUserInputError } from "../errors.js";
import { IntrospectedTables } from "./introspected-tables.js";
class CatalogTables {
  constructor(catalogService, db) {
    this.catalogService = catalogService;
    this.db = db;
    this.introspected = new IntrospectedTables(db);
  }
  catalogService;
  db;
  keys = /* @__PURE__ */ new Map();
  introspected;
  async catalog() {
    const [c, all] = await Promise.all([this.catalogService.get(), this.introspected.catalog()]);
    const known = new Set(c.tables.map((t) => `${t.schema}.${t.name}`));
    const extra = all.tables.filter((t) => !known.has(`${t.schema}.${t.name}`) && !GATEWAY_OWN_TABLES.has(t.name) && !t.name.startsWith("_"));
    return extra.length ? { ...c, tables: [...c.tables, ...extra] } : c;
  }
  forget() {
    this.keys.clear();
    this.introspected.forget();
  }
  async refresh() {
    this.forget();
    await this.catalogService.refresh();
  }
  async uniqueKeys(schema, table) {
    const id = `${schema}.${table}`;
    const hit = this.keys.get(id);
    if (hit) return hit;
    const res = await this.db.query(
      `SELECT array_agg(a.attname::text ORDER BY k.ord) AS cols
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE n.nspname = $1 AND c.relname = $2 AND i.indisunique AND i.indpred IS NULL
       GROUP BY i.indexrelid, i.indisprimary ORDER BY i.indisprimary DESC, i.indexrelid`,
      [schema, table]
    );
    const keys = res.rows.map((r) => r.cols);
    this.keys.set(id, keys);
    return keys;
  }
}
async function resolveWritableTable(source, name) {
  if (typeof name !== "string" || !name.trim()) throw new BadUserInputError('table must name a table, e.g. "orders" or "Order".', { problems: [{ field: "table", message: "empty" }] });
  const wanted = name.trim();
  const bare = wanted.replace(/"/g, "").split(".").pop();
  if (GATEWAY_OWN_TABLES.has(bare) || bare.startsWith("_")) {
    throw new BadUserInputError(`Table ${JSON.stringify(bare)} belongs to the gateway and cannot be written through ingest or batch updates.`, { problems: [{ field: "table", message: "not writable" }] });
  }
  let catalog = await source.catalog();
  let table = findTable(catalog, wanted);
  if (!table && source.forget) {
    source.forget();
    catalog = await source.catalog();
    table = findTable(catalog, wanted);
  }
  if (!table) {
    const writable = catalog.tables.map((t) => t.modelName ? `${t.name} (${t.modelName})` : t.name);
    throw new BadUserInputError(`Unknown table ${JSON.stringify(wanted)}. Writable tables: ${writable.join(", ")}.`, { problems: [{ field: "table", message: "unknown" }] });
  }
  const uniqueKeys = await source.uniqueKeys(table.schema, table.name);
  const memo = /* @__PURE__ */ new Map();
  const column = (n) => {
    if (memo.has(n)) return memo.get(n);
    const c = findColumn(table, n);
    if (memo.size < 1e4) memo.set(n, c);
    return c;
  };
  return { table, uniqueKeys, column };
}
export {
  CatalogTables,
  GATEWAY_OWN_TABLES,
  resolveWritableTable
};
