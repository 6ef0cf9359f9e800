/**
 * A job survives its process: the app is stopped mid-job (graceful stop hands
 * the job back at its checkpoint) and a new app on the same database finishes
 * it with exact counts — no duplicate and no missing rows. With several
 * writers batches commit out of order; the checkpoint records exactly which,
 * and a resumed job writes exactly the others.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { createApp as createGatewayApp, type App } from "../../src/app.js";
import { createDemoTables } from "../../src/services/seed/index.js";
import { backendNames, freshBackend, type Backend } from "../helpers/backends.js";
import { killWorkerWhen } from "../helpers/dead-worker.js";
import { CommittedSpans } from "../../src/services/jobs/index.js";

/** The gateway app, on a database that also holds the demo shop's (empty) tables these jobs write. */
async function createApp(...args: Parameters<typeof createGatewayApp>): Promise<App> {
  const app = await createGatewayApp(...args);
  await app.services.db.transaction((tx) => createDemoTables(tx));
  return app;
}

const silent = pino({ level: "silent" });

/** `rows` NDJSON customers o0…o{rows-1}@example.com: the position of a line is the number in its email. */
const customerLines = (rows: number) =>
  Array.from({ length: rows }, (_, i) => JSON.stringify({ email: `o${i}@example.com`, name: `O ${i}`, country: "NL", city: "Utrecht", segment: "SMB" })).join("\n");

/** The source positions a stored checkpoint says are committed. */
function covered(cp: unknown, upTo: number): number[] {
  const c = cp as { consumed: number; ahead?: Array<[number, number]> };
  return Array.from({ length: upTo }, (_, i) => i).filter((i) => i < c.consumed || (c.ahead ?? []).some(([s, e]) => i >= s && i < e));
}

/** Positions (from the emails) of the o…@example.com customers in the table, ascending. */
async function storedPositions(app: App): Promise<number[]> {
  const res = await app.services.db.query<{ email: string }>(`SELECT email FROM customers WHERE email LIKE 'o%@example.com'`);
  return res.rows.map((r) => Number(/^o(\d+)@/.exec(r.email)![1])).sort((a, b) => a - b);
}

