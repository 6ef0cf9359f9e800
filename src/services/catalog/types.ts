/**
 * What the gateway knows about the user's tables: introspected from the live
 * database (pg_catalog) and its COMMENT ON text. Never the gateway's schema.
 * Shared by NL→SQL, ingestion, export, transforms, quality and ML.
 */
export interface CatalogColumn {
  /** SQL name, e.g. "customer_id". */
  name: string;
  /** Another name from an `@name` tag in the column's COMMENT ON, e.g. "customerId". */
  fieldName: string | null;
  /** PostgreSQL type as format_type prints it: "integer", "numeric(10,2)", "timestamp with time zone", "\"OrderStatus\"" → given as "OrderStatus" for enums. */
  sqlType: string;
  /** Coarse kind the rest of the gateway reasons with. */
  kind: "integer" | "number" | "text" | "boolean" | "timestamp" | "date" | "enum" | "json" | "uuid" | "other";
  nullable: boolean;
  hasDefault: boolean;
  isPrimaryKey: boolean;
  isUnique: boolean;
  /** For enum columns: the allowed labels in declared order. */
  enumValues: string[] | null;
  /** For foreign keys: the referenced table and column. */
  references: { table: string; column: string; /** SQL schema of the referenced table. */ schema?: string } | null;
  /** COMMENT ON COLUMN text without its smart tags and Synonyms/Definition parts. */
  description: string | null;
  /** Words users may use for this column, from "Synonyms: …" in the doc comment. */
  synonyms: string[];
  /** Distinct values for low-cardinality text/enum columns (bounded), else null. */
  knownValues: string[] | null;
}

export interface CatalogTable {
  /** SQL schema, e.g. "public". */
  schema: string;
  /** SQL name, e.g. "order_items". */
  name: string;
  /** Another name from an `@name` tag in the table's COMMENT ON, e.g. "OrderItem". */
  modelName: string | null;
  description: string | null;
  synonyms: string[];
  /** Definitions from doc comments: term → text, e.g. revenue → "sum of orders.total over …". */
  definitions: Record<string, string>;
  primaryKey: string[];
  columns: CatalogColumn[];
  /** Approximate row count (pg_class.reltuples, or exact for small tables). */
  rowEstimate: number;
}

export interface Catalog {
  /** Changes whenever the catalog is rebuilt with different content; part of NL cache keys. */
  version: string;
  tables: CatalogTable[];
  builtAt: Date;
}
