/**
 * Several writers (INGEST_WRITERS): batches of one INSERT job are written at
 * once on separate connections and may commit out of order. What the caller
 * sees must not depend on that order: rejected records come back in input
 * order, and the counters add up. (PGlite runs one transaction at a time, so
 * there the writers queue; the outcome must be the same.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { createApp as createGatewayApp, type App } from "../../src/app.js";
import { createDemoTables } from "../../src/services/seed/index.js";
import { backendNames, freshBackend, type Backend } from "../helpers/backends.js";

/** The gateway app, on a database that also holds the demo shop's (empty) tables these jobs write. */
async function createApp(...args: Parameters<typeof createGatewayApp>): Promise<App> {
  const app = await createGatewayApp(...args);
  await app.services.db.transaction((tx) => createDemoTables(tx));
  return app;
}

const silent = pino({ level: "silent" });

describe.each(backendNames())("concurrent batch writers on %s", (backendName) => {
  let backend: Backend;
  let app: App;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-writers-"));
  beforeAll(async () => {
    backend = await freshBackend(backendName);
    app = await createApp(loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test", ...backend.env, SPOOL_DIR: path.join(dir, "spool"), INGEST_WRITERS: "2", JOB_RUNNER: "in-process", JOB_RETRY_BASE_MS: "1" }), { log: silent });
  });
  afterAll(async () => {
    await app?.close();
    await backend?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps rejected records in input order when a later batch commits first", { timeout: 60_000 }, async () => {
    const { db } = app.services;
    // Batch 2 (lines 201–300) is slow, so batch 3, written beside it, would commit first.
    await db.query(`CREATE FUNCTION slow_w250() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.email = 'w250@example.com' THEN PERFORM pg_sleep(1); END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER slow_w250 BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION slow_w250()`);
    const bad = new Set([210, 350, 351, 520]);
    const lines = Array.from({ length: 600 }, (_, i) =>
      JSON.stringify(bad.has(i) ? { email: `w${i}@example.com`, country: "NL" } : { email: `w${i}@example.com`, name: `W ${i}`, country: "NL", city: "Utrecht", segment: "SMB" }),
    ).join("\n");
    const { job } = await app.services.ingest.ingestStream("customers", "ndjson", Readable.from([lines]), { batchSize: 100 });
    const end = await app.services.jobs.engine.waitFor(job.id, 30_000);
    expect(end).toMatchObject({ status: "PARTIAL", accepted: 596, rejected: 4, done: 600, batches: 6 });
    const rejected = await app.services.jobs.engine.rejectedRecords(job.id, { first: 100 }, { maxPageSize: 500 });
    // Input lines are numbered from 1.
    expect(rejected.nodes.map((r) => r.rowIndex)).toEqual([211, 351, 352, 521]);
    expect(rejected.nodes.map((r) => r.batch)).toEqual([2, 3, 3, 5]);
    const n = (await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM customers WHERE email LIKE 'w%@example.com'`)).rows[0]!.n;
    expect(Number(n)).toBe(596);
  });

  it("does not write a batch twice when its COMMIT went through but the answer was lost", { timeout: 60_000 }, async () => {
    const { db } = app.services;
    const transaction = db.transaction.bind(db);
    let calls = 0;
    // The third transaction (a batch) commits, but its caller sees the connection drop: the batch is retried.
    db.transaction = (async (fn, opts) => {
      const out = await transaction(fn, opts);
      if (++calls === 3) throw new Error("Connection terminated unexpectedly");
      return out;
    }) as typeof db.transaction;
    try {
      const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ email: `lost${i}@example.com`, name: `L ${i}`, country: "NL", city: "Utrecht", segment: "SMB" })).join("\n");
      const { job } = await app.services.ingest.ingestStream("customers", "ndjson", Readable.from([lines]), { batchSize: 100 });
      const end = await app.services.jobs.engine.waitFor(job.id, 30_000);
      expect(calls).toBeGreaterThan(3);
      // Written again, the batch would hit customers' unique email and fail the job.
      expect(end).toMatchObject({ status: "SUCCEEDED", accepted: 500, rejected: 0, done: 500, batches: 5, error: null });
      const n = (await db.query<{ n: string; d: string }>(`SELECT count(*)::text AS n, count(DISTINCT email)::text AS d FROM customers WHERE email LIKE 'lost%@example.com'`)).rows[0]!;
      expect(n).toEqual({ n: "500", d: "500" });
    } finally {
      db.transaction = transaction;
    }
  });
});
