/**
 * The gateway's foundations beside plain pg and PostGraphile v4 on the same database (issues 2 and 10): the
 * nested order(id) query, the 20-order nested page and a filtered, sorted list through the API generated from the
 * demo's tables; the schema build for a synthetic 300-table database (schema-build.ts); the same order(id) from
 * the result cache; salesSummary by month (uncached and cached); the streamed /export/orders against a pg cursor.
 */
import type pg from "pg";
import Cursor from "pg-cursor";
import { to as copyToStdout } from "pg-copy-streams";
import { HttpDriver } from "../lib/http.js";
import { RssSampler } from "../lib/memory.js";
import { startNodeServer, type ServerHandle } from "../lib/processes.js";
import { nowMs, summarize, timeInterleaved, timeSequential, type Contender, type InterleavedResult } from "../lib/stats.js";
import type { BenchContext, BenchSection, ResultRow } from "../lib/types.js";
import { schemaBuild } from "./schema-build.js";

const SECTION = "foundation";

const GATEWAY_ORDER = /* GraphQL */ `query Order($id: Int!) {
  order(id: $id) {
    id status channel orderedAt total
    customer { id name email country }
    orderItems(orderBy: [ID_ASC]) { nodes { id quantity unitPrice discount product { id sku name price } } }
  }
}`;

const POSTGRAPHILE_ORDER = /* GraphQL */ `query Order($id: Int!) {
  orderById(id: $id) {
    id status channel orderedAt total
    customerByCustomerId { id name email country }
    orderItemsByOrderId(orderBy: ID_ASC) { nodes { id quantity unitPrice discount productByProductId { id sku name price } } }
  }
}`;

/** A page of 20 orders with their customers, items, products and categories. */
const GATEWAY_LIST = /* GraphQL */ `{
  orders(first: 20, filter: { status: { eq: PAID } }, orderBy: [ID_ASC]) {
    nodes { id total customer { name } orderItems(orderBy: [ID_ASC]) { nodes { quantity product { name category { name } } } } }
  }
}`;

const POSTGRAPHILE_LIST = /* GraphQL */ `{
  allOrders(first: 20, condition: { status: PAID }, orderBy: ID_ASC) {
    nodes { id total customerByCustomerId { name } orderItemsByOrderId(orderBy: ID_ASC) { nodes { quantity productByProductId { name categoryByCategoryId { name } } } } }
  }
}`;

/**
 * Paid orders over 100 in one month, largest first, with their customers: a set of statuses, two ranges and a sort
 * on another column than the key. "Paid" is every status after payment (PAID, SHIPPED, DELIVERED): the demo's
 * seeder keeps status PAID for its last ten days only, so PAID alone would leave every month but one empty.
 */
const GATEWAY_FILTERED = /* GraphQL */ `query Filtered($from: Datetime!, $to: Datetime!) {
  orders(first: 20, filter: { status: { in: [PAID, SHIPPED, DELIVERED] }, total: { gt: "100" }, orderedAt: { gte: $from, lt: $to } }, orderBy: [TOTAL_DESC]) {
    nodes { id status orderedAt total customer { id name email country } }
  }
}`;

/**
 * PostGraphile v4 without the connection-filter plugin compares columns only for equality (condition): no set of
 * values, no ranges. Its closest equivalent is a SQL function taking them, which PostGraphile exposes as a
 * connection with paging (and orderBy, being tagged @sortable). It is created in the bench database only, for this
 * section, and dropped after it. A LANGUAGE sql STABLE function of one SELECT is inlined by the planner:
 * PostgreSQL plans the same query as for a WHERE clause.
 */
const PEER_FUNCTION = `CREATE OR REPLACE FUNCTION bench_orders_between(statuses "OrderStatus"[], min_total numeric, ordered_from timestamptz, ordered_to timestamptz)
  RETURNS SETOF orders LANGUAGE sql STABLE
  AS $$ SELECT * FROM orders WHERE status = ANY (statuses) AND total > min_total AND ordered_at >= ordered_from AND ordered_at < ordered_to $$;
COMMENT ON FUNCTION bench_orders_between("OrderStatus"[], numeric, timestamptz, timestamptz) IS '@sortable'`;
const DROP_PEER_FUNCTION = `DROP FUNCTION IF EXISTS bench_orders_between("OrderStatus"[], numeric, timestamptz, timestamptz)`;

const POSTGRAPHILE_FILTERED = /* GraphQL */ `query Filtered($from: Datetime!, $to: Datetime!) {
  benchOrdersBetween(statuses: [PAID, SHIPPED, DELIVERED], minTotal: "100", orderedFrom: $from, orderedTo: $to, orderBy: TOTAL_DESC, first: 20) {
    nodes { id status orderedAt total customerByCustomerId { id name email country } }
  }
}`;

