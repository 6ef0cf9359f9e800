import { IngestService } from "./ingest.service.js";
import { CatalogTables, resolveWritableTable, GATEWAY_OWN_TABLES } from "./tables.js";
import { coerceRecord, coerceValue } from "./coerce.js";
export {
  CatalogTables,
  GATEWAY_OWN_TABLES,
  IngestService,
  coerceRecord,
  coerceValue,
  resolveWritableTable
};
