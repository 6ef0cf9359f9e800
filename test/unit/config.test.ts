import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { ConfigError, ENV_VARIABLES, loadConfig } from "../../src/config.js";

const root = path.resolve(import.meta.dirname, "../..");

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    // Only PATH and HOME from outside: a developer's own variables must not change what this test sees.
    const child = spawn("npx", ["tsx", "src/server.ts"], { cwd: root, env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d) => (stdout += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe("configuration", () => {
  it("refuses to start with bad variables, naming every one of them", async () => {
    const { code, stderr } = await run({
      PORT: "eighty",
      DB_POOL_SIZE: "0",
      REDIS_URL: "http://127.0.0.1:6379",
      LOG_LEVEL: "loud",
      CACHE_TTL_SECONDS: "-5",
      DATABASE_URL: "mysql://root@localhost/db",
    });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/Invalid configuration/);
    for (const name of ["PORT", "DB_POOL_SIZE", "REDIS_URL", "LOG_LEVEL", "CACHE_TTL_SECONDS", "DATABASE_URL"]) {
      expect(stderr).toMatch(new RegExp(`^\\s+- ${name}: `, "m"));
    }
    expect(stderr).toMatch(/PORT: expected a whole number \(got "eighty"\)/);
    expect(stderr).toMatch(/REDIS_URL: expected a redis:\/\/ URL/);
    expect(stderr).not.toMatch(/gateway listening/);
  });

  it("collects every problem in one ConfigError and applies defaults otherwise", () => {
    const err = (() => {
      try {
        loadConfig({ PORT: "70000", CACHE_MAX_ENTRIES: "many" });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.split(":")[0])).toEqual(["PORT", "CACHE_MAX_ENTRIES"]);
    const config = loadConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.cache).toEqual({ ttlSeconds: 60, maxEntries: 10_000 });
    expect(config.redis).toBeNull();
  });

  it("writes INSERT batches with two writers on PostgreSQL and one on PGlite, never more than half the pool", () => {
    const pg = { DATABASE_URL: "postgresql://u@127.0.0.1:5432/db" };
    expect(loadConfig({}).jobs.writers).toBe(1);
    expect(loadConfig(pg).jobs.writers).toBe(2);
    expect(loadConfig({ ...pg, INGEST_WRITERS: "4" }).jobs.writers).toBe(4);
    expect(loadConfig({ ...pg, INGEST_WRITERS: "4", DB_POOL_SIZE: "6" }).jobs.writers).toBe(3);
    expect(loadConfig({ ...pg, DB_POOL_SIZE: "1" }).jobs.writers).toBe(1);
  });

  it("keeps the gateway's tables in GATEWAY_SCHEMA (default kaizen) and seeds the demo at start only as SEED_ON_START says", () => {
    expect(loadConfig({}).db.gatewaySchema).toBe("kaizen");
    expect(loadConfig({ GATEWAY_SCHEMA: "gw_2" }).db.gatewaySchema).toBe("gw_2");
    const problem = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        return (e as ConfigError).problems.join("\n");
      }
      return "";
    };
    expect(problem({ GATEWAY_SCHEMA: "my schema" })).toMatch(/^GATEWAY_SCHEMA: expected a plain lower-case identifier .* \(got "my schema"\)$/);
    expect(problem({ GATEWAY_SCHEMA: "information_schema" })).toMatch(/information_schema is a PostgreSQL system schema/);
    expect(loadConfig({}).seed.onStart).toBe("auto");
    expect(loadConfig({ SEED_ON_START: "true" }).seed.onStart).toBe("always");
    expect(loadConfig({ SEED_ON_START: "0" }).seed.onStart).toBe("never");
    expect(problem({ SEED_ON_START: "sometimes" })).toBe('SEED_ON_START: expected auto, true or false (got "sometimes")');
  });

  it("reads the data API's schemas, allow and deny lists, and bounds its default page by the maximum", () => {
    const c = loadConfig({ API_SCHEMAS: "ledger, crm", API_TABLES: "accounts,crm.news, OrderLines", API_TABLES_DENY: "ledger.audit_log", MAX_PAGE_SIZE: "50", API_DEFAULT_PAGE_SIZE: "80" });
    expect(c.api).toEqual({ maxPageSize: 50, defaultPageSize: 50, schemas: ["ledger", "crm"], tables: ["accounts", "crm.news", "OrderLines"], tablesDeny: ["ledger.audit_log"] });
    expect(loadConfig({}).api).toEqual({ maxPageSize: 500, defaultPageSize: 100, schemas: ["public"], tables: null, tablesDeny: [] });
    expect(() => loadConfig({ API_SCHEMAS: "a,,b" })).toThrow(/API_SCHEMAS: expected a comma-separated list of schema names/);
  });

  it("lists every variable in the README's configuration table", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? "";
    const documented = new Set([...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    const missing = ENV_VARIABLES.filter((v) => !documented.has(v));
    expect(missing, `add these to the README's configuration table: ${missing.join(", ")}`).toEqual([]);
  });
});
