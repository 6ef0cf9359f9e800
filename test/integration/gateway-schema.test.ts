/**
 * The gateway on a database that is not its own: its tables live in
 * GATEWAY_SCHEMA (default kaizen) and nothing outside that schema is created,
 * altered or dropped except the rows a caller asks to write; a custom schema
 * name works; an earlier install (gateway tables in public) is moved on start
 * without losing rows, and a second start changes nothing.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Database, LEGACY_MIGRATIONS } from "../../src/services/db/index.js";
import { backendNames, freshBackend, openBackendSql, type Backend, type BackendName } from "../helpers/backends.js";
import { catalogSnapshot, snapshotDiff, type CatalogSnapshot, type Query } from "../helpers/catalog-snapshot.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { LEGACY_JOB_ID, makeLegacyInstall } from "../helpers/legacy-install.js";

const root = path.resolve(import.meta.dirname, "../..");
const APP_SCHEMA = fs.readFileSync(path.join(root, "test/fixtures/app-schema.sql"), "utf8");
const GATEWAY_TABLES = ["_prisma_migrations", "jobs", "ml_models", "nl_examples", "predictions", "quality_reports", "query_log", "rejected_records"];

const viaApp = (t: TestGateway): Query => async (text, params) => (await t.app.services.db.query(text, params)).rows as never;

async function readyz(t: TestGateway): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${t.gateway.url}/readyz`);
  return { status: res.status, body: await res.json() };
}

/** Tables of a schema, by name. */
async function tablesIn(query: Query, schema: string): Promise<string[]> {
  return (await query<{ t: string }>(`SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1`, [schema])).map((r) => r.t);
}

/** A backend whose public schema already holds the fleet application (test/fixtures/app-schema.sql). */
async function backendWithApp(name: BackendName): Promise<{ backend: Backend; before: CatalogSnapshot }> {
  const backend = await freshBackend(name, { onDisk: true });
  const sql = await openBackendSql(backend);
  try {
    await sql.exec(APP_SCHEMA);
    return { backend, before: await catalogSnapshot(sql.query, { outside: "kaizen" }) };
  } finally {
    await sql.close();
  }
}

