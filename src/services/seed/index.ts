/** Deterministic demo-shop data: `seedDemo` for the CLI, `seedIfEmpty` for the first start. */
export { seedDemo, seedIfEmpty, demoRowCounts, validateScale, SeedRefusedError, DEMO_TABLES, DEFAULT_SEED, type SeedOptions, type SeedProgress, type SeedSummary, type DemoTable } from "./seed.service.js";
export { countsForScale, type SeedCounts } from "./generate.js";
