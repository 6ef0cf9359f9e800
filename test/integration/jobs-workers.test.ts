/**
 * Scale-out on BullMQ: two gateway processes that only accept requests
 * (RUN_WORKERS=false) and separate worker processes, all real processes on
 * one PostgreSQL and Redis. Runs only when TEST_DATABASE_URL and REDIS_URL are set.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import pg from "pg";
import { freshBackend, type Backend } from "../helpers/backends.js";

const enabled = Boolean(process.env.TEST_DATABASE_URL && process.env.REDIS_URL);
const root = path.resolve(import.meta.dirname, "../..");

interface Proc {
  child: ChildProcess;
  url: string | null;
  output: string[];
}

function start(script: string, env: Record<string, string>, readyPattern: RegExp): Promise<Proc> {
  // node itself with tsx as a loader, not the tsx CLI: the CLI runs the script in a child process, so
  // SIGKILL would kill only the wrapper and leave the gateway or worker running as an orphan.
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const proc: Proc = { child, url: null, output: [] };
  return new Promise((resolve, reject) => {
    const onData = (buf: Buffer) => {
      const text = buf.toString();
      proc.output.push(text);
      const m = readyPattern.exec(proc.output.join(""));
      if (m) {
        proc.url = m[1] ?? null;
        resolve(proc);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (b: Buffer) => proc.output.push(b.toString()));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready:\n${proc.output.join("")}`)));
  });
}

describe.runIf(enabled)("jobs on BullMQ across processes", () => {
  let backend: Backend;
  let spool: string;
  let env: Record<string, string>;
  const procs: Proc[] = [];
  const clients: Client[] = [];
  let gatewayA: Proc;
  let gatewayB: Proc;
  let db: pg.Pool;

  beforeAll(async () => {
    backend = await freshBackend("postgres");
    spool = fs.mkdtempSync(path.join(os.tmpdir(), "kz-spool-"));
    env = { ...backend.env, LOG_LEVEL: "warn", NODE_ENV: "test", PORT: "0", SEED_ON_START: "false", SPOOL_DIR: spool, JOB_STALE_MS: "2000" };
    // The first process applies the migrations; the others start after it.
    gatewayA = await start("src/server.ts", { ...env, RUN_WORKERS: "false" }, /GraphQL:\s+(http:\/\/\S+)\/graphql/);
    procs.push(gatewayA);
    gatewayB = await start("src/server.ts", { ...env, RUN_WORKERS: "false" }, /GraphQL:\s+(http:\/\/\S+)\/graphql/);
    procs.push(gatewayB);
    db = new pg.Pool({ connectionString: backend.env.DATABASE_URL, max: 2 });
    // An idle connection the server terminates (the database is dropped with FORCE at the end) must not
    // become an unhandled 'error' event of this test's pool; queries still see their own errors.
    db.on("error", () => {});
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    for (const p of procs) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await db?.end();
    await backend?.cleanup();
    if (spool) fs.rmSync(spool, { recursive: true, force: true });
  });

  const post = async (gw: Proc, query: string, body: string) => {
    const res = await fetch(`${gw.url}/ingest/customers?${query}`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body });
    expect(res.status).toBe(202);
    return ((await res.json()) as { jobId: string }).jobId;
  };
  const rows = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => JSON.stringify({ email: `${prefix}${i}@example.com`, name: `P ${i}`, country: "SE", city: "Lund", segment: "SMB" })).join("\n");
  const jobRow = async (id: string) => (await db.query(`SELECT status, done, accepted, rejected, batches FROM jobs WHERE id = $1`, [id])).rows[0];

  /** Subscribes to jobProgress on a gateway; resolves with every event once the job ends. */
  function follow(gw: Proc, jobId: string, onEvent: (e: { status: string; done: number }) => void = () => {}) {
    const client = createClient({ url: `${gw.url!.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    return new Promise<Array<{ status: string; done: number }>>((resolve, reject) => {
      const events: Array<{ status: string; done: number }> = [];
      client.subscribe<{ jobProgress: { status: string; done: number } }>(
        { query: `subscription($id: ID!) { jobProgress(jobId: $id) { status done } }`, variables: { id: jobId } },
        { next: (v) => { events.push(v.data!.jobProgress); onEvent(v.data!.jobProgress); }, error: reject, complete: () => resolve(events) },
      );
    });
  }

  it("a client on gateway A follows a job submitted through gateway B and run by a worker", async () => {
    const jobId = await post(gatewayB, "batchSize=200", rows(4_000, "ab"));
    // No worker yet: the job waits in the queue, so A's subscription is live before any batch runs.
    const eventsPromise = follow(gatewayA, jobId);
    for (let i = 0; i < 200 && (await jobRow(jobId)).status === "QUEUED"; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await jobRow(jobId)).status).toBe("QUEUED");
    const worker = await start("src/worker.ts", env, /worker ready \(pid (\d+)\)/);
    procs.push(worker);
    const events = await eventsPromise;
    expect(events[0]).toEqual({ status: "QUEUED", done: 0 });
    expect(events[events.length - 1]).toEqual({ status: "SUCCEEDED", done: 4_000 });
    // Every batch's event crossed from the worker to gateway A through Redis.
    const dones = events.filter((e) => e.status === "RUNNING" && e.done > 0).map((e) => e.done);
    expect(dones).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 200));
    worker.child.kill("SIGTERM");
    await new Promise((r) => worker.child.once("exit", r));
  }, 120_000);

  it("a worker killed with SIGKILL mid-job is replaced by another that finishes with exact counts", async () => {
    const total = 30_000;
    const jobId = await post(gatewayB, "batchSize=100", rows(total, "kill"));
    const first = await start("src/worker.ts", env, /worker ready \(pid (\d+)\)/);
    procs.push(first);
    let killedAt = -1;
    const events = await follow(gatewayA, jobId, (e) => {
      if (killedAt < 0 && e.status === "RUNNING" && e.done >= 2_000) {
        killedAt = e.done;
        first.child.kill("SIGKILL");
        void start("src/worker.ts", env, /worker ready \(pid (\d+)\)/).then((p) => procs.push(p));
      }
    });
    expect(killedAt).toBeGreaterThan(0);
    expect(events[events.length - 1]).toEqual({ status: "SUCCEEDED", done: total });
    const job = await jobRow(jobId);
    expect(job).toMatchObject({ status: "SUCCEEDED", accepted: total, rejected: 0, done: total, batches: total / 100 });
    const counts = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT email)::int AS d FROM customers WHERE email LIKE 'kill%'`)).rows[0];
    expect(counts).toEqual({ n: total, d: total });
  }, 180_000);

  it("in-process runner: a gateway killed with SIGKILL mid-job is taken over by the next one after JOB_STALE_MS", async () => {
    const total = 20_000;
    const inProcess = { ...env, JOB_RUNNER: "in-process", RUN_WORKERS: "true" };
    const doomed = await start("src/server.ts", inProcess, /GraphQL:\s+(http:\/\/\S+)\/graphql/);
    procs.push(doomed);
    const jobId = await post(doomed, "batchSize=100", rows(total, "inproc"));
    for (;;) {
      const j = await jobRow(jobId);
      if (j.done >= 2_000) break;
      expect(j.status === "QUEUED" || j.status === "RUNNING").toBe(true);
      await new Promise((r) => setTimeout(r, 5));
    }
    doomed.child.kill("SIGKILL");
    await new Promise((r) => doomed.child.once("exit", r));
    const left = await jobRow(jobId);
    expect(left.status).toBe("RUNNING");
    expect(left.done).toBeLessThan(total);
    const heir = await start("src/server.ts", inProcess, /GraphQL:\s+(http:\/\/\S+)\/graphql/);
    procs.push(heir);
    const events = await follow(heir, jobId);
    expect(events[events.length - 1]).toEqual({ status: "SUCCEEDED", done: total });
    expect(await jobRow(jobId)).toMatchObject({ status: "SUCCEEDED", accepted: total, done: total, batches: total / 100 });
    const counts = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT email)::int AS d FROM customers WHERE email LIKE 'inproc%'`)).rows[0];
    expect(counts).toEqual({ n: total, d: total });
  }, 180_000);
});
