/**
 * `npm run db:migrate`: applies pending migrations from prisma/migrations to
 * the gateway schema (GATEWAY_SCHEMA) of DATABASE_URL, or of the embedded
 * PGlite in DATA_DIR, after moving an earlier version's tables out of public;
 * says what it moved and applied.
 */
import { loadConfigOrExit } from "../config.js";
import { Database } from "../services/db/index.js";
import { createLogger } from "../services/log.js";

const config = loadConfigOrExit();

const target = config.db.url ? new URL(config.db.url).host + new URL(config.db.url).pathname : `PGlite in ${config.db.dataDir}`;
const db = new Database({ url: config.db.url, dataDir: config.db.dataDir, poolSize: 1, log: createLogger("error"), gatewaySchema: config.db.gatewaySchema });
try {
  const { applied, moved } = await db.migrateAndReport();
  if (moved) console.log(`${target}: moved the earlier version's tables (${moved.tables.join(", ")}) from ${moved.from} to ${moved.to}; recorded ${moved.baseline} as applied.`);
  if (applied.length === 0) console.log(`${target}: every migration was already applied (schema ${config.db.gatewaySchema}).`);
  else console.log(`${target}: applied ${applied.length} migration(s) in schema ${config.db.gatewaySchema}:\n${applied.map((m) => `  ${m}`).join("\n")}`);
  const pending = await db.pendingMigrations();
  if (pending.length) {
    console.error(`still pending after applying: ${pending.join(", ")}`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`migration failed on ${target}: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
