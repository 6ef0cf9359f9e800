/** Ingestion and batch updates: public surface. */
export { IngestService, type IngestOptions, type IngestServiceDeps } from "./ingest.service.js";
export { CatalogTables, resolveWritableTable, type TableSource, type WritableTable } from "./tables.js";
export { coerceRecord, coerceValue, type WriteMode } from "./coerce.js";
export type { IngestJobParams } from "./ingest.handler.js";
export type { IngestFormat } from "./sources.js";
