export { LiveSchema, SchemaBuildError, schemaVersion, type LiveSchemaOptions, type SchemaReload, type SchemaChange } from "./live-schema.js";
export { mergeSchema, reservedNames, SchemaMergeError, type SchemaExtension, type MergeOptions, type ReservedNames } from "./merge.js";
