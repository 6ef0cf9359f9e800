import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { pino } from "pino";
import { freshBackend, type Backend } from "../helpers/backends.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import { loadConfig } from "../../src/config.js";
import { createApp, type App } from "../../src/app.js";
import { startGateway, type Gateway } from "../../src/http/gateway.js";

const silent = pino({ level: "silent" });

async function post(gateway: Gateway, query: string) {
  const res = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function readyz(gateway: Gateway) {
  const res = await fetch(`${gateway.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
}

/** A port nothing listens on (bound, then released). */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe("database unreachable", () => {
  it("answers /readyz 503 with the reason and GraphQL errors with DATABASE_UNAVAILABLE, and keeps serving", async () => {
    const url = `postgresql://postgres@127.0.0.1:${await deadPort()}/nowhere`;
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: url });
    // Migrations need a database; this gateway starts without one.
    const app = await createApp(config, { log: silent, skipMigrations: true });
    const gateway = await startGateway(app, { port: 0, host: "127.0.0.1" });
    try {
      const r = await readyz(gateway);
      expect(r.status).toBe(503);
      expect(r.body.status).toBe("not ready");
      expect(r.body.reason).toMatch(/database unreachable/);
      const body = await post(gateway, `{ tableCounts { table rows } }`);
      expect(body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(body.errors?.[0]?.message).toMatch(/The database is not reachable right now \(.+\)\. Retry shortly\./);
      expect(body.errors?.[0]?.message).not.toMatch(/invocation|\.ts:/);
      // Parts that need no database still answer.
      expect((await post(gateway, `{ gatewayInfo { database } }`)).data.gatewayInfo.database).toBe("postgres");
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    } finally {
      await gateway.close();
      await app.close();
    }
  });
});

// The embedded PGlite runs inside the gateway's process and cannot vanish under it; a server can.
describe.runIf(process.env.TEST_DATABASE_URL)("recovery when PostgreSQL comes back", () => {
  let backend: Backend;
  let proxy: TcpProxy;
  let app: App;
  let gateway: Gateway;

  beforeAll(async () => {
    backend = await freshBackend("postgres");
    const real = new URL(backend.env.DATABASE_URL!);
    proxy = new TcpProxy(real.hostname, Number(real.port || 5432));
    const proxied = new URL(real.toString());
    proxied.hostname = "127.0.0.1";
    proxied.port = String(await proxy.start());
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...backend.env, DATABASE_URL: proxied.toString() });
    app = await createApp(config, { log: silent });
    gateway = await startGateway(app, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await gateway?.close();
    await app?.close();
    await proxy?.stop();
    await backend?.cleanup();
  });

  it("reports the outage, then serves again by itself once the database is back", async () => {
    const q = `query Counts { tableCounts { table rows } }`;
    expect((await post(gateway, q)).errors).toBeUndefined();
    expect((await readyz(gateway)).status).toBe(200);

    await proxy.stop();
    // The cached answer may still be served, so ask for a fresh one.
    await app.services.cache.invalidateTables(["orders"]);
    const r = await readyz(gateway);
    expect(r.status).toBe(503);
    expect(r.body.reason).toMatch(/database unreachable/);
    const failed = await post(gateway, q);
    expect(failed.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(failed.errors?.[0]?.message).toMatch(/not reachable right now/);

    await proxy.start();
    await expect.poll(async () => (await readyz(gateway)).status, { timeout: 15_000, interval: 200 }).toBe(200);
    await expect.poll(async () => (await post(gateway, q)).errors?.[0]?.message ?? "ok", { timeout: 15_000, interval: 200 }).toBe("ok");
    // The failed answer was not cached: the next one comes from the database with data.
    const again = await post(gateway, q);
    expect(again.data.tableCounts.map((c: { table: string }) => c.table)).toContain("orders");
  });
});
