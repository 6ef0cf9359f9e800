/**
 * Issue 2's benchmark: the nested order(id) query over HTTP against plain pg
 * and PostGraphile v4, the same query from the cache, salesSummary by month
 * (uncached and cached), and the streamed /export/orders against a pg cursor.
 */
import type pg from "pg";
import Cursor from "pg-cursor";
import { to as copyToStdout } from "pg-copy-streams";
import { HttpDriver } from "../lib/http.js";
import { RssSampler } from "../lib/memory.js";
import { startNodeServer, type ServerHandle } from "../lib/processes.js";
import { nowMs, summarize, timeConcurrent, timeSequential } from "../lib/stats.js";
import type { BenchContext, BenchSection, ResultRow } from "../lib/types.js";

const SECTION = "foundation";

const GATEWAY_ORDER = /* GraphQL */ `query Order($id: Int!) {
  order(id: $id) {
    id status channel orderedAt total
    customer { id name email country }
    items { id quantity unitPrice discount product { id sku name price } }
  }
}`;

const POSTGRAPHILE_ORDER = /* GraphQL */ `query Order($id: Int!) {
  orderById(id: $id) {
    id status channel orderedAt total
    customerByCustomerId { id name email country }
    orderItemsByOrderId(orderBy: ID_ASC) { nodes { id quantity unitPrice discount productByProductId { id sku name price } } }
  }
}`;

const SALES_BY_MONTH = /* GraphQL */ `query Sales($from: DateTimeISO!, $to: DateTimeISO!) {
  salesSummary(from: $from, to: $to, groupBy: MONTH) { key revenue orderCount units averageOrderValue }
}`;

/** The plain-SQL equivalent of salesSummary(groupBy: MONTH): revenue excludes CANCELLED and REFUNDED. */
const SALES_SQL = `
SELECT to_char(date_trunc('month', o.ordered_at, 'UTC'), 'YYYY-MM') AS key, sum(o.total) AS revenue, count(*) AS orders,
       sum(u.units) AS units, round(avg(o.total), 2) AS aov
FROM orders o JOIN (SELECT order_id, sum(quantity) AS units FROM order_items GROUP BY order_id) u ON u.order_id = o.id
WHERE o.ordered_at >= $1 AND o.ordered_at < $2 AND o.status NOT IN ('CANCELLED', 'REFUNDED')
GROUP BY 1 ORDER BY 1`;

/** The plain-pg equivalent of the nested order query: two round trips in parallel. */
async function pgOrder(ctx: BenchContext, id: number) {
  const [order, items] = await Promise.all([
    ctx.pg.query(
      `SELECT o.id, o.status, o.channel, o.ordered_at, o.total, c.id AS customer_id, c.name, c.email, c.country
       FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = $1`,
      [id],
    ),
    ctx.pg.query(
      `SELECT i.id, i.quantity, i.unit_price, i.discount, p.id AS product_id, p.sku, p.name, p.price
       FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.order_id = $1 ORDER BY i.id`,
      [id],
    ),
  ]);
  if (order.rowCount !== 1 || items.rowCount === 0) throw new Error(`order ${id} not found`);
  return { ...order.rows[0], items: items.rows };
}

/** Spreads requests over many orders (a fixed pseudo-random walk), so no layer answers from a warm single row. */
function orderIdFor(i: number, orders: number): number {
  return ((i * 48_271) % orders) + 1;
}

interface Plan {
  c1Iterations: number;
  c16Ms: number;
  warmupMs: number;
  cachedIterations: number;
  salesIterations: number;
  exportRuns: number;
}

/**
 * p50/p95 at concurrency 1, then throughput at concurrency 16. `fn` gets a
 * counter that never repeats within one call, so with orderIdFor no order is
 * asked for twice and no cache can answer (the cached figures are measured apart).
 */
async function latencyAndThroughput(label: string, call: (i: number) => Promise<unknown>, plan: Plan, log: (m: string) => void) {
  let n = 0;
  const fn = () => call(n++);
  log(`  ${label}: concurrency 1 × ${plan.c1Iterations}`);
  const c1 = summarize(await timeSequential(fn, plan.c1Iterations));
  log(`  ${label}: concurrency 16 for ${plan.c16Ms} ms`);
  const c16 = await timeConcurrent(fn, { concurrency: 16, durationMs: plan.c16Ms, warmupMs: plan.warmupMs });
  if (c16.errors) throw new Error(`${label}: ${c16.errors} errors at concurrency 16, first: ${c16.firstError}`);
  return { c1, c16 };
}

