/**
 * A job survives its process: the app is stopped mid-job (graceful stop hands
 * the job back at its checkpoint) and a new app on the same database finishes
 * it with exact counts — no duplicate and no missing rows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { createApp, type App } from "../../src/app.js";
import { backendNames, freshBackend, type Backend } from "../helpers/backends.js";

const silent = pino({ level: "silent" });

describe.each(backendNames())("jobs resume after a restart on %s", (backendName) => {
  let backend: Backend;
  const dirs: string[] = [];
  const apps: App[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close().catch(() => {});
    await backend?.cleanup();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("finishes a job started by a stopped process, exactly once per row", { timeout: 180_000 }, async () => {
    backend = await freshBackend(backendName);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-resume-"));
    dirs.push(dir);
    const env = { LOG_LEVEL: "silent", NODE_ENV: "test", ...backend.env, SPOOL_DIR: path.join(dir, "spool"), JOB_STALE_MS: "1000", ...(backendName === "pglite" ? { DATA_DIR: path.join(dir, "db") } : {}) } as Record<string, string>;
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
    const stopped = (await second.services.db.query<{ status: string; done: number; accepted: number }>(`SELECT status, done, accepted FROM jobs WHERE id = $1`, [job.id])).rows[0]!;
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
});
