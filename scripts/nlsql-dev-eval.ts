// Dev loop: grade the dev set on a seeded in-memory PGlite and print failures.
import pino from "pino";
import { Database } from "../src/services/db/database.js";
import { DEMO_NOW, seedDemoShop } from "../test/helpers/demo-seed.js";
import { buildCatalog, runScript } from "../test/helpers/nlsql-catalog.js";
import { formatFailures, gradeAll, loadCases } from "../test/helpers/nlsql-eval.js";

const db = new Database({ url: null, dataDir: "memory://", poolSize: 1, log: pino({ level: "silent" }) });
await db.migrate();
await seedDemoShop(db);
const catalog = await buildCatalog(db, ["public"], "prisma/schema.prisma");
const s = await gradeAll(db, catalog, loadCases(process.argv[2] ?? "test/fixtures/nlsql-dev.jsonl"), DEMO_NOW, 1000);
console.log(formatFailures(s));
console.log({ total: s.total, answered: s.answered, correct: s.correct, coverage: s.coverage, precision: s.precision });
await db.close();
