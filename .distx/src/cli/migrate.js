import { loadConfigOrExit } from "../config.js";
import { Database } from "../services/db/index.js";
import { createLogger } from "../services/log.js";
const config = loadConfigOrExit();
const target = config.db.url ? new URL(config.db.url).host + new URL(config.db.url).pathname : `PGlite in ${config.db.dataDir}`;
const db = new Database({ url: config.db.url, dataDir: config.db.dataDir, poolSize: 1, log: createLogger("warn") });
try {
  const applied = await db.migrate();
  if (applied.length === 0) console.log(`${target}: every migration was already applied.`);
  else console.log(`${target}: applied ${applied.length} migration(s):
${applied.map((m) => `  ${m}`).join("\n")}`);
  const pending = await db.pendingMigrations();
  if (pending.length) {
    console.error(`still pending after applying: ${pending.join(", ")}`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`migration failed on ${target}: ${err.message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
