export { Database, type DatabaseKind, type DatabaseOptions, type PoolStats, type QueryOptions, type SqlField, type SqlResult, type SqlRunner, type CopyData } from "./database.js";
export { applyMigrations, diffMigrationsToSchema, defaultPrismaPaths, readMigrationList, type PrismaPaths } from "./migrator.js";
export { quoteIdent, quoteLiteral } from "./sql.js";
