import { seedDemo, seedIfEmpty, demoRowCounts, validateScale, SeedRefusedError, DEMO_TABLES, DEFAULT_SEED } from "./seed.service.js";
import { countsForScale } from "./generate.js";
export {
  DEFAULT_SEED,
  DEMO_TABLES,
  SeedRefusedError,
  countsForScale,
  demoRowCounts,
  seedDemo,
  seedIfEmpty,
  validateScale
};