async function gatewayHas(http: HttpDriver, field: string): Promise<boolean> {
  const res = await http.graphql<{ __schema: { queryType: { fields: Array<{ name: string }> } } }>("/graphql", "{ __schema { queryType { fields { name } } } }");
  return res.data.__schema.queryType.fields.some((f) => f.name === field);
}

const notRun = (metric: string, why: string): ResultRow => ({ section: SECTION, metric, value: Number.NaN, unit: "", note: `not run: ${why}` });

export const foundation: BenchSection = {
  name: SECTION,
  description: "order(id) nested query vs plain pg and PostGraphile v4; cache; salesSummary; /export/orders streaming",
  async run(ctx) {
    const plan: Plan = ctx.quick ? { c1Iterations: 200, c16Ms: 1_500, warmupMs: 300, cachedIterations: 300, salesIterations: 5, exportRuns: 1 }
      : { c1Iterations: 2_000, c16Ms: 8_000, warmupMs: 1_500, cachedIterations: 3_000, salesIterations: 20, exportRuns: 2 };
    const rows: ResultRow[] = [];
    const orders = Number((await ctx.pg.query("SELECT count(*)::int AS n FROM orders")).rows[0].n);
    const id = (i: number) => orderIdFor(i, orders);

    // Baseline: plain pg from this process (no HTTP, no GraphQL).
    const pgFigures = await latencyAndThroughput("plain pg", (i) => pgOrder(ctx, id(i)), plan, ctx.log);

    // Peer: PostGraphile v4 in its own process on the same database.
    let pgl: { c1: ReturnType<typeof summarize>; c16: Awaited<ReturnType<typeof timeConcurrent>> } | null = null;
    let peer: ServerHandle | null = null;
    try {
      peer = await startNodeServer({ name: "postgraphile", script: "bench/servers/postgraphile.ts", readyPath: "/graphql", env: { DATABASE_URL: ctx.databaseUrl } });
      const http = new HttpDriver(peer.url);
      await http.graphql("/graphql", POSTGRAPHILE_ORDER, { id: 1 });
      pgl = await latencyAndThroughput("postgraphile", (i) => http.graphql("/graphql", POSTGRAPHILE_ORDER, { id: id(i) }), plan, ctx.log);
      http.close();
    } catch (err) {
      ctx.log(`  postgraphile failed: ${(err as Error).message}`);
    } finally {
      await peer?.stop();
    }

    const gw = await ctx.gateway();
    const http = new HttpDriver(gw.url);

    if (await gatewayHas(http, "order")) {
      await http.graphql("/graphql", GATEWAY_ORDER, { id: 1 });
      const g = await latencyAndThroughput("gateway", (i) => http.graphql("/graphql", GATEWAY_ORDER, { id: id(i) }), plan, ctx.log);
      rows.push(
        { section: SECTION, metric: "order(id) nested, HTTP, concurrency 1, p50", value: g.c1.p50, unit: "ms", baseline: { label: "plain pg (no HTTP)", value: pgFigures.c1.p50 }, target: "≤ 4 ms" },
        { section: SECTION, metric: "order(id) nested, HTTP, concurrency 1, p95", value: g.c1.p95, unit: "ms", baseline: { label: "plain pg (no HTTP)", value: pgFigures.c1.p95 } },
        { section: SECTION, metric: "order(id) nested, HTTP, concurrency 16, throughput", value: g.c16.perSecond, unit: "req/s", baseline: { label: "plain pg (no HTTP)", value: pgFigures.c16.perSecond } },
      );
      if (pgl) {
        rows.push(
          { section: SECTION, metric: "order(id) vs PostGraphile v4, concurrency 1, p50", value: g.c1.p50, unit: "ms", baseline: { label: "PostGraphile 4.9.2", value: pgl.c1.p50 } },
          { section: SECTION, metric: "order(id) vs PostGraphile v4, concurrency 16, throughput", value: g.c16.perSecond, unit: "req/s", baseline: { label: "PostGraphile 4.9.2", value: pgl.c16.perSecond }, target: "≥ 1× PostGraphile" },
        );
      }
      // Diagnostic: the same load with the result cache out of the way (the caller's Cache-Control), so the
      // cost of keying, looking up and storing every answer shows beside PostGraphile, which caches nothing.
      const bypass = { "cache-control": "no-cache, no-store" };
      ctx.log(`  gateway, result cache bypassed: concurrency 16 for ${plan.c16Ms} ms`);
      let m = 0;
      const b16 = await timeConcurrent(() => http.graphql("/graphql", GATEWAY_ORDER, { id: id(m++) }, bypass), { concurrency: 16, durationMs: plan.c16Ms, warmupMs: plan.warmupMs });
      if (b16.errors) throw new Error(`gateway (cache bypassed): ${b16.errors} errors at concurrency 16, first: ${b16.firstError}`);
      rows.push({
        section: SECTION,
        metric: "order(id) nested, result cache bypassed (Cache-Control: no-cache, no-store), concurrency 16, throughput",
        value: b16.perSecond,
        unit: "req/s",
        baseline: pgl ? { label: "PostGraphile 4.9.2", value: pgl.c16.perSecond } : undefined,
        note: "diagnostic: what the result cache's work on a miss costs",
      });
    } else {
      rows.push(notRun("order(id) nested over HTTP", "the gateway has no Query.order yet"));
    }
    rows.push(
      { section: SECTION, metric: "plain pg order + items (2 queries), concurrency 1, p50", value: pgFigures.c1.p50, unit: "ms", note: "baseline, in-process pg.Pool(10)" },
      { section: SECTION, metric: "plain pg order + items (2 queries), concurrency 16, throughput", value: pgFigures.c16.perSecond, unit: "req/s", note: "baseline, in-process pg.Pool(10)" },
    );
    if (pgl) {
      rows.push(
        { section: SECTION, metric: "PostGraphile 4.9.2 orderById nested, concurrency 1, p50", value: pgl.c1.p50, unit: "ms", note: "peer, own process, same database" },
        { section: SECTION, metric: "PostGraphile 4.9.2 orderById nested, concurrency 16, throughput", value: pgl.c16.perSecond, unit: "req/s", note: "peer, own process, same database" },
      );
    } else rows.push(notRun("PostGraphile 4.9.2 peer", "PostGraphile did not start or answer (see log)"));

    rows.push(...(await cachedOrder(ctx, http, plan)));
    rows.push(...(await sales(ctx, http, plan)));
    rows.push(...(await exportOrders(ctx, gw, http, plan)));
    http.close();
    return rows;
  },
};

