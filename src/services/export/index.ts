/** Streaming export of demo/user tables (NDJSON or CSV). */
export { ExportService, EXPORT_FORMATS, type ExportFormat, type ExportPlan } from "./export.service.js";
export { EXPORTABLE_TABLES, loadExportTables, type ExportColumn, type ExportTable } from "./export-tables.js";