/** The same question in SQL, to check both servers' answers before timing them (o.total: a bare `total` would sort the text output column). */
const FILTERED_SQL = `SELECT o.id, o.total::text AS total FROM orders o
  WHERE o.status IN ('PAID', 'SHIPPED', 'DELIVERED') AND o.total > 100 AND o.ordered_at >= $1 AND o.ordered_at < $2
  ORDER BY o.total DESC, o.id LIMIT 20`;

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
  /** Schema build: fresh processes per contender (alternating), and reloads in each. */
  schemaRuns: number;
  schemaReloads: number;
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
  description: "generated API (order(id) nested, 20-order nested page, filtered sorted list) vs plain pg and PostGraphile v4; schema build for 300 tables; cache; salesSummary; /export/orders streaming",
  async run(ctx) {
    const plan: Plan = ctx.quick
      ? { c1Iterations: 200, rounds: 2, roundMs: 750, warmupMs: 300, cachedIterations: 300, salesIterations: 5, exportRuns: 1, schemaRuns: 1, schemaReloads: 2 }
      : { c1Iterations: 2_000, rounds: 6, roundMs: 1_500, warmupMs: 1_500, cachedIterations: 3_000, salesIterations: 20, exportRuns: 2, schemaRuns: 3, schemaReloads: 3 };
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
      // Before PostGraphile starts: it reads the database's functions once, at start.
      await ctx.pg.query(PEER_FUNCTION);
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
            { section: SECTION, metric: "order(id) vs PostGraphile v4, concurrency 1, p50", value: g1.p50, unit: "ms", baseline: { label: "PostGraphile 4.9.2", value: pglC1.p50 }, target: "≤ 0.8× PostGraphile" },
            { section: SECTION, metric: "order(id) vs PostGraphile v4, concurrency 16, throughput", value: g16.perSecond, unit: "req/s", baseline: { label: "PostGraphile 4.9.2", value: pglC16.perSecond }, target: "≥ 1.2× PostGraphile", note: "rounds alternating with PostGraphile's" },
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
      if (hasOrder) {
        rows.push(...(await nestedList(ctx, http, peerHttp, plan)));
        rows.push(...(await filteredList(ctx, http, peerHttp, plan)));
      } else rows.push(notRun("orders lists", "the gateway has no Query.orders yet"));
    } finally {
      peerHttp?.close();
      await peer?.stop();
      await ctx.pg.query(DROP_PEER_FUNCTION);
    }

    rows.push(...(await schemaBuild(ctx, plan.schemaRuns, plan.schemaReloads)));

    rows.push(...(await cachedOrder(ctx, http, plan)));
    rows.push(...(await sales(ctx, http, plan)));
    rows.push(...(await exportOrders(ctx, gw, http, plan)));
    http.close();
    return rows;
  },
};

/**
 * A list query of the gateway beside PostGraphile's equivalent: at concurrency 1 in alternating blocks (p50, p95),
 * and at concurrency 16 in alternating rounds (throughput). The gateway is asked with `Cache-Control: no-cache`,
 * so every request runs (its answer is still stored) as PostGraphile's always do.
 */
async function listBesidePeer(
  ctx: BenchContext,
  plan: Plan,
  list: { metric: string; note: string; gateway: (i: number) => Promise<unknown>; peer: ((i: number) => Promise<unknown>) | null },
): Promise<ResultRow[]> {
  const block = Math.ceil(plan.c1Iterations / 8);
  const gateway: number[] = [];
  const postgraphile: number[] = [];
  ctx.log(`  ${list.metric}: concurrency 1, 4 alternating blocks of ${block} each`);
  let next = 0;
  for (let round = 0; round < 4; round++) {
    gateway.push(...(await timeSequential(() => list.gateway(next++), block)));
    if (list.peer) postgraphile.push(...(await timeSequential(() => list.peer!(next++), block)));
  }
  const contenders: Contender[] = [{ label: "gateway", call: list.gateway }];
  if (list.peer) contenders.push({ label: "postgraphile", call: list.peer });
  ctx.log(`  ${list.metric}: concurrency ${C16}, ${contenders.map((c) => c.label).join(", ")} alternating, ${plan.rounds} rounds of ${plan.roundMs} ms each`);
  const c16 = await timeInterleaved(contenders, { concurrency: C16, rounds: plan.rounds, roundMs: plan.roundMs, warmupMs: plan.warmupMs });
  for (const [label, r] of c16) if (r.errors) throw new Error(`${list.metric}, ${label}: ${r.errors} errors at concurrency ${C16}, first: ${r.firstError}`);

  const g = summarize(gateway);
  const p = list.peer ? summarize(postgraphile) : null;
  const g16 = c16.get("gateway")!;
  const p16 = c16.get("postgraphile");
  const peer = (value: number | undefined) => (value === undefined ? undefined : { label: "PostGraphile 4.9.2", value });
  const rows: ResultRow[] = [
    { section: SECTION, metric: `${list.metric}, HTTP, concurrency 1, p50`, value: g.p50, unit: "ms", baseline: peer(p?.p50), target: "≤ 0.8× PostGraphile", note: list.note },
    { section: SECTION, metric: `${list.metric}, HTTP, concurrency 1, p95`, value: g.p95, unit: "ms", baseline: peer(p?.p95) },
    { section: SECTION, metric: `${list.metric}, HTTP, concurrency ${C16}, throughput`, value: g16.perSecond, unit: "req/s", baseline: peer(p16?.perSecond), target: "≥ 1.2× PostGraphile", note: `gateway ${spread(g16)}${p16 ? `; PostGraphile ${spread(p16)}` : ""}` },
  ];
  if (!list.peer) rows.push(notRun(`PostGraphile beside ${list.metric}`, "PostGraphile did not start or answer (see log)"));
  return rows;
}