describe.each(backendNames())("jobs resume after a restart on %s", (backendName) => {
  const backends: Backend[] = [];
  const dirs: string[] = [];
  const apps: App[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close().catch(() => {});
    for (const b of backends) await b.cleanup();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A fresh database (PGlite in a directory, so a second app can open it) and the config for it. */
  async function setup(extra: Record<string, string> = {}) {
    const b = await freshBackend(backendName);
    backends.push(b);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-resume-"));
    dirs.push(dir);
    const env = { LOG_LEVEL: "silent", NODE_ENV: "test", ...b.env, SPOOL_DIR: path.join(dir, "spool"), ...(backendName === "pglite" ? { DATA_DIR: path.join(dir, "db") } : {}), ...extra } as Record<string, string>;
    return { env, dir };
  }

  it("finishes a job started by a stopped process, exactly once per row", { timeout: 180_000 }, async () => {
    const { env, dir } = await setup({ JOB_STALE_MS: "1000" });
    const config = loadConfig(env);

    const first = await createApp(config, { log: silent });
    apps.push(first);
    const rows = 6_000;
    const lines = Array.from({ length: rows }, (_, i) => JSON.stringify({ email: `r${i}@example.com`, name: `R ${i}`, country: "NL", city: "Utrecht", segment: "SMB" })).join("\n");
    const { job } = await first.services.ingest.ingestStream("customers", "ndjson", Readable.from([lines]), { batchSize: 50 });
    expect(job.total).toBe(rows);

    // Stop the first process once some batches are committed but the job is far from done.
    for (;;) {
      const j = (await first.services.jobs.engine.get(job.id))!;
      if (j.done >= 500) break;
      expect(j.status === "QUEUED" || j.status === "RUNNING").toBe(true);
      await new Promise((r) => setTimeout(r, 5));
    }
    await first.close();
    apps.pop();

    const second = await createApp(config, { log: silent });
    apps.push(second);
    const stopped = (await second.services.db.query<{ status: string; done: number; accepted: number }>(`SELECT status, done, accepted FROM kaizen.jobs WHERE id = $1`, [job.id])).rows[0]!;
    const committedBefore = Number(stopped.accepted);
    expect(committedBefore).toBeGreaterThanOrEqual(500);

    const done = await second.services.jobs.engine.waitFor(job.id, 120_000);
    expect(committedBefore).toBeLessThan(rows);
    expect(done).toMatchObject({ status: "SUCCEEDED", accepted: rows, rejected: 0, done: rows });
    const counts = (await second.services.db.query<{ n: string; d: string }>(`SELECT count(*)::text AS n, count(DISTINCT email)::text AS d FROM customers WHERE email LIKE 'r%@example.com'`)).rows[0]!;
    expect(Number(counts.n)).toBe(rows);
    expect(Number(counts.d)).toBe(rows);
    // The spool file is removed once the job is finished.
    expect(fs.readdirSync(path.join(dir, "spool"))).toEqual([]);
  });

  it("merges each batch's committed span in the database, in any commit order and concurrently", async () => {
    const { env } = await setup();
    const app = await createApp(loadConfig({ ...env, RUN_WORKERS: "false" }), { log: silent });
    apps.push(app);
    const { db } = app.services;
    const store = app.services.jobs.engine.store;
    const spans = Array.from({ length: 24 }, (_, i) => [i * 10, i * 10 + 10] as [number, number]);
    // A fixed shuffle: commits arrive far out of order.
    const order = spans.map((s, i) => ({ s, k: (i * 7919) % 24 })).sort((a, b) => a.k - b.k).map((x) => x.s);

    const { job } = await store.insert({ kind: "INGEST", params: {}, idempotencyKey: null, total: null });
    await store.claim(job.id, "r1", 1000, true);
    const known = new CommittedSpans(null);
    const done: number[] = [];
    for (const [start, end] of order) {
      await db.transaction((tx) => store.commitBatch(tx, job.id, "r1", { accepted: end - start, rejected: [], retried: 0, span: { start, end, settled: known.settled } }));
      known.add(start, end);
      for (let i = start; i < end; i++) done.push(i);
      done.sort((a, b) => a - b);
      // After every commit the checkpoint covers exactly what committed: no more, no less.
      expect(covered((await store.get(job.id))!.checkpoint, 240)).toEqual(done);
    }
    expect((await store.get(job.id))!).toMatchObject({ accepted: 240, done: 240, batches: 24 });
    // A span committed already (its COMMIT's answer lost, the batch retried) is not counted twice; another runner is fenced out.
    expect(await db.transaction((tx) => store.commitBatch(tx, job.id, "r1", { accepted: 10, rejected: [], retried: 1, span: { start: 130, end: 140, settled: 0 } }))).toBe("committed");
    expect(await db.transaction((tx) => store.commitBatch(tx, job.id, "r2", { accepted: 10, rejected: [], retried: 0, span: { start: 240, end: 250, settled: 0 } }))).toBe("lost");
    expect((await store.get(job.id))!).toMatchObject({ accepted: 240, done: 240, batches: 24 });

    // Concurrently: on PostgreSQL each UPDATE waits for the job row and re-reads what the other committed.
    const { job: job2 } = await store.insert({ kind: "INGEST", params: {}, idempotencyKey: null, total: null });
    await store.claim(job2.id, "r1", 1000, true);
    await Promise.all(order.map(([start, end]) => db.transaction((tx) => store.commitBatch(tx, job2.id, "r1", { accepted: end - start, rejected: [], retried: 0, span: { start, end, settled: 0 } }))));
    const after = (await store.get(job2.id))!;
    expect(covered(after.checkpoint, 240)).toEqual(Array.from({ length: 240 }, (_, i) => i));
    expect(after).toMatchObject({ accepted: 240, done: 240, batches: 24 });
  });

  it("resumes a job whose batches committed out of order, writing exactly the batches that did not commit", { timeout: 120_000 }, async () => {
    const { env } = await setup({ JOB_STALE_MS: "1000" });
    // The first process only accepts the job; the state a dead run with several writers left is set up below.
    const first = await createApp(loadConfig({ ...env, RUN_WORKERS: "false" }), { log: silent });
    apps.push(first);
    const rows = 1_000;
    const { job } = await first.services.ingest.ingestStream("customers", "ndjson", Readable.from([customerLines(rows)]), { batchSize: 100 });
    // Batches 0, 1 and 3 committed (3 ahead of 2), batch 2 did not, and the process died.
    const committed = [...Array.from({ length: 200 }, (_, i) => i), ...Array.from({ length: 100 }, (_, i) => 300 + i)];
    const db = first.services.db;
    await db.query(`INSERT INTO customers (email, name, country, city, segment) SELECT 'o' || i || '@example.com', 'O ' || i, 'NL', 'Utrecht', 'SMB' FROM unnest($1::int[]) AS i`, [committed]);
    await db.query(
      `UPDATE kaizen.jobs SET status = 'RUNNING', runner = 'dead-worker', heartbeat_at = now() - interval '1 hour', started_at = now(),
         checkpoint = '{"consumed": 200, "ahead": [[300, 400]]}', accepted = 300, done = 300, batches = 3 WHERE id = $1::uuid`,
      [job.id],
    );
    await first.close();
    apps.pop();

    const second = await createApp(loadConfig(env), { log: silent });
    apps.push(second);
    const done = await second.services.jobs.engine.waitFor(job.id, 60_000);
    // Written again, batch 3 would collide with itself (customers.email is unique) and fail the job; skipped too far, rows would be missing.
    expect(done).toMatchObject({ status: "SUCCEEDED", accepted: rows, rejected: 0, done: rows, batches: 10 });
    expect(await storedPositions(second)).toEqual(Array.from({ length: rows }, (_, i) => i));
  });

  // PostgreSQL only: PGlite runs one writer (one connection), so no batch can commit ahead of another there.
  it.runIf(backendName === "postgres")(
    "with two writers, a crash after a batch committed ahead of a slower one loses nothing and repeats nothing",
    { timeout: 120_000 },
    async () => {
      // A long JOB_STALE_MS: no sweep takes the dead job over before the test hands it on itself.
      const { env } = await setup({ INGEST_WRITERS: "2", JOB_STALE_MS: "600000", JOB_RUNNER: "in-process" });
      const app = await createApp(loadConfig(env), { log: silent });
      apps.push(app);
      const { db } = app.services;
      const engine = app.services.jobs.engine;
      // Batch 2 (positions 200–299) is slow, so the batch written beside it commits first.
      await db.query(`CREATE FUNCTION slow_o250() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.email = 'o250@example.com' THEN PERFORM pg_sleep(1.5); END IF; RETURN NEW; END $$`);
      await db.query(`CREATE TRIGGER slow_o250 BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION slow_o250()`);
      // The worker dies with the first commit that leaves a span ahead of an uncommitted one.
      const removeKiller = await killWorkerWhen(db, "kill_out_of_order", "jsonb_array_length(coalesce(NEW.checkpoint->'ahead', '[]'::jsonb)) > 0");
      const rows = 1_000;
      const { job } = await app.services.ingest.ingestStream("customers", "ndjson", Readable.from([customerLines(rows)]), { batchSize: 100 });
      for (;;) {
        const rec = (await engine.get(job.id))!;
        if ((rec.checkpoint as { ahead?: unknown[] } | null)?.ahead?.length && !engine.isRunningLocally(job.id)) break;
        expect(["QUEUED", "RUNNING"]).toContain(rec.status);
        await new Promise((r) => setTimeout(r, 10));
      }
      await removeKiller();
      await db.query(`DROP TRIGGER slow_o250 ON customers`);
      const mid = (await engine.get(job.id))!;
      const stored = await storedPositions(app);
      // Out of order indeed: a gap below a committed span. The table holds exactly what the checkpoint says.
      expect(stored.length).toBeLessThan(rows);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored[stored.length - 1]! + 1).toBeGreaterThan(stored.length);
      expect(covered(mid.checkpoint, rows)).toEqual(stored);
      expect(mid.accepted).toBe(stored.length);

      // A runner sweeping for stale jobs claims it and resumes.
      await engine.execute(job.id);
      const end = await engine.waitFor(job.id, 60_000);
      expect(end).toMatchObject({ status: "SUCCEEDED", accepted: rows, rejected: 0, done: rows, error: null });
      expect(await storedPositions(app)).toEqual(Array.from({ length: rows }, (_, i) => i));
    },
  );
});
