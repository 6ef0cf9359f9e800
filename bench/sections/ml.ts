/**
 * Issue 5's benchmark on the demo shop: training on 50,000 orders (default
 * algorithm, random forest, linear) with peak RSS and the metric beside the
 * trivial baseline; predict over HTTP (p50/p95) beside in-process predict;
 * predictBatch in-process and over HTTP; a batch inference job over 100,000
 * rows writing back to a column, and from a SELECT into predictions; a quality → train → batch inference pipeline
 * over 50,000 rows. Training, predictBatch in-process and jobs run in this
 * process (its own app on the bench database); HTTP goes to the gateway child.
 */
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { createApp, type App } from "../../src/app.js";
import { HttpDriver } from "../lib/http.js";
import { RssSampler } from "../lib/memory.js";
import { nowMs, summarize, timeSequential } from "../lib/stats.js";
import type { BenchContext, BenchSection, ResultRow } from "../lib/types.js";

const SECTION = "ml";

/** An order's total from its items and customer: the regression of the README demo, on the first 50,000 orders. */
const TOTAL_SQL = (maxId: number) =>
  `SELECT o.total, o.channel, c.segment, count(*) AS lines, sum(i.quantity) AS units, avg(i.unit_price) AS avg_unit_price, avg(i.discount) AS avg_discount
     FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id WHERE o.id <= ${maxId} GROUP BY o.id, c.id`;
const RISK_FEATURES = ["channel", "ordered_at", "total"];
/** The README demo's cancelled-or-refunded source (customer tenure, lines and deepest discount beside the order). */
const RISK_SQL =
  "SELECT o.status, o.channel, o.ordered_at, o.total, c.segment, c.country, extract(epoch FROM o.ordered_at - c.created_at) / 86400 AS customer_days, count(*) AS lines, max(i.discount) AS max_discount FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id GROUP BY o.id, c.id";
const TOTAL_INPUT = { channel: "WEB", segment: "SMB", lines: 3, units: 7, avg_unit_price: 42.5, avg_discount: 0.05 };

async function train(app: App, ctx: BenchContext, label: string, input: Parameters<App["services"]["ml"]["train"]>[0]): Promise<ResultRow> {
  const rss = new RssSampler().start();
  const t0 = nowMs();
  const out = await app.services.ml.train(input);
  const seconds = (nowMs() - t0) / 1000;
  const mem = rss.stop();
  const m = out.model.metrics as { key: { name: string; value: number }; baseline: Record<string, number>; accuracy?: number };
  const baseValue = m.key.name === "r2" ? m.baseline.r2! : m.key.name === "rocAuc" ? 0.5 : m.baseline.f1!;
  ctx.log(`${label}: ${seconds.toFixed(2)} s, ${m.key.name} ${m.key.value.toFixed(3)}`);
  return {
    section: SECTION,
    metric: `${label}: ${m.key.name} ${m.key.value.toFixed(3)} (baseline ${baseValue.toFixed(3)})`,
    value: seconds,
    unit: "s",
    target: input.algorithm === "AUTO" ? "≤ 10 s" : undefined,
    note: `${out.model.algorithm}, ${out.model.rowsUsed} rows; peak RSS ${mem.peakMiB.toFixed(0)} MiB (+${mem.growthMiB.toFixed(0)})${m.accuracy !== undefined ? `; accuracy ${m.accuracy.toFixed(3)} vs majority ${m.baseline.accuracy!.toFixed(3)}` : ""}`,
  };
}