describe.each(backendNames())("the gateway on a database that already holds an application (%s)", (name) => {
  let t: TestGateway;
  let before: CatalogSnapshot;
  beforeAll(async () => {
    const prepared = await backendWithApp(name);
    before = prepared.before;
    // As a user would start it: default SEED_ON_START, default GATEWAY_SCHEMA, NL_SCHEMAS public.
    t = await startTestGateway(prepared.backend);
  });
  afterAll(async () => t?.close());

  it("starts and is ready, with its tables and migration record in kaizen only", async () => {
    expect(await readyz(t)).toEqual({ status: 200, body: { status: "ready" } });
    const q = viaApp(t);
    expect(await tablesIn(q, "kaizen")).toEqual(GATEWAY_TABLES);
    // public is as the application left it: its jobs and _prisma_migrations are its own, untouched.
    expect(await tablesIn(q, "public")).toEqual(["_prisma_migrations", "depots", "jobs", "trips", "vehicles"]);
    expect(await q(`SELECT migration_name FROM public._prisma_migrations`)).toEqual([{ migration_name: "20240101000000_fleet_init" }]);
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM kaizen._prisma_migrations`))[0]!.n).toBe(1);
    expect(snapshotDiff(before, await catalogSnapshot(q, { outside: "kaizen" }))).toEqual({});
  });

  it("shows the application's tables (its jobs table included) and none of its own", async () => {
    const { catalog } = await t.gql(`{ catalog { tables { schema name description } } }`);
    const names = catalog.tables.map((x: { schema: string; name: string }) => `${x.schema}.${x.name}`).sort();
    expect(names).toEqual(["public._prisma_migrations", "public.depots", "public.jobs", "public.trips", "public.vehicle_distance", "public.vehicles"]);
    expect(catalog.tables.find((x: { name: string }) => x.name === "vehicles").description).toBe("A vehicle of the fleet.");
    expect(names.some((n: string) => n.startsWith("kaizen."))).toBe(false);
  });

  it("creates nothing outside kaizen while answering a question, ingesting into a user table and reporting on quality", async () => {
    const q = viaApp(t);
    const answer = await t.gql(`{ ask(question: "how many vehicles are there?") { sql rows source } }`);
    expect(answer.ask.rows.map((r: object) => Object.values(r).map(Number))).toEqual([[3]]);

    const ingest = await t.gql(`mutation($r: [JSON!]!) { ingest(table: "trips", records: $r) { status accepted rejected } }`, {
      r: [{ vehicle_id: 2, started_at: "2026-05-04T07:00:00.000001+02:00", distance_km: "99.99" }, { vehicle_id: 3, started_at: "2026-05-04T09:00:00Z", distance_km: "1.25" }],
    });
    expect(ingest.ingest).toMatchObject({ status: "SUCCEEDED", accepted: 2, rejected: 0 });
    // The application's own jobs table is an ordinary user table: writable, and not the gateway's.
    const upsert = await t.gql(`mutation($r: [JSON!]!) { ingest(table: "jobs", records: $r, options: { mode: UPSERT, key: ["job_no"] }) { status accepted } }`, {
      r: [{ job_no: 1, title: "Replace tyres and brakes", due: "2026-06-02" }, { job_no: 2, title: "Wash" }],
    });
    expect(upsert.ingest).toMatchObject({ status: "SUCCEEDED", accepted: 2 });

    const report = await t.gql(`{ dataQuality(table: "vehicles") { rowCount score } }`);
    expect(report.dataQuality.rowCount).toBe(3);

    // The writes asked for landed where asked, exactly.
    expect(await q(`SELECT job_no, title, due::text AS due FROM public.jobs ORDER BY job_no`)).toEqual([
      { job_no: 1, title: "Replace tyres and brakes", due: "2026-06-02" },
      { job_no: 2, title: "Wash", due: null },
    ]);
    expect(await q(`SELECT started_at::text AS at, distance_km::text AS km FROM public.trips WHERE id > 4 ORDER BY id`)).toEqual([
      { at: "2026-05-04 05:00:00.000001+00", km: "99.99" },
      { at: "2026-05-04 09:00:00+00", km: "1.25" },
    ]);
    // …and the gateway's bookkeeping in its own schema.
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM kaizen.jobs WHERE kind = 'INGEST'`))[0]!.n).toBe(2);
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM kaizen.quality_reports WHERE table_name = 'vehicles'`))[0]!.n).toBe(1);
    await t.app.services.nlsql.queryLog({}, { first: 10 }, { maxPageSize: 500 }); // flushes the write-behind log
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM kaizen.query_log`))[0]!.n).toBeGreaterThanOrEqual(1);

    expect(snapshotDiff(before, await catalogSnapshot(q, { outside: "kaizen" }))).toEqual({});
  });

  it("refuses to write the gateway's tables, by either name", async () => {
    const qualified = await t.gqlError(`mutation { ingest(table: "kaizen.jobs", records: [{}]) { id } }`);
    expect(qualified.extensions?.code).toBe("BAD_USER_INPUT");
    expect(qualified.message).toBe(`Table "kaizen.jobs" belongs to the gateway (schema kaizen) and cannot be written through ingest or batch updates.`);
    const predictions = await t.gqlError(`mutation { ingest(table: "predictions", records: [{}]) { id } }`);
    expect(predictions.message).toMatch(/^Table "predictions" belongs to the gateway \(schema kaizen\)/);
    expect((await fetch(`${t.gateway.url}/export/kaizen.query_log`)).status).toBe(400);
  });
});

