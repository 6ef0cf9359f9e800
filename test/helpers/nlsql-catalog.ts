/** Builds the Catalog the way the gateway does (CatalogService), for NL→SQL tests and benches. */
import pino from "pino";
import type { Catalog } from "../../src/services/catalog/types.js";
import { CatalogService } from "../../src/services/catalog/index.js";
import type { SqlRunner } from "../../src/services/db/database.js";

export async function buildCatalog(db: SqlRunner, schemas: string[]): Promise<Catalog> {
  const cs = new CatalogService({ db, log: pino({ level: "silent" }), schemas, tables: null, valueIndexMaxDistinct: 200, valueIndexScanRows: 100_000 });
  return cs.get();
}

/** Runs a multi-statement SQL script (no semicolons inside comments or literals). */
export async function runScript(db: SqlRunner, sql: string): Promise<void> {
  for (const stmt of sql.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean)) await db.query(stmt);
}
