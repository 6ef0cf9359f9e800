export { buildDataApiSchema, type DataApiSchemaOptions } from "./schema-factory.js";
export { buildDataApi, type DataApi, type DataApiOptions } from "./build.js";
export { introspectDataModel, type IntrospectOptions } from "./introspect.js";
export type { DataApiContext } from "./resolve.js";
export type { DataModel, DataTable, DataColumn, ReportEntry } from "./model.js";
