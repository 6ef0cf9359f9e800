/**
 * Issue 2's benchmark: the nested order(id) query over HTTP against plain pg
 * and PostGraphile v4, the same query from the cache, salesSummary by month
 * (uncached and cached), and the streamed /export/orders against a pg cursor.
 */
import Cursor from "pg-cursor";
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

const SALES_BY_MONTH = /* GraphQL */ `query Sales($from: DateTime!, $to: DateTime!) {
  salesSummary(from: $from, to: $to, groupBy: MONTH) { key revenue orderCount units averageOrderValue }
}`;

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
  exportRuns: number;
}

async function latencyAndThroughput(label: string, fn: (i: number) => Promise<unknown>, plan: Plan, log: (m: string) => void) {
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
    const plan: Plan = ctx.quick ? { c1Iterations: 200, c16Ms: 1_500, warmupMs: 300, exportRuns: 1 } : { c1Iterations: 2_000, c16Ms: 8_000, warmupMs: 1_500, exportRuns: 2 };
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

    http.close();
    return rows;
  },
};

export { Cursor, RssSampler, nowMs, SALES_BY_MONTH };
