/** Prints the offline translation of each question: `npx tsx test/tools/nlsql-try.ts <schema> "<question>"…`. */
import fs from "node:fs";
import pino from "pino";
import { Database } from "../../src/services/db/database.js";
import { DEMO_NOW, seedDemoShop } from "../helpers/demo-seed.js";
import { buildCatalog, runScript } from "../helpers/nlsql-catalog.js";
import { translateOffline } from "../../src/services/nlsql/offline/index.js";
// First argument: "public" (seeded demo shop), "clinic", "library", or "<schema>=<file.sql>".
const [arg, ...qs] = process.argv.slice(2);
const [schema, file] = arg.includes("=") ? arg.split("=") : [arg, `test/fixtures/${arg}-schema.sql`];
const db = new Database({ url: null, dataDir: "memory://", poolSize: 2, log: pino({ level: "silent" }) });
if (schema === "public") { await db.migrate(); await seedDemoShop(db); }
else await runScript(db, fs.readFileSync(file, "utf8"));
const cat = await buildCatalog(db, [schema]);
for (const q of qs) {
  const r = translateOffline(q, cat, { now: DEMO_NOW, defaultLimit: 1000 });
  console.log(`Q: ${q}\n  ${r.kind === "sql" ? r.sql + "\n  -- " + r.interpretation : "REFUSED: " + r.reason}`);
}
await db.close();
