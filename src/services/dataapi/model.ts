/**
 * The typed catalog the data API is built from: what pg_catalog says about the
 * exposed schemas' tables and views, with COMMENT ON smart tags already parsed.
 * Builders share this model, never SQL strings.
 */
import type { SmartTags } from "./smart-tags.js";

export type PgTypeKind = "base" | "enum" | "domain" | "array" | "composite" | "range" | "multirange" | "pseudo";

export interface PgType {
  oid: number;
  schema: string;
  name: string;
  kind: PgTypeKind;
  /** Enum labels in their declared order. */
  enumLabels?: string[];
  /** Element type of an array type. */
  element?: PgType;
  /** Underlying type of a domain. */
  base?: PgType;
  tags: SmartTags;
  description: string | null;
}

export interface DataColumn {
  attnum: number;
  name: string;
  type: PgType;
  /** As format_type prints it, e.g. `numeric(20,6)`, `ledger.account_kind[]`. */
  sqlType: string;
  notNull: boolean;
  hasDefault: boolean;
  identity: "always" | "byDefault" | null;
  /** A stored generated column: never written. */
  generated: boolean;
  tags: SmartTags;
  description: string | null;
}

export interface DataUnique {
  name: string;
  /** Column SQL names in key order. */
  columns: string[];
  primary: boolean;
  /** A constraint, a unique index without predicate or expressions, or a `@primaryKey` smart tag (views). */
  source: "constraint" | "index" | "tag";
  tags: SmartTags;
}

export type FkAction = "noAction" | "restrict" | "cascade" | "setNull" | "setDefault";

export interface DataForeignKey {
  name: string;
  columns: string[];
  foreignSchema: string;
  foreignTable: string;
  foreignColumns: string[];
  onDelete: FkAction;
  onUpdate: FkAction;
  tags: SmartTags;
}

export type RelationKind = "table" | "partitionedTable" | "view" | "materializedView" | "foreignTable";

export interface DataTable {
  oid: number;
  schema: string;
  name: string;
  kind: RelationKind;
  /** Columns in attnum order. */
  columns: DataColumn[];
  primaryKey: DataUnique | null;
  /** Unique keys other than the primary key (constraints first, then indexes), by name. */
  uniques: DataUnique[];
  foreignKeys: DataForeignKey[];
  tags: SmartTags;
  description: string | null;
}

export interface ReportEntry {
  /** `schema.table` (or `schema.type` for a type). */
  table: string;
  column?: string;
  reason: string;
}

export interface DataModel {
  /** The exposed schemas in the order given: earlier schemas keep plain names when names collide. */
  schemas: string[];
  tables: DataTable[];
  /** What was left out or changed while reading the catalog, and why. */
  report: ReportEntry[];
}

export const qualifiedName = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;

/** Views and foreign tables are read-only here. */
export const isWritable = (t: DataTable) => t.kind === "table" || t.kind === "partitionedTable";
