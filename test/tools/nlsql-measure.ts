/**
 * Grades the offline translator on every NL→SQL question set in one PGlite
 * database (shop seed + clinic + library schemas) and prints coverage,
 * precision and the failures: `npx tsx test/tools/nlsql-measure.ts [set…] [--quiet]`.
 */
import fs from "node:fs";
import pino from "pino";
import { Database } from "../../src/services/db/database.js";
import { DEMO_NOW, seedDemoShop } from "../helpers/demo-seed.js";
import { buildCatalog, runScript } from "../helpers/nlsql-catalog.js";
import { formatFailures, gradeAll, loadCases, type Runner } from "../helpers/nlsql-eval.js";

const SETS = [
  { name: "dev", file: "test/fixtures/nlsql-dev.jsonl", schemas: ["public"] },
  { name: "holdout", file: "test/fixtures/nlsql-holdout.jsonl", schemas: ["public"] },
  { name: "holdout2", file: "test/fixtures/nlsql-holdout2.jsonl", schemas: ["public"] },
  { name: "clinic", file: "test/fixtures/nlsql-generality.jsonl", schemas: ["clinic"] },
  { name: "library", file: "test/fixtures/nlsql-library.jsonl", schemas: ["library"] },
];

const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const only = args.filter((a) => !a.startsWith("--"));
const db = new Database({ url: null, dataDir: "memory://", poolSize: 2, log: pino({ level: "silent" }) });
try {
  await db.migrate();
  await seedDemoShop(db);
  await runScript(db, fs.readFileSync("test/fixtures/clinic-schema.sql", "utf8"));
  await runScript(db, fs.readFileSync("test/fixtures/library-schema.sql", "utf8"));
  const ro: Runner = { query: (sql) => db.transaction((tx) => tx.query(sql), { readOnly: true }) };
  for (const set of SETS.filter((s) => !only.length || only.includes(s.name))) {
    if (args.includes("--gold")) {
      // Sanity view of the gold SQL: row counts and the first rows.
      for (const c of loadCases(set.file).filter((c) => c.gold)) {
        const r = await ro.query(c.gold!);
        console.log(`${set.name} | ${c.question} | ${r.rows.length} rows | ${JSON.stringify(r.rows.slice(0, 3))}`);
      }
      continue;
    }
    const catalog = await buildCatalog(db, set.schemas);
    const s = await gradeAll(ro, catalog, loadCases(set.file), DEMO_NOW, 1000);
    if (!quiet && s.failures.length) console.log(`${set.name} failures:\n${formatFailures(s)}`);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const ms = s.results.map((r) => r.translateMs).sort((a, b) => a - b);
    const p50 = ms[Math.floor(ms.length / 2)] ?? 0;
    console.log(
      `${set.name} (translate p50 ${p50.toFixed(2)} ms): coverage ${pct(s.coverage)} (${s.answered - (s.refusalsExpected - s.refusalsCorrect)}/${s.answerable}), precision ${pct(s.precision)} (${s.correct}/${s.answered}), refusals ${s.refusalsCorrect}/${s.refusalsExpected}`,
    );
  }
} finally {
  await db.close();
}
