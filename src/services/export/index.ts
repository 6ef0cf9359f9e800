/** Streaming export of user tables (NDJSON or CSV). */
export { ExportService, EXPORT_FORMATS, type ExportFormat, type ExportPlan } from "./export.service.js";
export { loadExportTables, type ExportColumn, type ExportTable } from "./export-tables.js";
