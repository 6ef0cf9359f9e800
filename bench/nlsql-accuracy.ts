/**
 * Offline NL→SQL bench: accuracy on the dev set (demo shop) and the generality
 * set (clinic schema) — coverage, precision, execution accuracy — and offline
 * translate and translate+guard latency p50/p95. Standalone until bench/run.ts
 * has sections: `npx tsx bench/nlsql-accuracy.ts` (PGlite in memory), or set
 * DATABASE_URL to an empty PostgreSQL database.
 */
import fs from "node:fs";
import pino from "pino";
import { Database } from "../src/services/db/database.js";
import { guardSql, loadGuard } from "../src/services/nlsql/guard.js";
import { translateOffline } from "../src/services/nlsql/offline/index.js";
import type { Catalog } from "../src/services/catalog/types.js";
import { DEMO_NOW, seedDemoShop } from "../test/helpers/demo-seed.js";
import { buildCatalog, runScript } from "../test/helpers/nlsql-catalog.js";
import { gradeAll, loadCases, type DevCase, type Runner } from "../test/helpers/nlsql-eval.js";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

function latency(catalog: Catalog, cases: DevCase[], rounds: number, withGuard: boolean): { p50: number; p95: number; n: number } {
  const policy = { tables: catalog.tables.map((t) => ({ schema: t.schema, name: t.name })), searchPath: [...new Set(catalog.tables.map((t) => t.schema))], maxRows: 1000 };
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const c of cases) {
      const t0 = performance.now();
      const tr = translateOffline(c.question, catalog, { now: DEMO_NOW, defaultLimit: 100 });
      if (withGuard && tr.kind === "sql") guardSql(tr.sql, policy);
      times.push(performance.now() - t0);
    }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), n: times.length };
}

async function section(name: string, db: Database, catalog: Catalog, cases: DevCase[]): Promise<void> {
  const ro: Runner = { query: (sql) => db.transaction((tx) => tx.query(sql), { readOnly: true }) };
  const s = await gradeAll(ro, catalog, cases, DEMO_NOW, 1000);
  // Cold: first translation after a catalog change builds the schema index.
  const fresh = { ...catalog, version: `${catalog.version}-cold` };
  const c0 = performance.now();
  translateOffline(cases[0].question, fresh, { now: DEMO_NOW, defaultLimit: 100 });
  const cold = performance.now() - c0;
  latency(catalog, cases, 3, true); // warm-up (JIT, guard WASM)
  const t = latency(catalog, cases, 20, false);
  const g = latency(catalog, cases, 20, true);
  console.log(`\n## ${name} (${cases.length} questions, ${db.kind})`);
  console.log(`coverage            ${pct(s.coverage)} (${s.answered}/${s.total} answered)`);
  console.log(`precision           ${pct(s.precision)} (${s.correct}/${s.answered} correct among answered)`);
  console.log(`execution accuracy  ${pct(s.executionAccuracy)} (${s.correct}/${s.total})`);
  console.log(`translate           p50 ${t.p50.toFixed(3)} ms  p95 ${t.p95.toFixed(3)} ms  (n=${t.n})`);
  console.log(`translate + guard   p50 ${g.p50.toFixed(3)} ms  p95 ${g.p95.toFixed(3)} ms  (n=${g.n})`);
  console.log(`first translation after a catalog change (index build) ${cold.toFixed(2)} ms`);
  for (const f of s.failures) console.log(`  [${f.status}] ${f.question} — ${f.detail ?? ""}`);
}

const log = pino({ level: "silent" });
await loadGuard();
const shop = new Database({ url: process.env.DATABASE_URL ?? null, dataDir: "memory://", poolSize: 2, log });
await shop.migrate();
await seedDemoShop(shop);
await section("offline NL→SQL: demo shop dev set", shop, await buildCatalog(shop, ["public"], "prisma/schema.prisma"), loadCases("test/fixtures/nlsql-dev.jsonl"));
await runScript(shop, fs.readFileSync("test/fixtures/clinic-schema.sql", "utf8"));
await section("offline NL→SQL: clinic generality set", shop, await buildCatalog(shop, ["clinic"], null), loadCases("test/fixtures/nlsql-generality.jsonl"));
await shop.close();