/** The same order(id) again and again: after the first request every answer should come from the result cache. */
async function cachedOrder(ctx: BenchContext, http: HttpDriver, plan: Plan): Promise<ResultRow[]> {
  if (!(await gatewayHas(http, "order"))) return [notRun("order(id) from the cache", "the gateway has no Query.order yet")];
  const variables = { id: 4_242 };
  const first = await http.graphql("/graphql", GATEWAY_ORDER, variables);
  let hits = 0;
  ctx.log(`  cached order(id): concurrency 1 × ${plan.cachedIterations}`);
  const samples = await timeSequential(async () => {
    const res = await http.graphql("/graphql", GATEWAY_ORDER, variables);
    if (res.headers["x-cache"] === "HIT") hits++;
  }, plan.cachedIterations);
  const total = plan.cachedIterations + Math.ceil(plan.cachedIterations / 10);
  if (hits === 0) return [notRun("order(id) from the cache", `no response said x-cache: HIT (first said ${String(first.headers["x-cache"])})`)];
  const s = summarize(samples);
  const note = `${hits} of ${total} answers were cache hits (x-cache: HIT)`;
  return [
    { section: SECTION, metric: "order(id) from the cache, HTTP, concurrency 1, p50", value: s.p50, unit: "ms", target: "≤ 1 ms", note },
    { section: SECTION, metric: "order(id) from the cache, HTTP, concurrency 1, p95", value: s.p95, unit: "ms" },
  ];
}

