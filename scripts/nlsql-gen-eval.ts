// Dev loop: grade the generality set (clinic schema) on an in-memory PGlite and print failures.
import fs from "node:fs";
import pino from "pino";
import { Database } from "../src/services/db/database.js";
import { DEMO_NOW } from "../test/helpers/demo-seed.js";
import { buildCatalog, runScript } from "../test/helpers/nlsql-catalog.js";
import { formatFailures, gradeAll, loadCases } from "../test/helpers/nlsql-eval.js";

const db = new Database({ url: null, dataDir: "memory://", poolSize: 1, log: pino({ level: "silent" }) });
await runScript(db, fs.readFileSync("test/fixtures/clinic-schema.sql", "utf8"));
const catalog = await buildCatalog(db, ["clinic"], null);
if (process.argv[2] === "--dump") fs.writeFileSync("/tmp/clinic-catalog.json", JSON.stringify(catalog, null, 2));
const s = await gradeAll(db, catalog, loadCases("test/fixtures/nlsql-generality.jsonl"), DEMO_NOW, 1000);
console.log(formatFailures(s));
console.log({ total: s.total, answered: s.answered, correct: s.correct, coverage: s.coverage, precision: s.precision });
await db.close();
