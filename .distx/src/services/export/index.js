import { ExportService, EXPORT_FORMATS } from "./export.service.js";
import { loadExportTables } from "./export-tables.js";
export {
  EXPORT_FORMATS,
  ExportService,
  loadExportTables
};