describe.each(backendNames())("GATEWAY_SCHEMA=gw_custom (%s)", (name) => {
  let t: TestGateway;
  beforeAll(async () => {
    const prepared = await backendWithApp(name);
    t = await startTestGateway(prepared.backend, { GATEWAY_SCHEMA: "gw_custom" });
  });
  afterAll(async () => t?.close());

  it("keeps every gateway table, migration record and row in that schema", async () => {
    expect(await readyz(t)).toEqual({ status: 200, body: { status: "ready" } });
    const q = viaApp(t);
    expect(await tablesIn(q, "gw_custom")).toEqual(GATEWAY_TABLES);
    expect(await q(`SELECT nspname FROM pg_namespace WHERE nspname = 'kaizen'`)).toEqual([]);
    const job = await t.gql(`mutation { ingest(table: "depots", records: [{ city: "Halle" }]) { id status } }`);
    expect(job.ingest.status).toBe("SUCCEEDED");
    expect((await t.gql(`query($id: ID!) { job(id: $id) { status accepted } }`, { id: job.ingest.id })).job).toEqual({ status: "SUCCEEDED", accepted: 1 });
    expect(await q(`SELECT status FROM gw_custom.jobs WHERE id = $1::uuid`, [job.ingest.id])).toEqual([{ status: "SUCCEEDED" }]);
    await t.gql(`{ ask(question: "how many depots are there?") { rows } }`);
    const log = await t.gql(`{ queryLog(first: 5) { nodes { question } } }`);
    expect(log.queryLog.nodes.map((i: { question: string }) => i.question)).toContain("how many depots are there?");
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM gw_custom.query_log`))[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("refuses a schema name that is not a plain identifier, or public", async () => {
    const { loadConfig } = await import("../../src/config.js");
    expect(() => loadConfig({ GATEWAY_SCHEMA: "Kaizen-1" })).toThrow(/GATEWAY_SCHEMA: expected a plain lower-case identifier/);
    expect(() => loadConfig({ GATEWAY_SCHEMA: "public" })).toThrow(/GATEWAY_SCHEMA: public holds the database's own tables/);
    expect(() => loadConfig({ GATEWAY_SCHEMA: "pg_kz" })).toThrow(/GATEWAY_SCHEMA: pg_kz is a PostgreSQL system schema/);
    expect(() => loadConfig({ NL_SCHEMAS: "public,kaizen" })).toThrow(/NL_SCHEMAS: kaizen is the gateway's own schema/);
  });
});

describe.each(backendNames())("an install made by the earlier version (%s)", (name) => {
  let backend: Backend;
  let first: TestGateway | null = null;
  let second: TestGateway | null = null;
  const baseline = fs.readdirSync(path.join(root, "prisma/migrations")).filter((d) => /^\d+_/.test(d)).sort()[0]!;
  const checksum = createHash("sha256").update(fs.readFileSync(path.join(root, "prisma/migrations", baseline, "migration.sql"))).digest("hex");

  beforeAll(async () => {
    backend = await freshBackend(name, { onDisk: true });
    await makeLegacyInstall(backend);
  });
  afterAll(async () => {
    if (first) {
      await first.gateway.close();
      await first.app.close();
    }
    if (second) await second.close();
    else await backend?.cleanup();
  });

  it("has the old layout to start from: gateway tables and their migration record in public", async () => {
    const sql = await openBackendSql(backend);
    try {
      expect(await tablesIn(sql.query, "public")).toEqual(expect.arrayContaining(GATEWAY_TABLES));
      expect((await sql.query<{ m: string }>(`SELECT migration_name AS m FROM public._prisma_migrations ORDER BY 1`)).map((r) => r.m)).toEqual([...LEGACY_MIGRATIONS]);
    } finally {
      await sql.close();
    }
  });

  it("moves the gateway's tables with their rows to kaizen on start, records the baseline, and is ready", async () => {
    first = await startTestGateway(backend);
    expect(await readyz(first)).toEqual({ status: 200, body: { status: "ready" } });
    const q = viaApp(first);
    expect(await tablesIn(q, "kaizen")).toEqual(GATEWAY_TABLES);
    // The demo shop stays in public as the database's own data.
    expect(await tablesIn(q, "public")).toEqual(["categories", "customers", "order_items", "orders", "products", "reviews"]);
    expect(await q(`SELECT email FROM public.customers`)).toEqual([{ email: "old@example.com" }]);
    expect(await q(`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM kaizen._prisma_migrations`)).toEqual([
      { migration_name: baseline, checksum, finished: true, applied_steps_count: 1 },
    ]);

    // Every row, through the API that reads it.
    const job = await first.gql(`query($id: ID!) { job(id: $id) { kind status accepted rejected createdAt } }`, { id: LEGACY_JOB_ID });
    expect(job.job).toEqual({ kind: "INGEST", status: "PARTIAL", accepted: 2, rejected: 1, createdAt: "2026-05-01T10:00:00.123Z" });
    expect(await q(`SELECT created_at::text AS at FROM kaizen.jobs`)).toEqual([{ at: "2026-05-01 10:00:00.123456+00" }]);
    const rejected = await first.gql(`query($id: ID!) { rejectedRecords(jobId: $id, first: 10) { nodes { rowIndex reason } } }`, { id: LEGACY_JOB_ID });
    expect(rejected.rejectedRecords.nodes).toEqual([{ rowIndex: 1, reason: "column segment expects one of CONSUMER, SMB, ENTERPRISE" }]);
    const log = await first.gql(`{ queryLog(first: 10) { nodes { question sql } } }`);
    expect(log.queryLog.nodes).toEqual([{ question: "how many customers are there?", sql: "SELECT count(*) FROM customers" }]);
    const history = await first.gql(`{ qualityHistory(table: "customers") { nodes { score rowCount } } }`);
    expect(history.qualityHistory.nodes).toEqual([{ score: 97.5, rowCount: 1 }]);
    expect(await q(`SELECT name, version, active FROM kaizen.ml_models`)).toEqual([{ name: "legacy-model", version: 1, active: true }]);
    expect(await q(`SELECT row_key, prediction FROM kaizen.predictions`)).toEqual([{ row_key: "42", prediction: { prediction: 1.5 } }]);
    expect(await q(`SELECT normalized FROM kaizen.nl_examples`)).toEqual([{ normalized: "how many customer" }]);
    // Sequences moved with their tables: new rows continue after the old ones.
    expect(await q(`INSERT INTO kaizen.quality_reports (table_name, score, row_count, report) VALUES ('x', 1, 0, '{}') RETURNING id`)).toEqual([{ id: 2 }]);
    await q(`DELETE FROM kaizen.quality_reports WHERE id = 2`);
  });

  it("ends with exactly the tables a fresh install creates", async () => {
    const fresh = await freshBackend(name);
    const db = new Database({ url: fresh.env.DATABASE_URL ?? null, dataDir: "memory://", poolSize: 1, log: pino({ level: "silent" }) });
    try {
      await db.migrate();
      const want = await catalogSnapshot(async (text, params) => (await db.query(text, params)).rows as never, { only: "kaizen" });
      expect(snapshotDiff(want, await catalogSnapshot(viaApp(first!), { only: "kaizen" }))).toEqual({});
      expect((await db.query(`SELECT checksum FROM kaizen._prisma_migrations`)).rows).toEqual([{ checksum }]);
    } finally {
      await db.close();
      await fresh.cleanup();
    }
  });

  it("changes nothing on a second start", async () => {
    const q1 = viaApp(first!);
    const everything = async (q: Query) => ({
      catalog: await catalogSnapshot(q, { outside: "" }),
      migrations: await q(`SELECT * FROM kaizen._prisma_migrations`),
      jobs: await q(`SELECT * FROM kaizen.jobs`),
    });
    const afterFirst = await everything(q1);
    await first!.gateway.close();
    await first!.app.close();
    first = null;
    second = await startTestGateway(backend);
    expect(await readyz(second)).toEqual({ status: 200, body: { status: "ready" } });
    const afterSecond = await everything(viaApp(second));
    expect(snapshotDiff(afterFirst.catalog, afterSecond.catalog)).toEqual({});
    expect(afterSecond.migrations).toEqual(afterFirst.migrations);
    expect(afterSecond.jobs).toEqual(afterFirst.jobs);
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("a role with only the rights docs/your-own-database.md lists (postgres)", () => {
  const role = `kz_role_${randomBytes(4).toString("hex")}`;
  let backend: Backend;
  let t: TestGateway;
  beforeAll(async () => {
    backend = await freshBackend("postgres");
    const admin = await openBackendSql(backend);
    try {
      const db = new URL(backend.env.DATABASE_URL!).pathname.slice(1);
      await admin.exec(APP_SCHEMA);
      await admin.exec(`
        CREATE ROLE ${role} LOGIN;
        REVOKE CREATE ON DATABASE ${db} FROM PUBLIC;
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        CREATE SCHEMA kaizen AUTHORIZATION ${role};
        GRANT USAGE ON SCHEMA public TO ${role};
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role};
        GRANT INSERT, UPDATE ON depots, trips TO ${role};
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role};`);
    } finally {
      await admin.close();
    }
    const url = new URL(backend.env.DATABASE_URL!);
    url.username = role;
    t = await startTestGateway({ ...backend, env: { ...backend.env, DATABASE_URL: url.toString() } });
  });
  afterAll(async () => {
    await t?.close();
    const admin = await openBackendSql({ ...backend, env: { DATABASE_URL: process.env.TEST_DATABASE_URL! } });
    await admin.exec(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.close());
  });

  it("starts without CREATE on the database, reads, answers and writes what it was granted", async () => {
    expect(await readyz(t)).toEqual({ status: 200, body: { status: "ready" } });
    expect((await t.gql(`{ ask(question: "how many trips are there?") { rows } }`)).ask.rows.map((r: object) => Object.values(r).map(Number))).toEqual([[4]]);
    const upsert = await t.gql(`mutation($r: [JSON!]!) { ingest(table: "depots", records: $r, options: { mode: UPSERT, key: ["city"] }) { status accepted } }`, {
      r: [{ city: "Leipzig" }, { city: "Halle" }],
    });
    expect(upsert.ingest).toEqual({ status: "SUCCEEDED", accepted: 2 });
    const denied = await t.gql(`mutation { ingest(table: "vehicles", records: [{ plate: "X-1", kind: "VAN", depot_id: 1, capacity_kg: 1 }]) { status error } }`);
    expect(denied.ingest.status).toBe("FAILED");
    expect(denied.ingest.error).toMatch(/permission denied for table vehicles/);
  });
});
