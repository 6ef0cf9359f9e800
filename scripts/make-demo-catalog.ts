// Writes test/fixtures/demo-catalog.json (the CatalogService's view of the seeded demo shop) for fast unit tests.
import fs from "node:fs";
import pino from "pino";
import { Database } from "../src/services/db/database.js";
import { seedDemoShop } from "../test/helpers/demo-seed.js";
import { buildCatalog } from "../test/helpers/nlsql-catalog.js";

const db = new Database({ url: null, dataDir: "memory://", poolSize: 1, log: pino({ level: "silent" }) });
await db.migrate();
await seedDemoShop(db);
const cat = await buildCatalog(db, ["public"], "prisma/schema.prisma");
fs.writeFileSync("test/fixtures/demo-catalog.json", JSON.stringify(cat, null, 2) + "\n");
await db.close();
console.log(cat.tables.map((t) => t.name).join(", "));