/** The 20-order nested page: each order with its customer, items, products and categories. */
function nestedList(ctx: BenchContext, http: HttpDriver, peer: HttpDriver | null, plan: Plan): Promise<ResultRow[]> {
  const noCache = { "cache-control": "no-cache" };
  return listBesidePeer(ctx, plan, {
    metric: "orders(first: 20) nested list",
    note: "a page of 20 PAID orders by id, each with customer, items, products and categories; the gateway's result cache skipped (no-cache)",
    gateway: () => http.graphql("/graphql", GATEWAY_LIST, undefined, noCache),
    peer: peer ? () => peer.graphql("/graphql", POSTGRAPHILE_LIST) : null,
  });
}

/** Whole calendar months (UTC) within the orders' dates, each as { from, to }. */
async function orderMonths(ctx: BenchContext): Promise<Array<{ from: string; to: string }>> {
  const { lo, hi } = (await ctx.pg.query("SELECT min(ordered_at) AS lo, max(ordered_at) AS hi FROM orders")).rows[0] as { lo: Date; hi: Date };
  const months: Array<{ from: string; to: string }> = [];
  for (let m = new Date(Date.UTC(lo.getUTCFullYear(), lo.getUTCMonth() + 1, 1)); ; ) {
    const next = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    if (next > hi) break;
    months.push({ from: m.toISOString(), to: next.toISOString() });
    m = next;
  }
  if (months.length === 0) throw new Error(`the orders span no whole month (${lo.toISOString()} … ${hi.toISOString()})`);
  return months;
}

/**
 * Paid orders (PAID, SHIPPED, DELIVERED) over 100 in a month, by total descending, with their customers: request i asks for month i modulo
 * the months of data, the same sequence for both servers. Both answers are checked against SQL first.
 */
async function filteredList(ctx: BenchContext, http: HttpDriver, peer: HttpDriver | null, plan: Plan): Promise<ResultRow[]> {
  const noCache = { "cache-control": "no-cache" };
  const months = await orderMonths(ctx);
  const month = (i: number) => months[i % months.length]!;
  const want = (await ctx.pg.query<{ id: number; total: string }>(FILTERED_SQL, [months[0]!.from, months[0]!.to])).rows;
  if (want.length < 20) throw new Error(`fewer than 20 paid orders over 100 in the month from ${months[0]!.from}: the list would not fill a page`);
  type Node = { id: number; total: string };
  const got = (await http.graphql<{ orders: { nodes: Node[] } }>("/graphql", GATEWAY_FILTERED, month(0), noCache)).data.orders.nodes;
  if (JSON.stringify(got.map((n) => [n.id, n.total])) !== JSON.stringify(want.map((r) => [r.id, r.total]))) {
    throw new Error(`the gateway's filtered list differs from SQL: ${JSON.stringify(got.map((n) => n.id))} vs ${JSON.stringify(want.map((r) => r.id))}`);
  }
  if (peer) {
    // Compared by totals: ties may be ordered apart.
    const theirs = (await peer.graphql<{ benchOrdersBetween: { nodes: Node[] } }>("/graphql", POSTGRAPHILE_FILTERED, month(0))).data.benchOrdersBetween.nodes;
    if (JSON.stringify(theirs.map((n) => n.total)) !== JSON.stringify(want.map((r) => r.total))) throw new Error(`PostGraphile's filtered list differs from SQL: ${JSON.stringify(theirs.map((n) => n.total))}`);
  }
  return listBesidePeer(ctx, plan, {
    metric: "paid orders over 100 in a month by total, with customers (first 20)",
    note:
      `status in PAID, SHIPPED, DELIVERED, total > 100, a month of orderedAt (${months.length} months in turn), orderBy TOTAL_DESC; the gateway's result cache skipped (no-cache). ` +
      "PostGraphile v4 has only equality conditions: its side is benchOrdersBetween(statuses, minTotal, orderedFrom, orderedTo, orderBy: TOTAL_DESC, first: 20), " +
      "a LANGUAGE sql STABLE function (inlined by the planner) created in the bench database for this section and dropped after it",
    gateway: (i) => http.graphql("/graphql", GATEWAY_FILTERED, month(i), noCache),
    peer: peer ? (i) => peer.graphql("/graphql", POSTGRAPHILE_FILTERED, month(i)) : null,
  });
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
