/** The demo shop (optional data): `seedDemo` for the CLI, `seedOnStart` for what a start does, `createDemoTables` for tests and tools. */
export {
  seedDemo,
  seedIfEmpty,
  seedOnStart,
  createDemoTables,
  demoRowCounts,
  validateScale,
  SeedRefusedError,
  DemoShapeError,
  DEMO_TABLES,
  DEMO_SCHEMA,
  DEMO_DDL_FILE,
  DEFAULT_SEED,
  type SeedOptions,
  type SeedProgress,
  type SeedSummary,
  type DemoTable,
} from "./seed.service.js";
export { countsForScale, type SeedCounts } from "./generate.js";
