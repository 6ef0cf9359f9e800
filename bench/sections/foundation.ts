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
import { nowMs, summarize, timeInterleaved, timeSequential, type Contender, type InterleavedResult } from "../lib/stats.js";
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

/** A page of 20 orders with their customers, items, products and categories: the relation loaders' work, batched. */
const GATEWAY_LIST = /* GraphQL */ `{
  orders(first: 20, filter: { statuses: [PAID] }, orderBy: { field: ID, direction: ASC }) {
    edges { node { id total customer { name } items { quantity product { name category { name } } } } }
  }
}`;

const POSTGRAPHILE_LIST = /* GraphQL */ `{
  allOrders(first: 20, condition: { status: PAID }, orderBy: ID_ASC) {
    nodes { id total customerByCustomerId { name } orderItemsByOrderId(orderBy: ID_ASC) { nodes { quantity productByProductId { name categoryByCategoryId { name } } } } }
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

interface Plan {
  c1Iterations: number;
  /** Concurrency 16: contenders alternate in rounds of roundMs (see timeInterleaved). */
  rounds: number;
  roundMs: number;
  warmupMs: number;
  cachedIterations: number;
  salesIterations: number;
  exportRuns: number;
}

const C16 = 16;

async function gatewayHas(http: HttpDriver, field: string): Promise<boolean> {
  const res = await http.graphql<{ __schema: { queryType: { fields: Array<{ name: string }> } } }>("/graphql", "{ __schema { queryType { fields { name } } } }");
  return res.data.__schema.queryType.fields.some((f) => f.name === field);
}

const notRun = (metric: string, why: string): ResultRow => ({ section: SECTION, metric, value: Number.NaN, unit: "", note: `not run: ${why}` });

/** "1,801–2,112 req/s over 6 rounds": how much a contender's rounds varied. */
const spread = (r: InterleavedResult): string =>
  `${Math.round(Math.min(...r.rounds)).toLocaleString("en-US")}–${Math.round(Math.max(...r.rounds)).toLocaleString("en-US")} req/s over ${r.rounds.length} alternating rounds`;

export const foundation: BenchSection = {
  name: SECTION,
  description: "order(id) nested query vs plain pg and PostGraphile v4; cache; salesSummary; /export/orders streaming",
  async run(ctx) {
    const plan: Plan = ctx.quick ? { c1Iterations: 200, rounds: 2, roundMs: 750, warmupMs: 300, cachedIterations: 300, salesIterations: 5, exportRuns: 1 }
      : { c1Iterations: 2_000, rounds: 6, roundMs: 1_500, warmupMs: 1_500, cachedIterations: 3_000, salesIterations: 20, exportRuns: 2 };
    const rows: ResultRow[] = [];
    const orders = Number((await ctx.pg.query("SELECT count(*)::int AS n FROM orders")).rows[0].n);
    // A fixed pseudo-random walk over the orders (48,271 is prime, so positions 0…orders-1 visit every order once):
    // callers count positions up and never ask for an order twice, so no cache can answer (the cached figures are
    // measured apart).
    const id = (i: number) => ((i * 48_271) % orders) + 1;

    // Every contender is up before any is measured, so the concurrency-16 rounds can alternate between them.
    let peer: ServerHandle | null = null;
    let peerHttp: HttpDriver | null = null;
    try {
      peer = await startNodeServer({ name: "postgraphile", script: "bench/servers/postgraphile.ts", readyPath: "/graphql", env: { DATABASE_URL: ctx.databaseUrl } });
      peerHttp = new HttpDriver(peer.url);
      await peerHttp.graphql("/graphql", POSTGRAPHILE_ORDER, { id: 1 });
    } catch (err) {
      ctx.log(`  postgraphile failed: ${(err as Error).message}`);
      peerHttp?.close();
      peerHttp = null;
      await peer?.stop();
      peer = null;
    }
    const gw = await ctx.gateway();
    const http = new HttpDriver(gw.url);
    const hasOrder = await gatewayHas(http, "order");

    try {
      const bypass = { "cache-control": "no-cache, no-store" };
      const contenders: Contender[] = [{ label: "plain pg", call: (i) => pgOrder(ctx, id(i)) }];
      if (peerHttp) contenders.push({ label: "postgraphile", call: (i) => peerHttp.graphql("/graphql", POSTGRAPHILE_ORDER, { id: id(i) }) });
      if (hasOrder) {
        await http.graphql("/graphql", GATEWAY_ORDER, { id: 1 });
        contenders.push({ label: "gateway", call: (i) => http.graphql("/graphql", GATEWAY_ORDER, { id: id(i) }) });
        // Diagnostic: the result cache out of the way (the caller's Cache-Control), so the cost of keying, looking up
        // and storing every answer shows beside PostGraphile, which caches nothing. Offset ids: its own orders.
        contenders.push({ label: "gateway, cache bypassed", call: (i) => http.graphql("/graphql", GATEWAY_ORDER, { id: id(50_000 + i) }, bypass) });
      }

      const c1 = new Map<string, ReturnType<typeof summarize>>();
      for (const c of contenders.filter((c) => c.label !== "gateway, cache bypassed")) {
        ctx.log(`  ${c.label}: concurrency 1 × ${plan.c1Iterations}`);
        // Walk positions from 90,000 on, apart from the concurrency-16 rounds' (from 0, and from 50,000 for the
        // bypass): the walk is a permutation of the orders, so no request here meets an answer cached by another.
        c1.set(c.label, summarize(await timeSequential((i) => c.call(90_000 + i), plan.c1Iterations)));
      }
      ctx.log(`  concurrency ${C16}: ${contenders.map((c) => c.label).join(", ")} alternating, ${plan.rounds} rounds of ${plan.roundMs} ms each`);
      const c16 = await timeInterleaved(contenders, { concurrency: C16, rounds: plan.rounds, roundMs: plan.roundMs, warmupMs: plan.warmupMs });
      for (const [label, r] of c16) if (r.errors) throw new Error(`${label}: ${r.errors} errors at concurrency ${C16}, first: ${r.firstError}`);

      const pgC1 = c1.get("plain pg")!;
      const pgC16 = c16.get("plain pg")!;
      const pglC1 = c1.get("postgraphile");
      const pglC16 = c16.get("postgraphile");
      if (hasOrder) {
        const g1 = c1.get("gateway")!;
        const g16 = c16.get("gateway")!;
        const b16 = c16.get("gateway, cache bypassed")!;
        rows.push(
          { section: SECTION, metric: "order(id) nested, HTTP, concurrency 1, p50", value: g1.p50, unit: "ms", baseline: { label: "plain pg (no HTTP)", value: pgC1.p50 }, target: "≤ 4 ms" },
          { section: SECTION, metric: "order(id) nested, HTTP, concurrency 1, p95", value: g1.p95, unit: "ms", baseline: { label: "plain pg (no HTTP)", value: pgC1.p95 } },
          { section: SECTION, metric: "order(id) nested, HTTP, concurrency 16, throughput", value: g16.perSecond, unit: "req/s", baseline: { label: "plain pg (no HTTP)", value: pgC16.perSecond }, note: spread(g16) },
        );
        if (pglC1 && pglC16) {
          rows.push(
            { section: SECTION, metric: "order(id) vs PostGraphile v4, concurrency 1, p50", value: g1.p50, unit: "ms", baseline: { label: "PostGraphile 4.9.2", value: pglC1.p50 } },
            { section: SECTION, metric: "order(id) vs PostGraphile v4, concurrency 16, throughput", value: g16.perSecond, unit: "req/s", baseline: { label: "PostGraphile 4.9.2", value: pglC16.perSecond }, target: "≥ 1× PostGraphile", note: "rounds alternating with PostGraphile's" },
          );
        }
        rows.push({
          section: SECTION,
          metric: "order(id) nested, result cache bypassed (Cache-Control: no-cache, no-store), concurrency 16, throughput",
          value: b16.perSecond,
          unit: "req/s",
          baseline: pglC16 ? { label: "PostGraphile 4.9.2", value: pglC16.perSecond } : undefined,
          note: `diagnostic: what the result cache's work on a miss costs; ${spread(b16)}`,
        });
      } else {
        rows.push(notRun("order(id) nested over HTTP", "the gateway has no Query.order yet"));
      }
      rows.push(
        { section: SECTION, metric: "plain pg order + items (2 queries), concurrency 1, p50", value: pgC1.p50, unit: "ms", note: "baseline, in-process pg.Pool(10)" },
        { section: SECTION, metric: "plain pg order + items (2 queries), concurrency 16, throughput", value: pgC16.perSecond, unit: "req/s", note: `baseline, in-process pg.Pool(10); ${spread(pgC16)}` },
      );
      if (pglC1 && pglC16) {
        rows.push(
          { section: SECTION, metric: "PostGraphile 4.9.2 orderById nested, concurrency 1, p50", value: pglC1.p50, unit: "ms", note: "peer, own process, same database" },
          { section: SECTION, metric: "PostGraphile 4.9.2 orderById nested, concurrency 16, throughput", value: pglC16.perSecond, unit: "req/s", note: `peer, own process, same database; ${spread(pglC16)}` },
        );
      } else rows.push(notRun("PostGraphile 4.9.2 peer", "PostGraphile did not start or answer (see log)"));
      if (hasOrder) rows.push(...(await nestedList(ctx, http, peerHttp, plan)));
    } finally {
      peerHttp?.close();
      await peer?.stop();
    }

    rows.push(...(await cachedOrder(ctx, http, plan)));
    rows.push(...(await sales(ctx, http, plan)));
    rows.push(...(await exportOrders(ctx, gw, http, plan)));
    http.close();
    return rows;
  },
};

