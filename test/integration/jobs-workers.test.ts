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
import { DEMO_DDL_FILE } from "../../src/services/seed/index.js";
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
    // The demo's tables these jobs write (empty: the gateway itself never creates them on a DATABASE_URL).
    await db.query(`SET search_path TO public; ${fs.readFileSync(DEMO_DDL_FILE, "utf8")}`);
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
  const jobRow = async (id: string) => (await db.query(`SELECT status, done, accepted, rejected, batches FROM kaizen.jobs WHERE id = $1`, [id])).rows[0];

  type Progress = { status: string; done: number };

  /**
   * Subscribes to jobProgress on a gateway. `attached` resolves with the first event: the job's current
   * state, which the gateway sends only after its subscription to the job's topic is in place, so every
   * later change reaches this client. `ended` resolves with every event once the job ends.
   */
  function follow(gw: Proc, jobId: string) {
    const client = createClient({ url: `${gw.url!.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    const events: Progress[] = [];
    let attach!: (e: Progress) => void;
    const attached = new Promise<Progress>((r) => (attach = r));
    const ended = new Promise<Progress[]>((resolve, reject) => {
      client.subscribe<{ jobProgress: Progress }>(
        { query: `subscription($id: ID!) { jobProgress(jobId: $id) { status done } }`, variables: { id: jobId } },
        {
          next: (v) => {
            events.push(v.data!.jobProgress);
            if (events.length === 1) attach(v.data!.jobProgress);
          },
          error: reject,
          complete: () => resolve(events),
        },
      );
    });
    return { attached, ended };
  }

  /**
   * Holds a job still once its progress reaches `done`: a trigger makes the batch commit that moves the
   * job row to `done` or beyond wait for an advisory lock this test holds. Returns `reached` (resolves when a
   * commit is waiting at the gate) and `open` (releases it). The pace of the job then no longer decides
   * whether the test catches it mid-way.
   */
  async function gateJobAt(done: number) {
    const key = 7_150_001;
    const holder = await db.connect();
    await holder.query(`SELECT pg_advisory_lock($1)`, [key]);
    await holder.query(`CREATE OR REPLACE FUNCTION kaizen.test_job_gate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.done >= ${done} AND OLD.done < ${done} THEN PERFORM pg_advisory_xact_lock_shared(${key}); END IF;
        RETURN NEW;
      END $$`);
    await holder.query(`CREATE TRIGGER test_job_gate BEFORE UPDATE ON kaizen.jobs FOR EACH ROW EXECUTE FUNCTION kaizen.test_job_gate()`);
    const reached = (async () => {
      for (;;) {
        const { rows } = await db.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`, [key]);
        if (rows.length > 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const open = async () => {
      // Unlock first: dropping the trigger needs a lock on kaizen.jobs that a commit waiting at the gate holds.
      // Once open, the gate lets every later commit through at once.
      await holder.query(`SELECT pg_advisory_unlock($1)`, [key]);
      await holder.query(`DROP TRIGGER IF EXISTS test_job_gate ON kaizen.jobs`);
      holder.release();
    };
    return { reached, open };
  }

  it("a client on gateway A follows a job submitted through gateway B and run by a worker", async () => {
    const jobId = await post(gatewayB, "batchSize=200", rows(4_000, "ab"));
    // No worker yet: the job waits in the queue. The worker starts only once A has sent the job's current
    // state, i.e. once A's subscription is live, so A sees every batch however fast the worker runs.
    const { attached, ended } = follow(gatewayA, jobId);
    expect(await attached).toEqual({ status: "QUEUED", done: 0 });
    expect((await jobRow(jobId)).status).toBe("QUEUED");
    const worker = await start("src/worker.ts", env, /worker ready \(pid (\d+)\)/);
    procs.push(worker);
    const events = await ended;
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
    const { attached, ended } = follow(gatewayA, jobId);
    await attached;
    // The first worker is killed while its commit of the batch that reaches 2,000 waits at the gate:
    // mid-job by construction, however fast this machine runs it.
    const gate = await gateJobAt(2_000);
    const first = await start("src/worker.ts", env, /worker ready \(pid (\d+)\)/);
    procs.push(first);
    try {
      await gate.reached;
      first.child.kill("SIGKILL");
      await new Promise((r) => (first.child.exitCode === null ? first.child.once("exit", r) : r(null)));
    } finally {
      await gate.open();
    }
    const mid = await jobRow(jobId);
    expect(mid.status).toBe("RUNNING");
    expect(mid.done).toBeLessThan(2_000);
    procs.push(await start("src/worker.ts", env, /worker ready \(pid (\d+)\)/));
    const events = await ended;
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
    const gate = await gateJobAt(2_000);
    let jobId: string;
    try {
      jobId = await post(doomed, "batchSize=100", rows(total, "inproc"));
      await gate.reached;
      doomed.child.kill("SIGKILL");
      await new Promise((r) => doomed.child.once("exit", r));
    } finally {
      await gate.open();
    }
    const left = await jobRow(jobId);
    expect(left.status).toBe("RUNNING");
    expect(left.done).toBeLessThan(total);
    const heir = await start("src/server.ts", inProcess, /GraphQL:\s+(http:\/\/\S+)\/graphql/);
    procs.push(heir);
    const { ended } = follow(heir, jobId);
    const events = await ended;
    expect(events[events.length - 1]).toEqual({ status: "SUCCEEDED", done: total });
    expect(await jobRow(jobId)).toMatchObject({ status: "SUCCEEDED", accepted: total, done: total, batches: total / 100 });
    const counts = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT email)::int AS d FROM customers WHERE email LIKE 'inproc%'`)).rows[0];
    expect(counts).toEqual({ n: total, d: total });
  }, 180_000);
});