export const ml: BenchSection = {
  name: SECTION,
  description: "training on 50k orders, predict/predictBatch latency and throughput, batch inference job, pipeline",
  async run(ctx: BenchContext): Promise<ResultRow[]> {
    const rows: ResultRow[] = [];
    const config = loadConfig({ DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: "silent", SEED_ON_START: "false", PORT: "0", RUN_WORKERS: "true" });
    const app = await createApp(config, { log: pino({ level: "silent" }) });
    const db = app.services.db;
    try {
      await db.query(`DROP TABLE IF EXISTS bench_ml_orders, bench_ml_pipe`);
      await app.services.ml.registry.delete("bench-order-total").catch(() => 0);
      await app.services.ml.registry.delete("bench-order-risk").catch(() => 0);
      await app.services.ml.registry.delete("bench-pipe").catch(() => 0);
      await app.services.catalog.refresh();

      // ── training on 50,000 orders ──
      for (const algorithm of ["AUTO", "RANDOM_FOREST", "LINEAR"] as const) {
        rows.push(await train(app, ctx, `train order total, 50k orders, ${algorithm}`, { name: "bench-order-total", source: { sql: TOTAL_SQL(50_000) }, target: "total", algorithm, activate: "ALWAYS" }));
      }
      await app.services.ml.registry.activate("bench-order-total", 1);
      rows.push(
        await train(app, ctx, "train cancelled-or-refunded, 50k orders, AUTO", {
          name: "bench-order-risk",
          source: { table: "orders", filter: { id: { lte: 50_000 } } },
          target: "status",
          targetPositive: ["CANCELLED", "REFUNDED"],
          features: RISK_FEATURES,
          algorithm: "AUTO",
        }),
      );

      rows.push(
        await train(app, ctx, "train cancelled-or-refunded, README demo SELECT, all orders, AUTO", {
          name: "bench-order-risk-demo",
          source: { sql: RISK_SQL },
          target: "status",
          targetPositive: ["CANCELLED", "REFUNDED"],
          algorithm: "AUTO",
          activate: "ALWAYS",
        }),
      );
      await app.services.ml.registry.delete("bench-order-risk-demo").catch(() => 0);

      // ── predict: in-process and over HTTP ──
      const inference = app.services.ml.inference;
      const inproc = summarize(await timeSequential((i) => inference.predict("bench-order-total", { ...TOTAL_INPUT, units: 1 + (i % 20) }), ctx.quick ? 200 : 2000));
      const gw = await ctx.gateway();
      const http = new HttpDriver(gw.url, 16);
      const PREDICT = `query($i: JSON!) { predict(model: "bench-order-total", input: $i) { prediction version } }`;
      const lat = summarize(await timeSequential((i) => http.graphql("/graphql", PREDICT, { i: { ...TOTAL_INPUT, units: 1 + (i % 20) } }), ctx.quick ? 200 : 1000));
      rows.push({ section: SECTION, metric: "predict over HTTP, concurrency 1, p50", value: lat.p50, unit: "ms", baseline: { label: "in-process predict p50", value: inproc.p50 }, target: "≤ 3 ms" });
      rows.push({ section: SECTION, metric: "predict over HTTP, concurrency 1, p95", value: lat.p95, unit: "ms", baseline: { label: "in-process predict p95", value: inproc.p95 } });

      // ── predictBatch ──
      const inputs = Array.from({ length: 10_000 }, (_, i) => ({ ...TOTAL_INPUT, units: 1 + (i % 20), channel: ["WEB", "MOBILE", "STORE"][i % 3] }));
      await inference.predictBatch("bench-order-total", inputs);
      const reps = ctx.quick ? 2 : 10;
      let t0 = nowMs();
      for (let k = 0; k < reps; k++) await inference.predictBatch("bench-order-total", inputs);
      const inprocRate = (reps * inputs.length) / ((nowMs() - t0) / 1000);
      rows.push({ section: SECTION, metric: "predictBatch in-process (10,000 inputs per call)", value: inprocRate, unit: "predictions/s", target: "≥ 50,000/s" });
      const BATCH = `query($i: [JSON!]!) { predictBatch(model: "bench-order-total", inputs: $i) { version predictions { prediction } } }`;
      const chunk = inputs.slice(0, 1000);
      await http.graphql("/graphql", BATCH, { i: chunk });
      const httpReps = ctx.quick ? 3 : 20;
      t0 = nowMs();
      for (let k = 0; k < httpReps; k++) await http.graphql("/graphql", BATCH, { i: chunk });
      rows.push({ section: SECTION, metric: "predictBatch over HTTP (1,000 inputs per call)", value: (httpReps * 1000) / ((nowMs() - t0) / 1000), unit: "predictions/s", baseline: { label: "in-process", value: inprocRate } });

      // ── batch inference job over 100,000 rows with write-back to a column ──
      await db.query(`CREATE TABLE bench_ml_orders AS SELECT id, channel, ordered_at, total, NULL::text AS risk FROM orders WHERE id <= 100000`);
      await db.query(`ALTER TABLE bench_ml_orders ADD PRIMARY KEY (id)`);
      const n = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM bench_ml_orders`)).rows[0]!.n);
      t0 = nowMs();
      const job = await app.services.ml.submitBatchInference({ model: "bench-order-risk", source: { table: "bench_ml_orders" }, outputColumn: "risk", batchSize: 5000 }, 600_000);
      const jobSeconds = (nowMs() - t0) / 1000;
      const tableRate = job.done / jobSeconds;
      rows.push({ section: SECTION, metric: `batch inference job, ${n.toLocaleString("en")} rows, write-back to a column`, value: tableRate, unit: "rows/s", target: "≥ 20,000 rows/s", note: `${job.status} in ${jobSeconds.toFixed(2)} s` });

      // ── the same rows from a guarded SELECT (one streamed cursor), into the predictions table ──
      t0 = nowMs();
      const sqlJob = await app.services.ml.submitBatchInference(
        { model: "bench-order-risk", source: { sql: "SELECT id, channel, ordered_at, total FROM orders WHERE id <= 100000", key: "id" }, batchSize: 5000 },
        600_000,
      );
      const sqlSeconds = (nowMs() - t0) / 1000;
      rows.push({
        section: SECTION,
        metric: `batch inference job from a SELECT, ${sqlJob.done.toLocaleString("en")} rows, to predictions`,
        value: sqlJob.done / sqlSeconds,
        unit: "rows/s",
        baseline: { label: "table source, write-back to a column", value: tableRate },
        note: `${sqlJob.status} in ${sqlSeconds.toFixed(2)} s`,
      });
      await db.query(`DELETE FROM kaizen.predictions WHERE job_id = $1`, [sqlJob.id]);

      // ── pipeline over 50,000 rows ──
      await db.query(`CREATE TABLE bench_ml_pipe AS SELECT id, channel, ordered_at, total, status, NULL::text AS risk FROM orders WHERE id <= 50000`);
      await db.query(`ALTER TABLE bench_ml_pipe ADD PRIMARY KEY (id)`);
      t0 = nowMs();
      const pipe = await app.services.pipelines.submit(
        {
          name: "bench",
          steps: [
            { kind: "QUALITY_GATE", params: { table: "bench_ml_pipe" }, minScore: 50 },
            { kind: "TRAIN", params: { name: "bench-pipe", source: { table: "bench_ml_pipe" }, target: "status", targetPositive: ["CANCELLED", "REFUNDED"], features: RISK_FEATURES } },
            { kind: "BATCH_INFERENCE", params: { model: "bench-pipe", source: { table: "bench_ml_pipe" }, outputColumn: "risk" } },
          ],
        },
        600_000,
      );
      rows.push({ section: SECTION, metric: "pipeline quality → train → batch inference, 50,000 rows", value: (nowMs() - t0) / 1000, unit: "s", target: "≤ 60 s", note: pipe.status === "SUCCEEDED" ? undefined : `${pipe.status}: ${pipe.error}` });
      return rows;
    } finally {
      await db.query(`DROP TABLE IF EXISTS bench_ml_orders, bench_ml_pipe`).catch(() => {});
      await app.close();
    }
  },
};
