import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { ResultCache } from "../../src/services/cache/index.js";

const COUNTS = `query Counts($withRows: Boolean = true) { tableCounts { table rows @include(if: $withRows) } }`;
const countsOf = (body: any, table: string) => body.data.tableCounts.find((r: { table: string }) => r.table === table)?.rows;

describe.each(backendNames())("result cache on %s", (backend) => {
  let t: TestGateway;
  let scope = "public";
  beforeAll(async () => {
    t = await startTestGateway(backend, {}, { demoTables: true });
    // Stand in for an auth layer: the test decides the caller's scope of each request.
    const original = t.app.createContext;
    t.app.createContext = (input) => ({ ...original(input), auth: { scope } });
  });
  afterAll(async () => t?.close());

  const stats = async () => (await t.gql(`{ cacheStats { backend size maxSize hits misses hitRate evictions expirations } }`)).cacheStats;

  it("answers a repeated query from the cache and says so", async () => {
    const before = await stats();
    const first = await t.request(COUNTS);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(first.body.extensions?.cached).toBeUndefined();
    const second = await t.request(COUNTS);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.body.extensions).toEqual({ cached: true });
    expect(second.body.data).toEqual(first.body.data);
    const after = await stats();
    expect(after.backend).toBe(process.env.REDIS_URL && backend === "postgres" ? "redis" : "memory");
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(1);
    expect(after.size).toBeGreaterThanOrEqual(1);
    expect(after.hitRate).toBeCloseTo(after.hits / (after.hits + after.misses));
  });

  it("honours the caller's Cache-Control: no-cache re-runs and refreshes, no-store stores nothing, both bypass", async () => {
    const q = `query Directives($withRows: Boolean = true) { tableCounts { table rows @include(if: $withRows) } d: __typename }`;
    const before = await stats();
    // no-store: runs, stores nothing, so the next plain request is still a miss.
    expect((await t.request(q, {}, { "cache-control": "no-store" })).headers.get("x-cache")).toBe("MISS");
    expect((await t.request(q, {}, { "cache-control": "no-cache, no-store" })).headers.get("x-cache")).toBe("BYPASS");
    expect((await t.request(q)).headers.get("x-cache")).toBe("MISS");
    expect((await t.request(q)).headers.get("x-cache")).toBe("HIT");
    // no-cache: runs although an entry exists (not counted as a hit), and stores the fresh answer.
    expect((await t.request(q, {}, { "cache-control": "no-cache" })).headers.get("x-cache")).toBe("MISS");
    expect((await t.request(q)).headers.get("x-cache")).toBe("HIT");
    const after = await stats();
    expect(after.hits - before.hits).toBe(2);
    expect(after.misses - before.misses).toBe(2);
  });

  it("keys on variables and on the caller's scope", async () => {
    expect((await t.request(COUNTS, { withRows: false })).headers.get("x-cache")).toBe("MISS");
    expect((await t.request(COUNTS, { withRows: false })).headers.get("x-cache")).toBe("HIT");
    scope = "tenant-b";
    try {
      expect((await t.request(COUNTS, { withRows: false })).headers.get("x-cache")).toBe("MISS");
      expect((await t.request(COUNTS, { withRows: false })).headers.get("x-cache")).toBe("HIT");
    } finally {
      scope = "public";
    }
  });

  it("never caches an operation with an uncached root field, nor mutations", async () => {
    const q = `{ tableCounts { table } gatewayInfo { version } }`;
    expect((await t.request(q)).headers.get("x-cache")).toBe("MISS");
    const again = await t.request(q);
    expect(again.headers.get("x-cache")).toBe("MISS");
    expect(again.body.extensions?.cached).toBeUndefined();
    const m = `mutation { invalidateCache(pattern: "Nothing*") { entriesDropped } }`;
    await t.request(m);
    expect((await t.request(m)).headers.get("x-cache")).toBe("MISS");
  });

  it("serves the stale answer until the table is invalidated, then the fresh one", async () => {
    const base = await t.request(COUNTS);
    const n = countsOf(base.body, "categories");
    await t.app.services.db.query(`INSERT INTO categories (name) VALUES ($1)`, [`cache-test-${Date.now()}`]);
    const stale = await t.request(COUNTS);
    expect(stale.headers.get("x-cache")).toBe("HIT");
    expect(countsOf(stale.body, "categories")).toBe(n);

    expect(await t.app.services.cache.invalidateTables(["categories"])).toBe(1);
    const fresh = await t.request(COUNTS);
    expect(fresh.headers.get("x-cache")).toBe("MISS");
    expect(countsOf(fresh.body, "categories")).toBe(n + 1);
    expect((await t.request(COUNTS)).headers.get("x-cache")).toBe("HIT");
  });

  it("caches a data-API query and drops it on a write to a table it reads: a data-API mutation, then an ingest", async () => {
    const made = await t.gql(`mutation { createCategory(input: { name: "Cache shelf" }) { id } }`);
    const product = (
      await t.gql(`mutation($c: Int!) { createProduct(input: { sku: "CACHE-1", name: "Cached lamp", categoryId: $c, price: "10.00", cost: "4.00", stock: 3, reorderLevel: 1 }) { id } }`, {
        c: made.createCategory.id,
      })
    ).createProduct;
    const q = `query($sku: String!) { productBySku(sku: $sku) { name price category { name } reviews { totalCount } } }`;
    const vars = { sku: "CACHE-1" };
    const first = await t.request(q, vars);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(first.body.data!.productBySku).toEqual({ name: "Cached lamp", price: "10.00", category: { name: "Cache shelf" }, reviews: { totalCount: 0 } });
    expect((await t.request(q, vars)).headers.get("x-cache")).toBe("HIT");

    // A write to the queried table through the generated API.
    await t.gql(`mutation($id: Int!) { updateProduct(id: $id, patch: { price: "12.50" }) { id } }`, { id: product.id });
    const afterUpdate = await t.request(q, vars);
    expect(afterUpdate.headers.get("x-cache")).toBe("MISS");
    expect(afterUpdate.body.data!.productBySku.price).toBe("12.50");
    expect((await t.request(q, vars)).headers.get("x-cache")).toBe("HIT");

    // A write to a table the query reaches through a relation.
    await t.gql(`mutation($id: Int!) { updateCategory(id: $id, patch: { name: "Cache shelf 2" }) { id } }`, { id: made.createCategory.id });
    const afterRelated = await t.request(q, vars);
    expect(afterRelated.headers.get("x-cache")).toBe("MISS");
    expect(afterRelated.body.data!.productBySku.category).toEqual({ name: "Cache shelf 2" });
    expect((await t.request(q, vars)).headers.get("x-cache")).toBe("HIT");

    // An ingest job writing a table the query reads (reviews, through Product.reviews).
    const customer = (await t.gql(`mutation { createCustomer(input: { email: "cache@example.com", name: "Cay", country: "DE", city: "Bonn", segment: SMB }) { id } }`)).createCustomer;
    const job = await t.gql(`mutation($r: [JSON!]!) { ingest(table: "reviews", records: $r) { status accepted } }`, { r: [{ product_id: product.id, customer_id: customer.id, rating: 5 }] });
    expect(job.ingest).toEqual({ status: "SUCCEEDED", accepted: 1 });
    const afterIngest = await t.request(q, vars);
    expect(afterIngest.headers.get("x-cache")).toBe("MISS");
    expect(afterIngest.body.data!.productBySku.reviews).toEqual({ totalCount: 1 });
    expect((await t.request(q, vars)).headers.get("x-cache")).toBe("HIT");
  });

  it("invalidates by table through the mutation", async () => {
    await t.request(COUNTS);
    expect((await t.request(COUNTS)).headers.get("x-cache")).toBe("HIT");
    const res = await t.gql(`mutation { invalidateCache(table: "orders") { tagsBumped entriesDropped } }`);
    expect(res.invalidateCache).toEqual({ tagsBumped: 1, entriesDropped: 0 });
    expect((await t.request(COUNTS)).headers.get("x-cache")).toBe("MISS");
  });

  it("drops entries whose operation name matches a pattern, and only those", async () => {
    const a = `query CountsAlpha { tableCounts { table } }`;
    const b = `query CountsBeta { tableCounts { table } }`;
    await t.request(a);
    await t.request(b);
    expect((await t.request(a)).headers.get("x-cache")).toBe("HIT");
    const res = await t.gql(`mutation { invalidateCache(pattern: "CountsAl*") { tagsBumped entriesDropped } }`);
    expect(res.invalidateCache).toEqual({ tagsBumped: 0, entriesDropped: 1 });
    expect((await t.request(a)).headers.get("x-cache")).toBe("MISS");
    expect((await t.request(b)).headers.get("x-cache")).toBe("HIT");
  });

  it("refuses an invalidation it cannot carry out, saying what to send", async () => {
    const none = await t.gqlError(`mutation { invalidateCache { tagsBumped } }`);
    expect(none.extensions?.code).toBe("BAD_USER_INPUT");
    expect(none.message).toMatch(/Give `table`.*or `pattern`/);
    const unknown = await t.gqlError(`mutation { invalidateCache(table: "order") { tagsBumped } }`);
    expect(unknown.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknown.message).toMatch(/Unknown table "order"\. Known tables: .*orders/);
    const badGlob = await t.gqlError(`mutation { invalidateCache(pattern: "a b") { tagsBumped } }`);
    expect(badGlob.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badGlob.message).toMatch(/pattern must be .* got "a b"/);
  });
});

