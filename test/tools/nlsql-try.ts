import fs from "node:fs";
import pino from "pino";
import { Database } from "../../src/services/db/database.js";
import { DEMO_NOW, seedDemoShop } from "../helpers/demo-seed.js";
import { buildCatalog, runScript } from "../helpers/nlsql-catalog.js";
import { translateOffline } from "../../src/services/nlsql/offline/index.js";
const [schema, ...qs] = process.argv.slice(2);
const db = new Database({ url: null, dataDir: "memory://", poolSize: 2, log: pino({ level: "silent" }) });
if (schema === "public") { await db.migrate(); await seedDemoShop(db); }
else await runScript(db, fs.readFileSync(`test/fixtures/${schema === "clinic" ? "clinic" : schema}-schema.sql`, "utf8"));
const cat = await buildCatalog(db, [schema], schema === "public" ? "prisma/schema.prisma" : null);
for (const q of qs) {
  const r = translateOffline(q, cat, { now: DEMO_NOW, defaultLimit: 1000 });
  console.log(`Q: ${q}\n  ${r.kind === "sql" ? r.sql + "\n  -- " + r.interpretation : "REFUSED: " + r.reason}`);
}
await db.close();
