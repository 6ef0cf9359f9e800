import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { collect, startTestGateway, type TestGateway } from "../helpers/gateway.js";

const JOB_FIELDS = `id kind status done total accepted rejected retried batches error message idempotencyKey`;

async function postIngest(t: TestGateway, table: string, query: string, body: string, contentType: string) {
  const res = await fetch(`${t.gateway.url}/ingest/${table}?${query}`, { method: "POST", headers: { "content-type": contentType }, body });
  return { status: res.status, body: (await res.json()) as any };
}

async function waitJob(t: TestGateway, id: string) {
  const job = await t.app.services.jobs.engine.waitFor(id, 60_000);
  const data = await t.gql(`query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`, { id: job.id });
  return data.job;
}

async function allRejected(t: TestGateway, jobId: string) {
  const data = await t.gql(`query($id: ID!) { rejectedRecords(jobId: $id, first: 500) { nodes { rowIndex reason record batch } pageInfo { hasNextPage } } }`, { id: jobId });
  return data.rejectedRecords.nodes as Array<{ rowIndex: number; reason: string; record: unknown; batch: number }>;
}

const count = async (t: TestGateway, sql: string) => Number((await t.app.services.db.query<{ n: string }>(sql)).rows[0]!.n);

const customers = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com`, name: `Person ${i}`, country: "DE", city: "Berlin", segment: "CONSUMER" }));

describe.each(backendNames())("jobs: ingestion and batch updates on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { INGEST_MAX_INLINE_RECORDS: "1000", INGEST_INLINE_WAIT_MS: "30000", JOB_BATCH_SIZE: "500" }, { demoTables: true });
  });
  afterAll(async () => t?.close());

  it("ingests inline records by model and field names, rejecting invalid ones with reasons", async () => {
    const data = await t.gql(
      `mutation($r: [JSON!]!) { ingest(table: "Customer", records: $r) { ${JOB_FIELDS} } }`,
      {
        r: [
          { email: "ann@example.com", name: "Ann", country: "DE", city: "Berlin", segment: "CONSUMER", createdAt: "2024-01-02" },
          { email: "bob@example.com", name: "Bob", country: "US", city: "Boston", segment: "GOLD" },
          { email: "cy@example.com", name: "Cy", country: "FR", city: "Paris", segment: "SMB", favourite: "blue" },
          { email: "di@example.com", city: "Rome", country: "IT", segment: "SMB" },
          { email: "ed@example.com", name: "Ed", country: "ES", city: "Madrid", segment: "ENTERPRISE", created_at: "2024-02-03T04:05:06+02:00" },
        ],
      },
    );
    const job = data.ingest;
    expect(job).toMatchObject({ kind: "INGEST", status: "PARTIAL", accepted: 2, rejected: 3, done: 5, total: 5 });
    const shown = await t.gql(`query($id: ID!) { job(id: $id) { parameters } }`, { id: job.id });
    expect(shown.job.parameters).toMatchObject({ table: "customers", mode: "INSERT", source: { type: "inline", count: 5 } });
    const rejected = await allRejected(t, job.id);
    expect(rejected.map((r) => r.rowIndex)).toEqual([1, 2, 3]);
    expect(rejected[0]!.reason).toMatch(/column segment expects one of CONSUMER, SMB, ENTERPRISE; got "GOLD"/);
    expect(rejected[1]!.reason).toMatch(/unknown column "favourite" \(columns of customers: id, email/);
    expect(rejected[2]!.reason).toMatch(/missing required column name/);
    expect(rejected[1]!.record).toMatchObject({ favourite: "blue" });
    const rows = await t.app.services.db.query<{ email: string; created_at: Date }>(`SELECT email, created_at FROM customers ORDER BY email`);
    expect(rows.rows.map((r) => r.email)).toEqual(["ann@example.com", "ed@example.com"]);
    expect(new Date(rows.rows[1]!.created_at).toISOString()).toBe("2024-02-03T02:05:06.000Z");
  });

  it("refuses unknown tables, the gateway's own tables and oversized inline batches with advice", async () => {
    const unknown = await t.gqlError(`mutation { ingest(table: "nope", records: [{}]) { id } }`);
    expect(unknown.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknown.message).toMatch(/Unknown table "nope". Writable tables: .*customers \(Customer\)/);
    const own = await t.gqlError(`mutation { ingest(table: "jobs", records: [{}]) { id } }`);
    expect(own.message).toMatch(/belongs to the gateway/);
    const big = await t.gqlError(`mutation($r: [JSON!]!) { ingest(table: "customers", records: $r) { id } }`, { r: customers(1001, "big") });
    expect(big.extensions?.code).toBe("BAD_USER_INPUT");
    expect(big.message).toMatch(/INGEST_MAX_INLINE_RECORDS = 1000.*POST \/ingest\/\{table\}/);
    const badKey = await t.gqlError(`mutation { ingest(table: "customers", records: [{}], options: { mode: UPSERT, key: ["city"] }) { id } }`);
    expect(badKey.message).toMatch(/key \(city\) is not a unique key of customers; UPSERT needs one of: \(id\), \(email\)/);

    const streamUnknown = await postIngest(t, "nope", "", "{}", "application/x-ndjson");
    expect(streamUnknown).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/^Unknown table "nope"/) }] } });
    const badParam = await postIngest(t, "customers", "batchSize=lots", "{}", "application/x-ndjson");
    expect(badParam.body.errors[0].message).toBe('batchSize must be a whole number; got "lots".');
    const badFormat = await postIngest(t, "customers", "", "x", "text/plain");
    expect(badFormat.body.errors[0].message).toMatch(/Send CSV \(content-type text\/csv, header row first\) or NDJSON/);
  });

  it("streams a CSV with malformed lines, wrong types and duplicate keys, accounting for every line", async () => {
    const csv = [
      "email,name,country,city,segment,createdAt",
      "csv1@example.com,Ann,DE,Berlin,CONSUMER,2024-01-02",
      "csv2@example.com,Bob,US,NYC,SMB",
      "csv3@example.com,Cy,FR,Paris,GOLD,2024-01-02",
      "csv4@example.com,Di,GB,London,SMB,not-a-date",
      "csv1@example.com,Ann again,DE,Bonn,CONSUMER,2024-03-01",
      '"csv5@example.com","Ed, Jr.",ES,Madrid,ENTERPRISE,2024-02-02T10:00:00Z',
      "csv6@example.com,Fi,IT,Rome,SMB,",
      "csv7@example.com,,IT,Rome,SMB,",
    ].join("\n");
    const res = await postIngest(t, "customers", "continueOnError=true&batchSize=3", csv, "text/csv");
    expect(res.status).toBe(202);
    expect(res.body.total).toBe(8);
    const job = await waitJob(t, res.body.jobId);
    expect(job).toMatchObject({ status: "PARTIAL", accepted: 3, rejected: 5, done: 8 });
    const rejected = await allRejected(t, job.id);
    const byLine = Object.fromEntries(rejected.map((r) => [r.rowIndex, r.reason]));
    expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 9]);
    expect(byLine[3]).toMatch(/line has 5 fields; the header has 6/);
    expect(byLine[4]).toMatch(/column segment expects one of CONSUMER, SMB, ENTERPRISE; got "GOLD"/);
    expect(byLine[5]).toMatch(/column created_at expects an ISO 8601 date or date-time.*got "not-a-date"/);
    expect(byLine[6]).toMatch(/duplicate key value violates unique constraint.*SQLSTATE 23505/);
    expect(byLine[9]).toMatch(/column name must not be null/);
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email LIKE 'csv%'`)).toBe(3);
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email = 'csv5@example.com' AND name = 'Ed, Jr.'`)).toBe(1);
  });

  it("fails a job on a database error without continueOnError, keeping committed batches", async () => {
    const ndjson = [...customers(4, "fail"), { email: "fail0@example.com", name: "dup", country: "DE", city: "X", segment: "SMB" }].map((r) => JSON.stringify(r)).join("\n");
    const res = await postIngest(t, "Customer", "batchSize=2", ndjson, "application/x-ndjson");
    const job = await waitJob(t, res.body.jobId);
    expect(job.status).toBe("FAILED");
    expect(job.accepted).toBe(4);
    expect(job.error).toMatch(/duplicate key value violates unique constraint/);
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email LIKE 'fail%'`)).toBe(4);
  });

  it("upserts by a unique key given as a field name, and batch-updates with unmatched keys rejected", async () => {
    const rows = customers(3, "up").map((r) => JSON.stringify(r)).join("\n") + "\nnot json\n";
    const first = await waitJob(t, (await postIngest(t, "customers", "", rows, "application/x-ndjson")).body.jobId);
    expect(first).toMatchObject({ status: "PARTIAL", accepted: 3, rejected: 1 });
    expect((await allRejected(t, first.id))[0]).toMatchObject({ rowIndex: 4, reason: expect.stringMatching(/line is not valid JSON/) });

    const upsert = await t.gql(
      `mutation($r: [JSON!]!) { ingest(table: "customers", records: $r, options: { mode: UPSERT, key: ["email"] }) { ${JOB_FIELDS} } }`,
      { r: [{ email: "up0@example.com", name: "Changed", country: "DE", city: "Hamburg", segment: "SMB" }, { email: "up9@example.com", name: "New", country: "DE", city: "Kiel", segment: "SMB" }] },
    );
    expect(upsert.ingest).toMatchObject({ status: "SUCCEEDED", accepted: 2, rejected: 0 });
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email LIKE 'up%'`)).toBe(4);
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email = 'up0@example.com' AND city = 'Hamburg'`)).toBe(1);

    const upd = await t.gql(
      `mutation($r: [JSON!]!) { batchUpdate(table: "Customer", key: ["email"], records: $r) { ${JOB_FIELDS} } }`,
      { r: [{ email: "up1@example.com", city: "Dresden", segment: "ENTERPRISE" }, { email: "nobody@example.com", city: "X" }, { email: "up2@example.com", segment: "PLATINUM" }, { email: "up1@example.com", city: "Twice" }] },
    );
    expect(upd.batchUpdate).toMatchObject({ kind: "BATCH_UPDATE", status: "PARTIAL", accepted: 1, rejected: 3 });
    const reasons = (await allRejected(t, upd.batchUpdate.id)).map((r) => [r.rowIndex, r.reason]);
    expect(reasons).toEqual([
      [1, "no row of customers has email=nobody@example.com"],
      [2, expect.stringMatching(/column segment expects one of/)],
      [3, expect.stringMatching(/duplicate key \(email=up1@example.com\) in the same batch as input 0/)],
    ]);
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email = 'up1@example.com' AND city = 'Dresden' AND segment = 'ENTERPRISE'`)).toBe(1);

    const csvUpdate = await postIngest(t, "customers", "mode=UPDATE&key=email", "email,city\nup2@example.com,Leipzig\n", "text/csv");
    expect((await waitJob(t, csvUpdate.body.jobId)).status).toBe("SUCCEEDED");
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email = 'up2@example.com' AND city = 'Leipzig'`)).toBe(1);
  });

  it("writes to a user table created outside Prisma, coercing booleans, JSON and numeric strings", async () => {
    await t.app.services.db.query(`CREATE TABLE imports_raw (id serial PRIMARY KEY, code text UNIQUE NOT NULL, qty int, price numeric(8,2), flag boolean, meta jsonb, seen date)`);
    const csv = 'code,qty,price,flag,meta,seen\nA1,3,"12.50",yes,"{""k"":1}",2024-05-01\nA2,,7,0,,2024-05-02T23:30:00Z\nA3,x,1,maybe,{bad,2024-02-30\n';
    const res = await postIngest(t, "imports_raw", "", csv, "text/csv");
    const job = await waitJob(t, res.body.jobId);
    expect(job).toMatchObject({ status: "PARTIAL", accepted: 2, rejected: 1 });
    const [bad] = await allRejected(t, job.id);
    expect(bad!.rowIndex).toBe(4);
    expect(bad!.reason).toBe(
      'column qty expects a whole number; got "x"; column flag expects true or false; got "maybe"; column meta expects JSON text; got "{bad"; column seen expects a date like 2024-05-01; got "2024-02-30"',
    );
    const rows = await t.app.services.db.query(`SELECT code, qty, price::text AS price, flag, meta, seen::text AS seen FROM imports_raw ORDER BY code`);
    expect(rows.rows).toEqual([
      { code: "A1", qty: 3, price: "12.50", flag: true, meta: { k: 1 }, seen: "2024-05-01" },
      { code: "A2", qty: null, price: "7.00", flag: false, meta: null, seen: "2024-05-02" },
    ]);
  });

  it("drops cached answers of the tables it wrote", async () => {
    const q = `{ categories(filter: { name: { eq: "Ingested category" } }) { totalCount nodes { name } } }`;
    expect((await t.request(q)).body.data!.categories.totalCount).toBe(0);
    const hit = await t.request(q);
    expect(hit.headers.get("x-cache")).toBe("HIT");
    await t.gql(`mutation { ingest(table: "Category", records: [{ name: "Ingested category" }]) { status } }`);
    const fresh = await t.request(q);
    expect(fresh.headers.get("x-cache")).toBe("MISS");
    expect(fresh.body.data!.categories).toEqual({ totalCount: 1, nodes: [{ name: "Ingested category" }] });
  });

  it("returns the same job for a repeated idempotency key and writes once", async () => {
    const vars = { r: customers(3, "idem") };
    const q = `mutation($r: [JSON!]!) { ingest(table: "customers", records: $r, options: { idempotencyKey: "load-42" }) { id status accepted idempotencyKey } }`;
    const a = (await t.gql(q, vars)).ingest;
    const b = (await t.gql(q, vars)).ingest;
    expect(b.id).toBe(a.id);
    expect(a.idempotencyKey).toBe("load-42");
    const streamed = await postIngest(t, "customers", "idempotencyKey=load-42", "{}", "application/x-ndjson");
    expect(streamed.status).toBe(200);
    expect(streamed.body).toMatchObject({ jobId: a.id, existing: true });
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email LIKE 'idem%'`)).toBe(3);
    const bad = await t.gqlError(`mutation { ingest(table: "customers", records: [{}], options: { idempotencyKey: "has spaces" }) { id } }`);
    expect(bad.message).toMatch(/idempotencyKey must be 1–200 characters/);
  });

  it("streams every batch to a live subscriber and replays the current state to a late one", async () => {
    // jobEvents sees every job; a small job first proves the subscription is live before the big one starts.
    const client = t.wsClient();
    const seen: any[] = [];
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    let finished!: () => void;
    const isFinished = new Promise<void>((r) => (finished = r));
    let bigId: string | null = null;
    const stop = client.subscribe<{ jobEvents: any }>(
      { query: `subscription { jobEvents(kind: INGEST) { jobId kind status done total rowsPerSecond etaSeconds message } }` },
      {
        next: (v) => {
          const e = v.data!.jobEvents;
          seen.push(e);
          if (e.total === 1) ready();
          if (bigId && e.jobId === bigId && e.status === "SUCCEEDED") finished();
        },
        error: (err) => { throw err; },
        complete: () => {},
      },
    );
    const probe = async () => {
      await t.gql(`mutation($r: [JSON!]!) { ingest(table: "customers", records: $r) { id } }`, { r: customers(1, `probe${seen.length}-`) });
    };
    await probe();
    while (!(await Promise.race([isReady.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]))) await probe();
    const ndjson = customers(3000, "prog").map((r) => JSON.stringify(r)).join("\n");
    const res = await postIngest(t, "customers", "batchSize=250", ndjson, "application/x-ndjson");
    bigId = res.body.jobId;
    if (seen.some((e) => e.jobId === bigId && e.status === "SUCCEEDED")) finished();
    await isFinished;
    stop();
    const events = seen.filter((e) => e.jobId === bigId);
    expect(events.map((e) => e.status)).toEqual(["QUEUED", "RUNNING", ...Array(12).fill("RUNNING"), "SUCCEEDED"]);
    expect(events.filter((e) => e.status === "RUNNING").map((e) => e.done)).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000]);
    expect(events.every((e) => e.total === 3000 && e.kind === "INGEST")).toBe(true);
    expect(events[events.length - 1]).toMatchObject({ done: 3000, etaSeconds: 0, message: "3000 accepted" });
    expect(events[5].rowsPerSecond).toBeGreaterThan(0);

    const late = await collect<{ jobProgress: any }>(t.wsClient(), `subscription($id: ID!) { jobProgress(jobId: $id) { status done total etaSeconds } }`, { id: bigId }, 10);
    expect(late.map((e) => e.data!.jobProgress)).toEqual([{ status: "SUCCEEDED", done: 3000, total: 3000, etaSeconds: 0 }]);

    const missing = await collect(t.wsClient(), `subscription { jobProgress(jobId: "00000000-0000-0000-0000-000000000000") { status } }`, {}, 1).catch((e) => [{ errors: e }]);
    expect(JSON.stringify(missing)).toMatch(/Job \\"00000000-0000-0000-0000-000000000000\\" does not exist/);
  });

  it("cancels a running job after its current batch, reporting what was committed", async () => {
    const ndjson = customers(20_000, "cancel").map((r) => JSON.stringify(r)).join("\n");
    const res = await postIngest(t, "customers", "batchSize=50", ndjson, "application/x-ndjson");
    const id = res.body.jobId;
    const client = t.wsClient();
    await new Promise<void>((resolve, reject) => {
      const stop = client.subscribe<{ jobProgress: { done: number } }>(
        { query: `subscription($id: ID!) { jobProgress(jobId: $id) { done } }`, variables: { id } },
        { next: (v) => { if ((v.data?.jobProgress.done ?? 0) > 0) { stop(); resolve(); } }, error: reject, complete: () => resolve() },
      );
    });
    const cancelled = await t.gql(`mutation($id: ID!) { cancelJob(id: $id) { id cancelRequested } }`, { id });
    expect(cancelled.cancelJob.cancelRequested).toBe(true);
    const job = await waitJob(t, id);
    expect(job.status).toBe("CANCELLED");
    expect(job.accepted).toBeGreaterThan(0);
    expect(job.accepted).toBeLessThan(20_000);
    expect(job.accepted % 50).toBe(0);
    expect(await count(t, `SELECT count(*) AS n FROM customers WHERE email LIKE 'cancel%'`)).toBe(job.accepted);
    const again = await t.gql(`mutation($id: ID!) { cancelJob(id: $id) { status } }`, { id });
    expect(again.cancelJob.status).toBe("CANCELLED");
  });

  it("lists jobs, pages them and sums them in batchStats", async () => {
    const page = await t.gql(`{ jobs(first: 2, filter: { kind: INGEST }) { nodes { id kind } pageInfo { endCursor hasNextPage } } }`);
    expect(page.jobs.nodes).toHaveLength(2);
    expect(page.jobs.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(`query($a: String) { jobs(first: 2, after: $a, filter: { kind: INGEST }) { nodes { id } } }`, { a: page.jobs.pageInfo.endCursor });
    expect(next.jobs.nodes[0].id).not.toBe(page.jobs.nodes[1].id);
    const stats = (await t.gql(`{ batchStats { jobs totalOperations totalRecords accepted rejected retries errors durationSeconds meanRecordsPerSecond } }`)).batchStats;
    const sums = (await t.app.services.db.query<{ jobs: number; ops: string; acc: string; failed: number }>(
      `SELECT count(*)::int AS jobs, sum(batches)::text AS ops, sum(accepted)::text AS acc, count(*) FILTER (WHERE status = 'FAILED')::int AS failed FROM kaizen.jobs`,
    )).rows[0]!;
    expect(stats).toMatchObject({ jobs: sums.jobs, totalOperations: Number(sums.ops), accepted: Number(sums.acc), errors: sums.failed });
    expect(stats.errors).toBeGreaterThanOrEqual(1);
    const badFirst = await t.gqlError(`{ jobs(first: 0) { nodes { id } } }`);
    expect(badFirst.message).toMatch(/first must be between 1 and 500/);
  });
});

describe.each(backendNames())("jobs: a gateway that only accepts jobs (RUN_WORKERS=false) on %s", (backend) => {
  let t: TestGateway;
  let spool: string;
  beforeAll(async () => {
    spool = fs.mkdtempSync(path.join(os.tmpdir(), "kz-accept-only-"));
    t = await startTestGateway(backend, { RUN_WORKERS: "false", SPOOL_DIR: spool, INGEST_INLINE_WAIT_MS: "0" }, { demoTables: true });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(spool, { recursive: true, force: true });
  });

  it("keeps submitted jobs queued, and cancelling one before it ran removes its spooled input", async () => {
    const inline = await t.gql(`mutation { ingest(table: "customers", records: [{ email: "q@example.com", name: "Q", country: "DE", city: "Ulm", segment: "SMB" }]) { id status } }`);
    expect(inline.ingest.status).toBe("QUEUED");
    const res = await postIngest(t, "customers", "", JSON.stringify({ email: "s@example.com" }), "application/x-ndjson");
    expect(res.status).toBe(202);
    expect(fs.readdirSync(spool)).toHaveLength(1);
    const cancelled = await t.gql(`mutation($id: ID!) { cancelJob(id: $id) { status accepted finishedAt } }`, { id: res.body.jobId });
    expect(cancelled.cancelJob).toMatchObject({ status: "CANCELLED", accepted: 0 });
    expect(fs.readdirSync(spool)).toEqual([]);
    const late = await collect<{ jobProgress: any }>(t.wsClient(), `subscription($id: ID!) { jobProgress(jobId: $id) { status done } }`, { id: res.body.jobId }, 5);
    expect(late.map((e) => e.data!.jobProgress)).toEqual([{ status: "CANCELLED", done: 0 }]);
    const queued = await t.gql(`{ jobs(first: 10, filter: { status: [QUEUED] }) { nodes { id } } }`);
    expect(queued.jobs.nodes.map((n: { id: string }) => n.id)).toEqual([inline.ingest.id]);
  });
});
