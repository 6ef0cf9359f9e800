/**
 * Ad-hoc comparison (not a bench section): the generated data API against the hand-written resolvers in
 * the same gateway process, and against PostGraphile v4, on the demo data at scale 1 in PostgreSQL, in
 * alternating rounds (bench/lib/stats.ts). The result cache is bypassed (Cache-Control: no-cache,
 * no-store). Usage: npx tsx bench/adhoc/dataapi-vs-handwritten.ts [database URL]
 */
import { HttpDriver } from "../lib/http.js";
import { startNodeServer } from "../lib/processes.js";
import { ensureDatabase, ensureSeeded } from "../lib/setup.js";
import { summarize, timeInterleaved, type Contender } from "../lib/stats.js";

const url = process.argv[2] ?? "postgresql://postgres@127.0.0.1:5432/kz_dataapi_adhoc";
const log = (m: string) => console.log(m);
const noCache = { "cache-control": "no-cache, no-store" };

const queries = {
  handList: `{ orders(first: 20, filter: { statuses: [PAID] }, orderBy: { field: ID, direction: ASC }) { edges { node { id total customer { name } items { quantity product { name category { name } } } } } } }`,
  genList: `{ publicOrders(first: 20, filter: { status: { eq: PAID } }, orderBy: [ID_ASC]) { nodes { id total customer { name } orderItems { nodes { quantity product { name category { name } } } } } } }`,
  pglList: `{ allOrders(first: 20, condition: { status: PAID }, orderBy: ID_ASC) { nodes { id total customerByCustomerId { name } orderItemsByOrderId(orderBy: ID_ASC) { nodes { quantity productByProductId { name categoryByCategoryId { name } } } } } } }`,
  handOrder: `query($id: Int!) { order(id: $id) { id status channel orderedAt total customer { id name email country } items { id quantity unitPrice discount product { id sku name price } } } }`,
  genOrder: `query($id: Int!) { publicOrder(id: $id) { id status channel orderedAt total customer { id name email country } orderItems { nodes { id quantity unitPrice discount product { id sku name price } } } } }`,
  pglOrder: `query($id: Int!) { orderById(id: $id) { id status channel orderedAt total customerByCustomerId { id name email country } orderItemsByOrderId(orderBy: ID_ASC) { nodes { id quantity unitPrice discount productByProductId { id sku name price } } } } }`,
};

await ensureDatabase(url, log);
await ensureSeeded(url, 1, log);
const gateway = await startNodeServer({ name: "gateway+dataapi", script: "bench/adhoc/dataapi-server.mjs", readyPath: "/readyz", env: { DATABASE_URL: url, REDIS_URL: "", SEED_ON_START: "false", LOG_LEVEL: "warn", NODE_ENV: "production", API_SCHEMAS: "public" }, timeoutMs: 120_000 });
const pgl = await startNodeServer({ name: "postgraphile", script: "bench/servers/postgraphile.ts", readyPath: "/graphql", env: { DATABASE_URL: url } });
try {
  const g = new HttpDriver(gateway.url);
  const p = new HttpDriver(pgl.url);
  const ids = (i: number) => 1 + ((i * 7919) % 50_000);
  const on = (d: HttpDriver, q: string, vars?: (i: number) => Record<string, unknown>): Contender["call"] => (i) => d.graphql("/graphql", q, vars?.(i), noCache);
  // Same answers first: the generated list must hold the hand-written list's orders.
  const a = (await g.graphql<any>("/graphql", queries.handList, undefined, noCache)).data.orders.edges.map((e: any) => e.node.id);
  const b = (await g.graphql<any>("/graphql", queries.genList, undefined, noCache)).data.publicOrders.nodes.map((n: any) => n.id);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`lists differ: ${a} vs ${b}`);
  for (const [name, hand, gen, pg, vars] of [
    ["orders(first: 20) nested list", queries.handList, queries.genList, queries.pglList, undefined],
    ["order(id) nested", queries.handOrder, queries.genOrder, queries.pglOrder, (i: number) => ({ id: ids(i) })],
  ] as const) {
    for (const concurrency of [1, 16]) {
      const r = await timeInterleaved(
        [
          { label: "hand-written", call: on(g, hand, vars) },
          { label: "generated", call: on(g, gen, vars) },
          { label: "PostGraphile", call: on(p, pg, vars) },
        ],
        { concurrency, rounds: 6, roundMs: 2_500, warmupMs: 1_500 },
      );
      for (const [label, res] of r) {
        const s = summarize(res.latencies);
        log(`${name.padEnd(30)} c${String(concurrency).padEnd(3)} ${label.padEnd(13)} ${res.perSecond.toFixed(0).padStart(6)} req/s  p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  errors ${res.errors}${res.firstError ? ` (${String(res.firstError).slice(0, 200)})` : ""}`);
      }
    }
  }
} finally {
  await gateway.stop();
  await pgl.stop();
}
