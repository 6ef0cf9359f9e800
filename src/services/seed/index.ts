/** Deterministic demo-shop data. Placeholder until the seed generator lands: see seed.service.ts. */
import type { Database } from "../db/index.js";
import type { Logger } from "../log.js";

export interface SeedOptions {
  scale: number;
  log: Logger;
}

export async function seedIfEmpty(_db: Database, _opts: SeedOptions): Promise<boolean> {
  return false;
}
