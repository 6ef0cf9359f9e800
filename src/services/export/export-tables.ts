/**
 * Which tables and columns may be exported: the same user tables the write
 * paths accept (the catalog's tables plus the public schema's others), never
 * the gateway's own tables (its schema is never read). So a table a user ingests
 * into is a table they can export, without a list to keep in step.
 */
import type { CatalogColumn, CatalogTable } from "../catalog/types.js";
import type { TableSource } from "../ingest/tables.js";

export interface ExportColumn {
  /** SQL name, e.g. "unit_price". */
  name: string;
  /** The column's `@name`, e.g. "unitPrice"; the SQL name when it has none. */
  fieldName: string;
  /** Coarse kind from the catalog, e.g. "number", "enum", "timestamp". */
  kind: CatalogColumn["kind"];
  /** PostgreSQL type as format_type prints it, e.g. "numeric(10,2)", "timestamp with time zone". */
  sqlType: string;
}

export interface ExportTable {
  schema: string;
  name: string;
  /** The table's `@name`, e.g. "OrderItem"; the SQL name when it has none. */
  modelName: string;
  columns: ExportColumn[];
}

function toExportTable(t: CatalogTable): ExportTable {
  return {
    schema: t.schema,
    name: t.name,
    modelName: t.modelName ?? t.name,
    columns: t.columns.map((c) => ({ name: c.name, fieldName: c.fieldName ?? c.name, kind: c.kind, sqlType: c.sqlType })),
  };
}

/** Exportable tables, sorted by name; `fresh` re-reads the database (a table created since the last look). */
export async function loadExportTables(source: TableSource, fresh = false): Promise<ExportTable[]> {
  if (fresh) source.forget?.();
  const catalog = await source.catalog();
  return catalog.tables.map(toExportTable).sort((a, b) => a.name.localeCompare(b.name) || a.schema.localeCompare(b.schema));
}