/** salesSummary by month over the two years of data: every request a new `to` (uncached), then one fixed request (cached). */
async function sales(ctx: BenchContext, http: HttpDriver, plan: Plan): Promise<ResultRow[]> {
  const range = (await ctx.pg.query("SELECT min(ordered_at) AS lo, max(ordered_at) AS hi FROM orders")).rows[0] as { lo: Date; hi: Date };
  const from = new Date(Date.UTC(range.lo.getUTCFullYear(), range.lo.getUTCMonth(), 1));
  const to = new Date(range.hi.getTime() + 60_000);
  ctx.log(`  salesSummary by month ${from.toISOString()} .. ${to.toISOString()}: plain SQL × ${plan.salesIterations}`);
  const sqlSamples = await timeSequential((i) => ctx.pg.query(SALES_SQL, [from, new Date(to.getTime() + i)]), plan.salesIterations, 2);
  const sqlSummary = summarize(sqlSamples);
  const rows: ResultRow[] = [];
  if (!(await gatewayHas(http, "salesSummary"))) {
    rows.push(notRun("salesSummary by month over two years", "the gateway has no Query.salesSummary yet"));
  } else {
    ctx.log(`  salesSummary over HTTP, uncached × ${plan.salesIterations}`);
    let misses = 0;
    const uncached = summarize(
      await timeSequential(async (i) => {
        // A different `to` each time (1 ms apart, same data) gives a new cache key.
        const res = await http.graphql("/graphql", SALES_BY_MONTH, { from: from.toISOString(), to: new Date(to.getTime() + 1 + i).toISOString() });
        if (res.headers["x-cache"] !== "HIT") misses++;
      }, plan.salesIterations, 2),
    );
    ctx.log(`  salesSummary over HTTP, cached × ${plan.cachedIterations}`);
    let hits = 0;
    const fixed = { from: from.toISOString(), to: to.toISOString() };
    const cached = summarize(
      await timeSequential(async () => {
        const res = await http.graphql("/graphql", SALES_BY_MONTH, fixed);
        if (res.headers["x-cache"] === "HIT") hits++;
      }, plan.cachedIterations),
    );
    rows.push(
      { section: SECTION, metric: "salesSummary(MONTH, 2 years), uncached, p50", value: uncached.p50, unit: "ms", baseline: { label: "plain SQL in pg", value: sqlSummary.p50 }, note: `${misses} misses of ${plan.salesIterations + 2}` },
      { section: SECTION, metric: "salesSummary(MONTH, 2 years), uncached, p95", value: uncached.p95, unit: "ms", baseline: { label: "plain SQL in pg", value: sqlSummary.p95 } },
      { section: SECTION, metric: "salesSummary(MONTH, 2 years), cached, p50", value: cached.p50, unit: "ms", baseline: { label: "uncached", value: uncached.p50 }, note: `${hits} cache hits of ${plan.cachedIterations + Math.ceil(plan.cachedIterations / 10)}` },
      { section: SECTION, metric: "salesSummary(MONTH, 2 years), cached, p95", value: cached.p95, unit: "ms", baseline: { label: "uncached", value: uncached.p95 } },
    );
  }
  rows.push({ section: SECTION, metric: "plain SQL sales by month (2 years), p50", value: sqlSummary.p50, unit: "ms", note: "baseline, in-process pg" });
  return rows;
}

/** The best of `runs` in-process reads of all orders on one pooled connection: rows/s and the largest RSS growth. */
async function bestInProcessRead(ctx: BenchContext, runs: number, total: number, what: string, read: (client: pg.PoolClient) => Promise<number>): Promise<{ rate: number; growthMiB: number }> {
  let rate = 0;
  let growthMiB = 0;
  for (let run = 0; run < runs; run++) {
    const client = await ctx.pg.connect();
    const mem = new RssSampler().start();
    const t0 = nowMs();
    let n: number;
    try {
      n = await read(client);
    } finally {
      client.release();
    }
    rate = Math.max(rate, (n / (nowMs() - t0)) * 1000);
    growthMiB = Math.max(growthMiB, mem.stop().growthMiB);
    if (n !== total) throw new Error(`${what} read ${n} of ${total} orders`);
  }
  ctx.log(`  ${what}: ${Math.round(rate)} rows/s`);
  return { rate, growthMiB };
}

