/**
 * Machine-learning benchmark (issue 5), standalone until bench/sections lands:
 * `npx tsx bench/ml.ts` (PostgreSQL from BENCH_DATABASE_URL or the local test server).
 * Training on 50,000 rows (default algorithm, random forest, linear): seconds,
 * peak RSS, key metric beside the trivial baseline; predict over HTTP p50/p95;
 * predictBatch in-process and over HTTP; a batch inference job over 100,000 rows
 * with write-back; a quality → train → batch inference pipeline over 50,000 rows.
 */
import pg from "pg";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { createApp } from "../src/app.js";
import { startGateway } from "../src/http/gateway.js";

const base = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const dbName = `kz_bench_ml_${Date.now().toString(36)}`;
const rows: Array<{ metric: string; value: string; note?: string }> = [];
const record = (metric: string, value: string, note?: string) => {
  rows.push({ metric, value, note });
  console.log(`${metric}: ${value}${note ? `  (${note})` : ""}`);
};

function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  return fn().then((value) => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: peak / 2 ** 20, seconds: (performance.now() - t0) / 1000 };
  });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const config = loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: "silent", SEED_ON_START: "false", PORT: "0", NL_TABLES: "bench_rows" });
  const app = await createApp(config, { log: pino({ level: "silent" }) });
  const gw = await startGateway(app, { port: 0, host: "127.0.0.1" });
  const db = app.services.db;
  try {
    await db.query(`SELECT setseed(0.42)`);
    await db.query(`CREATE TABLE bench_rows (id serial PRIMARY KEY, amount numeric(10,2), channel text NOT NULL, tier text NOT NULL, vip boolean NOT NULL,
      signup_at timestamptz NOT NULL, churned boolean NOT NULL, spend numeric(12,2) NOT NULL, pred text)`);
    await db.query(`INSERT INTO bench_rows (amount, channel, tier, vip, signup_at, churned, spend)
      SELECT a, ch, tr, v, now() - (d || ' days')::interval,
             ((a > 50 AND ch <> 'STORE') <> (random() < 0.05)),
             round((3 * a + CASE WHEN v THEN 100 ELSE 0 END + CASE WHEN tr = 'GOLD' THEN 40 ELSE 0 END + (random() - 0.5) * 20)::numeric, 2)
        FROM (SELECT round((random() * 100)::numeric, 2) AS a, (ARRAY['WEB','MOBILE','STORE'])[1 + floor(random() * 3)::int] AS ch,
                     (ARRAY['BRONZE','SILVER','GOLD'])[1 + floor(random() * 3)::int] AS tr, random() < 0.3 AS v, floor(random() * 700)::int AS d
                FROM generate_series(1, 100000)) s`);
    await db.query(`ANALYZE bench_rows`);
    const features = ["amount", "channel", "tier", "vip", "signup_at"];
    const ml = app.services.ml;

    for (const algorithm of ["AUTO", "RANDOM_FOREST", "LINEAR"] as const) {
      for (const [target, filter] of [["churned", { id: { lte: 50000 } }], ["spend", { id: { lte: 50000 } }]] as const) {
        const r = await peakRss(() => ml.train({ name: `bench-${target}-${algorithm.toLowerCase()}`, source: { table: "bench_rows", filter }, target, features, algorithm }));
        const m = r.value.model.metrics as { key: { name: string; value: number }; baseline: Record<string, number>; accuracy?: number };
        const base = m.key.name === "r2" ? m.baseline.r2 : m.key.name === "rocAuc" ? 0.5 : m.baseline.f1;
        record(`train 50k rows ${target} ${algorithm}${algorithm === "AUTO" ? ` (=${r.value.model.algorithm})` : ""}`, `${r.seconds.toFixed(2)} s`, `peak RSS ${r.peakMb.toFixed(0)} MB; ${m.key.name} ${m.key.value.toFixed(3)} vs baseline ${base.toFixed(3)}${m.accuracy !== undefined ? `; accuracy ${m.accuracy.toFixed(3)} vs ${m.baseline.accuracy!.toFixed(3)}` : ""}`);
      }
    }

    const input = { amount: 70, channel: "WEB", tier: "GOLD", vip: true, signup_at: "2026-01-01T00:00:00Z" };
    const gql = async (query: string, variables: unknown) => {
      const res = await fetch(gw.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };
    const PREDICT = `query($i: JSON!) { predict(model: "bench-churned-auto", input: $i) { prediction version } }`;
    for (let i = 0; i < 100; i++) await gql(PREDICT, { i: input });
    const lat: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const t0 = performance.now();
      await gql(PREDICT, { i: { ...input, amount: i % 100 } });
      lat.push(performance.now() - t0);
    }
    record("predict over HTTP (1000 sequential)", `p50 ${pct(lat, 50).toFixed(2)} ms, p95 ${pct(lat, 95).toFixed(2)} ms`);

    const inputs = Array.from({ length: 10000 }, (_, i) => ({ ...input, amount: i % 100, vip: i % 2 === 0 }));
    await ml.inference.predictBatch("bench-churned-auto", inputs);
    let t0 = performance.now();
    for (let k = 0; k < 5; k++) await ml.inference.predictBatch("bench-churned-auto", inputs);
    record("predictBatch in-process (5 × 10,000)", `${Math.round(50000 / ((performance.now() - t0) / 1000))} predictions/s`);
    const BATCH = `query($i: [JSON!]!) { predictBatch(model: "bench-churned-auto", inputs: $i) { version predictions { prediction } } }`;
    const chunk = inputs.slice(0, 1000);
    await gql(BATCH, { i: chunk });
    t0 = performance.now();
    for (let k = 0; k < 20; k++) await gql(BATCH, { i: chunk });
    record("predictBatch over HTTP (20 × 1,000)", `${Math.round(20000 / ((performance.now() - t0) / 1000))} predictions/s`);

    t0 = performance.now();
    const job = await ml.submitBatchInference({ model: "bench-churned-auto", source: { table: "bench_rows" }, outputColumn: "pred", batchSize: 5000 }, 600_000);
    const s = (performance.now() - t0) / 1000;
    record("batch inference job, 100,000 rows, write-back to a column", `${Math.round(job.done / s)} rows/s`, `${job.status}, ${s.toFixed(2)} s`);

    t0 = performance.now();
    const pipe = await app.services.pipelines.submit(
      {
        name: "bench",
        steps: [
          { kind: "QUALITY_GATE", params: { table: "bench_rows" }, minScore: 50 },
          { kind: "TRAIN", params: { name: "bench-pipe", source: { table: "bench_rows", filter: { id: { lte: 50000 } } }, target: "churned", features } },
          { kind: "BATCH_INFERENCE", params: { model: "bench-pipe", source: { table: "bench_rows", filter: { id: { lte: 50000 } } }, outputColumn: null } },
        ],
      },
      600_000,
    );
    record("pipeline quality → train → batch inference, 50,000 rows", `${((performance.now() - t0) / 1000).toFixed(2)} s`, pipe.status);
  } finally {
    await gw.close();
    await app.close();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }
  console.log("\n| metric | value | note |\n|---|---|---|");
  for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.note ?? ""} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