describe.each(backendNames())("result cache bounds on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { CACHE_TTL_SECONDS: "1", CACHE_MAX_ENTRIES: "2" }, { demoTables: true });
  });
  afterAll(async () => t?.close());
  const redis = () => t.app.services.cache.backend === "redis";

  it("expires entries after their TTL and counts the expirations", async () => {
    const before = (await t.app.services.cache.stats()).expirations;
    await t.request(COUNTS);
    expect((await t.request(COUNTS)).headers.get("x-cache")).toBe("HIT");
    await sleep(1_300);
    expect((await t.request(COUNTS)).headers.get("x-cache")).toBe("MISS");
    const after = await t.app.services.cache.stats();
    // On Redis the figure is the server's expired_keys, which it updates lazily or on its own sweep.
    if (!redis()) expect(after.expirations).toBeGreaterThan(before);
  });

  it("evicts the least recently used entry beyond CACHE_MAX_ENTRIES (memory)", async () => {
    if (redis()) return;
    await t.app.services.cache.invalidatePattern("*");
    const before = (await t.app.services.cache.stats()).evictions;
    for (const name of ["E1", "E2", "E3"]) await t.request(`query ${name} { tableCounts { table } }`);
    const s = await t.app.services.cache.stats();
    expect(s.size).toBe(2);
    expect(s.maxSize).toBe(2);
    expect(s.evictions - before).toBe(1);
    expect((await t.request(`query E1 { tableCounts { table } }`)).headers.get("x-cache")).toBe("MISS");
    expect((await t.request(`query E3 { tableCounts { table } }`)).headers.get("x-cache")).toBe("HIT");
  });
});

