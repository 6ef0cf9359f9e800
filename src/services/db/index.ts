export { Database, type DatabaseKind, type DatabaseOptions, type PoolStats, type QueryOptions, type SqlField, type SqlResult, type SqlRunner, type CopyData } from "./database.js";
export { applyMigrations, diffMigrationsToSchema, defaultPrismaPaths, readMigrationList, type PrismaPaths } from "./migrator.js";
export { quoteIdent, quoteLiteral } from "./sql.js";
export {
  GatewaySchema,
  DEFAULT_GATEWAY_SCHEMA,
  GATEWAY_TABLES,
  gatewaySchemaProblem,
  isSystemSchema,
  userSchemaCondition,
  type GatewayTable,
} from "./gateway-schema.js";
export { LEGACY_MIGRATIONS, LegacyInstallError, baselineMigration, moveLegacyInstall, type LegacyMove } from "./legacy-move.js";
