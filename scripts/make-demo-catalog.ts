// Throwaway: writes test/fixtures/demo-catalog.json from a migrated, seeded PGlite (until CatalogService lands).
import fs from "node:fs";
import pino from "pino";
import { Database } from "../src/services/db/database.js";
import { seedDemoShop } from "../test/helpers/demo-seed.js";
import { introspectCatalog } from "../test/helpers/introspect-catalog.js";

const db = new Database({ url: null, dataDir: "memory://", poolSize: 1, log: pino({ level: "silent" }) });
await db.migrate();
await seedDemoShop(db);
const cat = await introspectCatalog(db, { schema: "public", prismaDocs: true });
fs.writeFileSync("test/fixtures/demo-catalog.json", JSON.stringify(cat, null, 2) + "\n");
await db.close();
console.log(cat.tables.map((t) => t.name).join(", "));
