import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { pino } from "pino";
import { backendNames, freshBackend, type Backend } from "../helpers/backends.js";
import { loadConfig } from "../../src/config.js";
import { createApp, type App } from "../../src/app.js";
import { startGateway, type Gateway } from "../../src/http/gateway.js";

describe.each(backendNames())("observability on %s", (backendName) => {
  let backend: Backend;
  let app: App;
  let gateway: Gateway;
  const lines: Array<Record<string, any>> = [];

  beforeAll(async () => {
    backend = await freshBackend(backendName);
    const config = loadConfig({ NODE_ENV: "test", PORT: "0", LOG_LEVEL: "info", DB_POOL_SIZE: "4", ...backend.env });
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l));
        done();
      },
    });
    app = await createApp(config, { log: pino({ level: "info" }, sink) });
    gateway = await startGateway(app, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await gateway?.close();
    await app?.close();
    await backend?.cleanup();
  });

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
    return { res, body: (await res.json()) as { data?: any; errors?: any[] } };
  };

  it("reports pool, cache and per-operation timings in gatewayStats", async () => {
    for (let i = 0; i < 3; i++) await post(`query Alpha { tableCounts { table rows } }`);
    await post(`query Broken { gatewayInfo { nope } }`);
    const { body } = await post(`{ gatewayStats {
      pool { kind maxSize open inUse idle waiting acquisitions connectionsOpened reuseRate statements }
      cache { backend size maxSize hits misses hitRate evictions expirations }
      operations { operation count errors meanMs p50Ms p95Ms maxMs } } }`);
    expect(body.errors).toBeUndefined();
    const s = body.data.gatewayStats;
    expect(s.pool.kind).toBe(backendName);
    expect(s.pool.maxSize).toBe(backendName === "postgres" ? 4 : 1);
    expect(s.pool.statements).toBeGreaterThan(0);
    // PGlite has one connection and counts checkouts only for raw SQL, not Prisma's; Postgres counts every checkout.
    if (backendName === "postgres") expect(s.pool.acquisitions).toBeGreaterThan(0);
    expect(s.pool.open).toBe(s.pool.inUse + s.pool.idle);
    expect(s.pool.reuseRate).toBeGreaterThanOrEqual(0);
    expect(s.pool.reuseRate).toBeLessThanOrEqual(1);
    // Three Alpha requests: one miss that executed, two hits.
    expect(s.cache.hits).toBe(2);
    expect(s.cache.misses).toBe(1);
    const alpha = s.operations.find((o: { operation: string }) => o.operation === "Alpha");
    expect(alpha).toMatchObject({ count: 3, errors: 0 });
    expect(alpha.p50Ms).toBeGreaterThan(0);
    expect(alpha.p50Ms).toBeLessThanOrEqual(alpha.p95Ms);
    expect(alpha.p95Ms).toBeLessThanOrEqual(alpha.maxMs);
    expect(alpha.meanMs).toBeLessThanOrEqual(alpha.maxMs);
    expect(s.operations.find((o: { operation: string }) => o.operation === "Broken")).toMatchObject({ count: 1, errors: 1 });
  });

  it("serves the same figures at /metrics in Prometheus text format", async () => {
    const { body } = await post(`{ gatewayStats { pool { maxSize } cache { hits misses } operations { operation count errors } } }`);
    const s = body.data.gatewayStats;
    const res = await fetch(`${gateway.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    const value = (series: string) => {
      const line = text.split("\n").find((l) => l.startsWith(`${series} `));
      if (!line) throw new Error(`no series ${series} in\n${text}`);
      return Number(line.slice(series.length + 1));
    };
    expect(text).toMatch(/# TYPE kaizen_db_pool_max_size gauge/);
    expect(value("kaizen_db_pool_max_size")).toBe(s.pool.maxSize);
    expect(value("kaizen_cache_hits")).toBe(s.cache.hits);
    expect(value("kaizen_cache_misses")).toBe(s.cache.misses);
    expect(value('kaizen_operation_count{operation="Alpha"}')).toBe(3);
    expect(value('kaizen_operation_errors{operation="Broken"}')).toBe(1);
    expect(value('kaizen_operation_duration_ms{operation="Alpha",stat="p95"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^kaizen_process_cpu_user_seconds_total /m);
  });

  it("writes one JSON log line per request with its request id", async () => {
    await post(`query LoggedOne { gatewayInfo { version } }`, { "x-request-id": "req-log-test-1" });
    await post(`query LoggedTwo { gatewayInfo { nope } }`, { "x-request-id": "req-log-test-2" });
    const one = lines.filter((l) => l.requestId === "req-log-test-1" && l.msg === "graphql request");
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ level: 30, operation: "LoggedOne", operationType: "query", errors: 0, cached: false });
    expect(typeof one[0]!.durationMs).toBe("number");
    const two = lines.filter((l) => l.requestId === "req-log-test-2" && l.msg === "graphql request failed");
    expect(two).toHaveLength(1);
    expect(two[0]).toMatchObject({ level: 40, operation: "LoggedTwo", errors: 1 });
  });
});
