// LLM rules here use ScriptedChatModel (test/helpers/scripted-chat-model.ts), a
// LangChain SimpleChatModel that answers from the records it is sent and can be
// told to answer garbage; no network.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { ScriptedChatModel } from "../helpers/scripted-chat-model.js";

const JOB = `id kind status done total accepted rejected error`;
const TRANSFORM = `mutation($input: TransformInput!) { transform(input: $input) { ${JOB} } }`;

describe.each(backendNames())("transforms on %s", (backend) => {
  let t: TestGateway;
  // Answers "VIP" for enterprise customers, garbage for every customer whose id is divisible by 7.
  const model = new ScriptedChatModel((call) =>
    JSON.stringify({
      results: call.records.map((r) => ({ id: r.id, value: Number(r.id_src) % 7 === 0 ? "MAYBE?" : r.segment === "ENTERPRISE" ? "VIP" : "REGULAR" })),
    }),
  );

  beforeAll(async () => {
    t = await startTestGateway(backend, { JOB_BATCH_SIZE: "25", LLM_BATCH_SIZE: "20" }, { chatModel: model, demoTables: true });
    const { db } = t.app.services;
    await db.query(`CREATE TABLE customer_profiles (
      customer_id integer PRIMARY KEY,
      display_name text NOT NULL,
      email_domain text,
      signup_month text,
      tier text,
      score numeric(10,2)
    )`);
    // segment of customer i: CONSUMER when i % 3 = 0, SMB when 1, ENTERPRISE when 2
    const rows = Array.from({ length: 120 }, (_, i) => i + 1);
    await db.query(
      `INSERT INTO customers (id, email, name, country, city, segment, created_at)
       SELECT i, 'user' || i || '@' || (CASE WHEN i % 2 = 0 THEN 'example.org' ELSE 'shop.test' END), '  Customer ' || i || ' ', 'DE', 'Berlin',
              (ARRAY['CONSUMER','SMB','ENTERPRISE'])[1 + i % 3]::"CustomerSegment", timestamptz '2025-01-15T00:00:00Z' + (i || ' days')::interval
       FROM unnest($1::int[]) AS i`,
      [rows],
    );
  });
  afterAll(async () => t?.close());

  const finished = async (id: string) => {
    const job = await t.app.services.jobs.engine.waitFor(id, 60_000);
    return job;
  };

  it("maps a table through copies and expressions into another table, in batches", async () => {
    const data = await t.gql(TRANSFORM, {
      input: {
        source: { table: "Customer", filter: [{ column: "country", op: "EQ", value: "DE" }] },
        target: { table: "customer_profiles" },
        rules: [
          { column: "customer_id", from: "id" },
          { column: "display_name", expression: "upper(trim(name))" },
          { column: "email_domain", expression: 'regex_extract(email, "@(.+)$")' },
          { column: "signup_month", expression: 'date_format(created_at, "yyyy-MM")' },
          { column: "tier", expression: 'case(segment == "ENTERPRISE", "gold", segment == "SMB", "silver", "bronze")' },
          { column: "score", expression: "round(id / 3, 2)" },
        ],
      },
    });
    expect(data.transform.kind).toBe("TRANSFORM");
    expect(data.transform.total).toBe(120);
    const job = await finished(data.transform.id);
    expect(job.status).toBe("SUCCEEDED");
    expect(job.accepted).toBe(120);
    expect(job.batches).toBe(5);
    const { rows } = await t.app.services.db.query<Record<string, unknown>>(`SELECT * FROM customer_profiles WHERE customer_id IN (2, 10) ORDER BY customer_id`);
    expect(rows[0]).toMatchObject({ customer_id: 2, display_name: "CUSTOMER 2", email_domain: "example.org", signup_month: "2025-01", tier: "gold" });
    expect(rows[1]).toMatchObject({ customer_id: 10, display_name: "CUSTOMER 10", email_domain: "example.org", signup_month: "2025-01", tier: "silver" });
    expect(Number(rows[1]!.score)).toBeCloseTo(3.33, 2);
  });

  it("upserts from a guarded SELECT and records rule failures as rejected rows", async () => {
    const data = await t.gql(TRANSFORM, {
      input: {
        source: { sql: "SELECT id, name, email FROM customers WHERE id <= 30 ORDER BY id" },
        target: { table: "customer_profiles", mode: "UPSERT" },
        rules: [
          { column: "customer_id", from: "id" },
          { column: "display_name", expression: "lower(trim(name))" },
          // Fails for every id divisible by 10 (division by zero) — those rows must be rejected, not dropped.
          { column: "score", expression: "100 / (id % 10)" },
        ],
        continueOnError: true,
      },
    });
    const job = await finished(data.transform.id);
    expect(job.status).toBe("PARTIAL");
    expect(job.accepted + job.rejected).toBe(30);
    expect(job.rejected).toBe(3);
    const rejected = await t.gql(`query($id: ID!) { rejectedRecords(jobId: $id, first: 50) { nodes { rowIndex reason record } } }`, { id: job.id });
    const nodes = rejected.rejectedRecords.nodes as Array<{ rowIndex: number; reason: string; record: { id: number } }>;
    expect(nodes.map((n) => n.record.id).sort((a, b) => a - b)).toEqual([10, 20, 30]);
    expect(nodes[0]!.reason).toMatch(/rule for score: division by zero/);
    const { rows } = await t.app.services.db.query<{ display_name: string }>(`SELECT display_name FROM customer_profiles WHERE customer_id = 3`);
    expect(rows[0]!.display_name).toBe("customer 3");
  });

  it("runs LLM rules in batches and rejects records whose answers are invalid", async () => {
    model.calls.length = 0;
    const data = await t.gql(TRANSFORM, {
      input: {
        source: { sql: "SELECT id AS id_src, segment::text AS segment FROM customers ORDER BY id" },
        target: { table: "customer_profiles", mode: "UPSERT" },
        rules: [
          { column: "customer_id", from: "id_src" },
          { column: "display_name", expression: 'concat("c", id_src)' },
          { column: "tier", llm: { instruction: "Label the customer VIP or REGULAR", inputs: ["id_src", "segment"], outputEnum: ["VIP", "REGULAR"] } },
        ],
        continueOnError: true,
      },
    });
    const job = await finished(data.transform.id);
    expect(job.accepted + job.rejected).toBe(120);
    expect(job.rejected).toBe(Math.floor(120 / 7));
    const vip = await t.app.services.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM customer_profiles p JOIN customers c ON c.id = p.customer_id WHERE p.tier = 'VIP' AND c.segment = 'ENTERPRISE'`);
    expect(Number(vip.rows[0]!.n)).toBeGreaterThan(0);
    // 120 distinct inputs, 25 rows per job batch, 20 records per model call → at least 7 calls, never one per record.
    expect(model.calls.length).toBeGreaterThanOrEqual(6);
    expect(model.calls.length).toBeLessThan(20);
    const rejected = await t.gql(`query($id: ID!) { rejectedRecords(jobId: $id, first: 50) { nodes { reason } } }`, { id: job.id });
    expect(rejected.rejectedRecords.nodes[0].reason).toMatch(/LLM rule for tier: the model answered "MAYBE\?", expected exactly one of \["VIP","REGULAR"\]/);
  });

  it.each([
    [{ source: { table: "nope" }, target: { table: "customer_profiles" }, rules: [{ column: "tier", from: "x" }] }, /Unknown source table "nope"/],
    [{ source: { table: "customers", sql: "SELECT 1" }, target: { table: "customer_profiles" }, rules: [{ column: "tier", from: "name" }] }, /exactly one of table .* or sql/],
    [{ source: { table: "customers" }, target: { table: "jobs" }, rules: [{ column: "id", from: "id" }] }, /belongs to the gateway/],
    [{ source: { table: "customers" }, target: { table: "customer_profiles" }, rules: [{ column: "nope", from: "id" }] }, /rules\[0\]\.column "nope" is not a column of customer_profiles/],
    [{ source: { table: "customers" }, target: { table: "customer_profiles" }, rules: [{ column: "tier", from: "nope" }] }, /the source has no column "nope"/],
    [{ source: { table: "customers" }, target: { table: "customer_profiles" }, rules: [{ column: "tier", expression: "frobnicate(name)" }] }, /unknown function frobnicate\(\)/],
    [{ source: { table: "customers" }, target: { table: "customer_profiles" }, rules: [{ column: "tier", expression: "upper(name", from: "name" }] }, /needs exactly one of from, expression or llm; got 2/],
    [{ source: { sql: "DELETE FROM customers" }, target: { table: "customer_profiles" }, rules: [{ column: "tier", from: "name" }] }, /SELECT/],
    [{ source: { table: "customers", filter: [{ column: "segment", op: "EQ" }] }, target: { table: "customer_profiles" }, rules: [{ column: "tier", from: "name" }] }, /filter\[0\] \(EQ\) needs a value/],
  ])("refuses a bad transform before running anything (%#)", async (input, message) => {
    const before = await t.app.services.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM kaizen.jobs`);
    const err = await t.gqlError(TRANSFORM, { input });
    expect(["BAD_USER_INPUT", "SQL_REJECTED"]).toContain(err.extensions?.code);
    expect(err.message).toMatch(message);
    const after = await t.app.services.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM kaizen.jobs`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe("transforms without a chat model", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("pglite", {}, { demoTables: true });
  });
  afterAll(async () => t?.close());

  it("refuses LLM rules at submission with LLM_UNAVAILABLE and runs nothing", async () => {
    const err = await t.gqlError(TRANSFORM, {
      input: {
        source: { table: "customers" },
        target: { table: "categories" },
        rules: [{ column: "name", llm: { instruction: "Invent a category", inputs: ["name"] } }],
      },
    });
    expect(err.extensions?.code).toBe("LLM_UNAVAILABLE");
    expect(err.message).toMatch(/set LLM_PROVIDER/);
    const jobs = await t.app.services.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM kaizen.jobs`);
    expect(jobs.rows[0]!.n).toBe("0");
  });
});