/**
 * A nested list at concurrency 1, the gateway beside PostGraphile in alternating blocks. The gateway is asked with
 * `Cache-Control: no-cache`, so every request runs (its answer is still stored) as PostGraphile's always do.
 */
async function nestedList(ctx: BenchContext, http: HttpDriver, peer: HttpDriver | null, plan: Plan): Promise<ResultRow[]> {
  const noCache = { "cache-control": "no-cache" };
  const block = Math.ceil(plan.c1Iterations / 8);
  const gateway: number[] = [];
  const postgraphile: number[] = [];
  ctx.log(`  nested list orders(first: 20): concurrency 1, 4 alternating blocks of ${block} each`);
  for (let round = 0; round < 4; round++) {
    gateway.push(...(await timeSequential(() => http.graphql("/graphql", GATEWAY_LIST, undefined, noCache), block)));
    if (peer) postgraphile.push(...(await timeSequential(() => peer.graphql("/graphql", POSTGRAPHILE_LIST), block)));
  }
  const g = summarize(gateway);
  const p = peer ? summarize(postgraphile) : null;
  const vs = p ? { label: "PostGraphile 4.9.2", value: p.p50 } : undefined;
  const note = "a page of 20 PAID orders by id, each with customer, items, products and categories; the gateway's result cache skipped (no-cache)";
  return [
    { section: SECTION, metric: "orders(first: 20) nested list, HTTP, concurrency 1, p50", value: g.p50, unit: "ms", baseline: vs, note },
    { section: SECTION, metric: "orders(first: 20) nested list, HTTP, concurrency 1, p95", value: g.p95, unit: "ms", baseline: p ? { label: "PostGraphile 4.9.2", value: p.p95 } : undefined },
  ];
}

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
