import { Database } from "./database.js";
import { applyMigrations, diffMigrationsToSchema, defaultPrismaPaths, readMigrationList } from "./migrator.js";
import { quoteIdent } from "./sql.js";
export {
  Database,
  applyMigrations,
  defaultPrismaPaths,
  diffMigrationsToSchema,
  quoteIdent,
  readMigrationList
};