/** All orders through pg-cursor in batches of 1,000: rows parsed into JS values. */
async function readWithCursor(client: pg.PoolClient): Promise<number> {
  const cursor = client.query(new Cursor("SELECT * FROM orders"));
  let n = 0;
  for (;;) {
    const batch = await cursor.read(1_000);
    n += batch.length;
    if (batch.length < 1_000) break;
  }
  await cursor.close();
  return n;
}

/** All orders as COPY's text format through pg-copy-streams: bytes only, rows counted by their newlines. */
async function readWithCopy(client: pg.PoolClient): Promise<number> {
  let n = 0;
  for await (const piece of client.query(copyToStdout("COPY (SELECT * FROM orders) TO STDOUT")) as AsyncIterable<Buffer>) {
    for (let at = piece.indexOf(10); at !== -1; at = piece.indexOf(10, at + 1)) n++;
  }
  return n;
}

/** Every order through GET /export/orders (NDJSON) while sampling the gateway's RSS, beside plain pg-cursor and COPY reads in this process. */
async function exportOrders(ctx: BenchContext, gw: ServerHandle, http: HttpDriver, plan: Plan): Promise<ResultRow[]> {
  const total = Number((await ctx.pg.query("SELECT count(*)::int AS n FROM orders")).rows[0].n);
  const cursor = await bestInProcessRead(ctx, plan.exportRuns, total, "pg-cursor", readWithCursor);
  const copy = await bestInProcessRead(ctx, plan.exportRuns, total, "COPY TO STDOUT", readWithCopy);
  const copyRow: ResultRow = { section: SECTION, metric: "plain COPY (SELECT * FROM orders) TO STDOUT read", value: copy.rate, unit: "rows/s", note: `baseline, pg-copy-streams, rows counted by newline, RSS growth ${copy.growthMiB.toFixed(1)} MiB` };

  const probe = await http.request("GET", "/export");
  if (probe.status === 404) {
    return [
      notRun("/export/orders streamed", "the gateway has no /export route yet"),
      { section: SECTION, metric: "plain pg-cursor read of all orders", value: cursor.rate, unit: "rows/s", note: `baseline, batches of 1,000, RSS growth ${cursor.growthMiB.toFixed(1)} MiB` },
      copyRow,
    ];
  }
  let best = 0;
  let peakGrowth = 0;
  let peakRss = 0;
  for (let run = 0; run < plan.exportRuns; run++) {
    const mem = new RssSampler(gw.pid, 10).start();
    const t0 = nowMs();
    const res = await http.streamLines("/export/orders?format=ndjson");
    const rate = (res.lines / (nowMs() - t0)) * 1000;
    const m = mem.stop();
    if (res.status !== 200 || res.lines !== total) throw new Error(`/export/orders: HTTP ${res.status}, ${res.lines} of ${total} rows`);
    best = Math.max(best, rate);
    peakGrowth = Math.max(peakGrowth, m.growthMiB);
    peakRss = Math.max(peakRss, m.peakMiB);
    ctx.log(`  /export/orders: ${Math.round(rate)} rows/s, ${(res.bytes / 2 ** 20).toFixed(1)} MiB, gateway RSS peak ${m.peakMiB.toFixed(0)} MiB (+${m.growthMiB.toFixed(1)})`);
  }
  return [
    { section: SECTION, metric: `/export/orders NDJSON over HTTP (${total.toLocaleString("en-US")} rows)`, value: best, unit: "rows/s", baseline: { label: "plain pg-cursor read", value: cursor.rate }, target: "≥ 200k rows/s and ≥ 0.5× cursor", note: `${(best / copy.rate).toFixed(2)}× the plain COPY read` },
    { section: SECTION, metric: "/export/orders gateway RSS growth during the stream", value: peakGrowth, unit: "MiB", baseline: { label: "pg-cursor reader's RSS growth", value: cursor.growthMiB }, note: `gateway peak RSS ${peakRss.toFixed(0)} MiB` },
    copyRow,
  ];
}