describe.runIf(process.env.REDIS_URL)("result cache on Redis shared by two gateways", () => {
  it("sees another instance's entries and invalidations", async () => {
    const log = pino({ level: "silent" });
    const redis = { url: process.env.REDIS_URL!, prefix: `kztest:shared:${Date.now()}` };
    const a = new ResultCache({ maxEntries: 10, defaultTtlSeconds: 30, redis, log });
    const b = new ResultCache({ maxEntries: 10, defaultTtlSeconds: 30, redis, log });
    const other = new ResultCache({ maxEntries: 10, defaultTtlSeconds: 30, redis: { ...redis, prefix: `${redis.prefix}:other` }, log });
    try {
      const input = { documentHash: "h", operationName: "Q", variables: { x: 1 }, scope: "public", tables: ["orders"] };
      await a.store(await a.lookup(input), { n: 1 });
      expect((await b.lookup(input)).value).toEqual({ n: 1 });
      expect((await other.lookup(input)).value).toBeUndefined();
      await b.invalidateTables(["orders"]);
      expect((await a.lookup(input)).value).toBeUndefined();
      // An answer computed before an invalidation is stored stale, never served.
      const before = await a.lookup(input);
      await b.invalidateTables(["orders"]);
      await a.store(before, { n: 2 });
      expect((await a.lookup(input)).value).toBeUndefined();
      expect((await a.stats()).maxSize).toBeNull();
    } finally {
      await Promise.all([a.close(), b.close(), other.close()]);
    }
  });
});

describe("result cache with Redis unreachable", () => {
  it("answers every query uncached instead of failing or hanging", async () => {
    const net = await import("node:net");
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const t = await startTestGateway("pglite", { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: "kztest:dead" }, { demoTables: true });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await t.request(COUNTS);
        expect(res.body.errors).toBeUndefined();
        expect(res.headers.get("x-cache")).toBe("MISS");
      }
      const s = (await t.gql(`{ cacheStats { backend hits misses size } }`)).cacheStats;
      expect(s).toMatchObject({ backend: "redis", hits: 0, misses: 2, size: 0 });
      // Writes must not fail because the cache is away: the mutation answers, bumping nothing.
      const inv = await t.gql(`mutation { invalidateCache(table: "orders", pattern: "*") { tagsBumped entriesDropped } }`);
      expect(inv.invalidateCache).toEqual({ tagsBumped: 0, entriesDropped: 0 });
    } finally {
      await t.close();
    }
  });
});
