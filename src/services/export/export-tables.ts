/**
 * Which tables and columns may be exported, read live from
 * information_schema. Only the demo/user tables below: never
 * `_prisma_migrations` nor the gateway's own tables.
 * TODO(catalog): replace with the shared catalog service once it lands
 * (it knows model and field names and which tables are the user's).
 */
import type { SqlRunner } from "../db/index.js";

/** Exportable tables: SQL name → Prisma model name. */
export const EXPORTABLE_TABLES: Readonly<Record<string, string>> = {
  customers: "Customer",
  categories: "Category",
  products: "Product",
  orders: "Order",
  order_items: "OrderItem",
  reviews: "Review",
};

export interface ExportColumn {
  /** SQL name, e.g. "unit_price". */
  name: string;
  /** Prisma field name, e.g. "unitPrice" (the SQL name in camelCase). */
  fieldName: string;
  /** information_schema data_type, e.g. "numeric", "USER-DEFINED". */
  dataType: string;
}

export interface ExportTable {
  name: string;
  modelName: string;
  columns: ExportColumn[];
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export async function loadExportTables(db: SqlRunner): Promise<ExportTable[]> {
  const names = Object.keys(EXPORTABLE_TABLES);
  const { rows } = await db.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ANY($1::text[])
     ORDER BY table_name, ordinal_position`,
    [names],
  );
  const tables = new Map<string, ExportTable>();
  for (const r of rows) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, { name: r.table_name, modelName: EXPORTABLE_TABLES[r.table_name]!, columns: [] });
    tables.get(r.table_name)!.columns.push({ name: r.column_name, fieldName: camel(r.column_name), dataType: r.data_type });
  }
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}
