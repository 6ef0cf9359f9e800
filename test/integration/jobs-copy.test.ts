/**
 * The write paths with awkward values: on PostgreSQL batches go through COPY
 * FROM STDIN (straight into the table for INSERT, through a temp staging
 * table for UPSERT and UPDATE), on PGlite through unnest(). Both must store
 * exactly what was sent and reject exactly the same records.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

async function postIngest(t: TestGateway, table: string, query: string, body: string, contentType: string) {
  const res = await fetch(`${t.gateway.url}/ingest/${table}?${query}`, { method: "POST", headers: { "content-type": contentType }, body });
  const json = (await res.json()) as { jobId: string };
  expect(res.status).toBe(202);
  return t.app.services.jobs.engine.waitFor(json.jobId, 60_000);
}

async function rejectedOf(t: TestGateway, jobId: string) {
  const data = await t.gql(`query($id: ID!) { rejectedRecords(jobId: $id, first: 100) { nodes { rowIndex reason record } } }`, { id: jobId });
  return data.rejectedRecords.nodes as Array<{ rowIndex: number; reason: string; record: Record<string, unknown> }>;
}

const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";

/** Values that break naive COPY text encoding, each stored in `note` and read back. */
const NASTY: Array<string | null> = [
  "tab\there",
  "line1\nline2",
  "cr\rcrlf\r\n",
  "back\\slash\\",
  "\\N",
  "\\.",
  "\\101\\x41",
  "",
  null,
  "Grüße, 東京, 🚀👩🏽‍💻, e\u0301",
  "\u0001\u0008\u000b\u000c ctrl",
  ' "quoted", comma ',
];

describe.each(backendNames())("ingest write paths with awkward values on %s", (backend) => {
  let t: TestGateway;
  /** The COPY statements batches sent (recorded around the real transaction runner). */
  const copies: string[] = [];
  const rows = async (sql: string) => (await t.app.services.db.query(sql)).rows;

  beforeAll(async () => {
    t = await startTestGateway(backend, { JOB_BATCH_SIZE: "500" });
    const db = t.app.services.db;
    const transaction = db.transaction.bind(db);
    db.transaction = ((fn, opts) =>
      transaction((tx) => {
        if (!tx.copyFrom) return fn(tx);
        const copyFrom = tx.copyFrom.bind(tx);
        return fn({ query: tx.query.bind(tx), copyFrom: (sql, data) => (copies.push(sql), copyFrom(sql, data)) });
      }, opts)) as typeof db.transaction;
    await db.query(`CREATE TYPE copy_mood AS ENUM ('calm', 'über happy', 'with\ttab')`);
    await db.query(
      `CREATE TABLE copy_cases (id serial PRIMARY KEY, code text UNIQUE NOT NULL, note text, mood copy_mood, at timestamptz, day date,
         amount numeric(12,3), big bigint, flag boolean, meta jsonb, short varchar(5), tag text NOT NULL DEFAULT 'dflt')`,
    );
  });
  afterAll(async () => t?.close());

  const expectPath = (kind: "insert" | "stage") => {
    if (backend === "pglite") {
      expect(copies).toEqual([]);
      return;
    }
    const pattern = kind === "insert" ? /^COPY "public"\."copy_cases" \("code", .*\) FROM STDIN$/ : /^COPY pg_temp\.kz_ingest_stage_\d+ FROM STDIN$/;
    expect(copies.some((c) => pattern.test(c))).toBe(true);
  };

  it("stores awkward text, NULL apart from empty, enums, timestamps, numerics and JSON exactly as sent", async () => {
    copies.length = 0;
    const records = [
      ...NASTY.map((note, i) => ({ code: `n${i}`, note })),
      { code: "typed1", mood: "über happy", at: "2024-02-29T23:59:59.123456Z", day: "2024-02-29", amount: "-12345.678", big: "9007199254740993", flag: "yes", meta: { a: "x\ny", b: "c:\\d", t: "\t" }, short: "ab\tc" },
      { code: "typed2", mood: "with\ttab", at: "2024-05-01 10:00", day: "2024-05-01T23:30:00Z", amount: 0.1, big: -42, flag: false, meta: "a \\ string", short: "", tag: null },
      { code: "typed3", at: 0, amount: "1e3", tag: "given\\tag" },
    ];
    const job = await postIngest(t, "copy_cases", "", ndjson(records), "application/x-ndjson");
    expect(job).toMatchObject({ status: "SUCCEEDED", accepted: records.length, rejected: 0 });
    expectPath("insert");

    const notes = await rows(`SELECT code, note FROM copy_cases WHERE code LIKE 'n%' ORDER BY id`);
    expect(notes).toEqual(NASTY.map((note, i) => ({ code: `n${i}`, note })));
    const typed = await rows(
      `SELECT code, mood::text AS mood, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at, day::text AS day, amount::text AS amount,
         big::text AS big, flag, meta, short, tag FROM copy_cases WHERE code LIKE 'typed%' ORDER BY code`,
    );
    expect(typed).toEqual([
      { code: "typed1", mood: "über happy", at: "2024-02-29T23:59:59.123456", day: "2024-02-29", amount: "-12345.678", big: "9007199254740993", flag: true, meta: { a: "x\ny", b: "c:\\d", t: "\t" }, short: "ab\tc", tag: "dflt" },
      { code: "typed2", mood: "with\ttab", at: "2024-05-01T10:00:00.000000", day: "2024-05-01", amount: "0.100", big: "-42", flag: false, meta: "a \\ string", short: "", tag: "dflt" },
      { code: "typed3", mood: null, at: "1970-01-01T00:00:00.000000", day: null, amount: "1000.000", big: null, flag: null, meta: null, short: null, tag: "given\\tag" },
    ]);
  });

  it("reads CSV cells with quoted tabs, line breaks and backslashes into the same values", async () => {
    copies.length = 0;
    const csv = 'code,note,mood,tag\r\ncsv1,"tab\there, ""quoted""",calm,\r\ncsv2,"two\nlines\\",,x\\y\r\ncsv3,,"with\ttab",\\N\r\n';
    const job = await postIngest(t, "copy_cases", "", csv, "text/csv");
    expect(job).toMatchObject({ status: "SUCCEEDED", accepted: 3 });
    expectPath("insert");
    expect(await rows(`SELECT code, note, mood::text AS mood, tag FROM copy_cases WHERE code LIKE 'csv%' ORDER BY code`)).toEqual([
      { code: "csv1", note: 'tab\there, "quoted"', mood: "calm", tag: "dflt" },
      { code: "csv2", note: "two\nlines\\", mood: null, tag: "x\\y" },
      { code: "csv3", note: null, mood: "with\ttab", tag: "\\N" },
    ]);
  });

  it("upserts and updates through the staging table, two column sets in one batch, unmatched keys rejected", async () => {
    copies.length = 0;
    const upsert = await postIngest(
      t,
      "copy_cases",
      "mode=UPSERT&key=code",
      ndjson([
        { code: "n0", note: "upserted\t\\\n" },
        { code: "u-new", note: "\\N", mood: "calm" },
      ]),
      "application/x-ndjson",
    );
    expect(upsert).toMatchObject({ status: "SUCCEEDED", accepted: 2 });
    expectPath("stage");
    expect(await rows(`SELECT code, note, mood::text AS mood FROM copy_cases WHERE code IN ('n0', 'u-new') ORDER BY code`)).toEqual([
      { code: "n0", note: "upserted\t\\\n", mood: null },
      { code: "u-new", note: "\\N", mood: "calm" },
    ]);

    copies.length = 0;
    const update = await postIngest(
      t,
      "copy_cases",
      "mode=UPDATE&key=code",
      ndjson([
        { code: "n1", note: null },
        { code: "n2", mood: "über happy" },
        { code: "missing\tkey", note: "x" },
        { code: "n3", note: "", amount: "2.5" },
        { code: "n4", note: "e\u0301\r\n" },
      ]),
      "application/x-ndjson",
    );
    expect(update).toMatchObject({ kind: "BATCH_UPDATE", status: "PARTIAL", accepted: 4, rejected: 1 });
    expectPath("stage");
    expect(await rejectedOf(t, update.id)).toEqual([{ rowIndex: 3, reason: "no row of copy_cases has code=missing\tkey", record: { code: "missing\tkey", note: "x" } }]);
    expect(await rows(`SELECT code, note, mood::text AS mood, amount::text AS amount FROM copy_cases WHERE code IN ('n1', 'n2', 'n3', 'n4') ORDER BY code`)).toEqual([
      { code: "n1", note: null, mood: null, amount: null },
      { code: "n2", note: "cr\rcrlf\r\n", mood: "über happy", amount: null },
      { code: "n3", note: "", amount: "2.500", mood: null },
      { code: "n4", note: "e\u0301\r\n", mood: null, amount: null },
    ]);
  });

  it("isolates the records the database refuses inside a large batch with continueOnError, and fails the batch without it", async () => {
    // 3000 records in one batch; the database (not validation) refuses two: a unique violation and a too-long varchar(5).
    const records = Array.from({ length: 3000 }, (_, i) => ({ code: `big${i}`, note: `row\t${i}`, short: "ok" }));
    records[0] = { code: "n5", note: "duplicate code", short: "ok" };
    records[2500] = { code: "big2500", note: "too long", short: "toolong" };
    copies.length = 0;
    const job = await postIngest(t, "copy_cases", "continueOnError=true&batchSize=5000", ndjson(records), "application/x-ndjson");
    expect(job).toMatchObject({ status: "PARTIAL", accepted: 2998, rejected: 2, batches: 1 });
    expectPath("insert");
    const rejected = await rejectedOf(t, job.id);
    expect(rejected.map((r) => r.rowIndex)).toEqual([1, 2501]);
    expect(rejected[0]!.reason).toMatch(/duplicate key value violates unique constraint "copy_cases_code_key" \(SQLSTATE 23505\): Key \(code\)=\(n5\) already exists/);
    expect(rejected[1]!.reason).toMatch(/value too long for type character varying\(5\) \(SQLSTATE 22001\)/);
    expect(rejected[1]!.record).toEqual({ code: "big2500", note: "too long", short: "toolong" });
    expect(await rows(`SELECT count(*)::int AS n, count(*) FILTER (WHERE note = 'row' || chr(9) || substr(code, 4))::int AS exact FROM copy_cases WHERE code LIKE 'big%'`)).toEqual([{ n: 2998, exact: 2998 }]);

    const failing = await postIngest(t, "copy_cases", "batchSize=5000", ndjson([{ code: "fresh1" }, { code: "n6" }, { code: "fresh2" }]), "application/x-ndjson");
    expect(failing).toMatchObject({ status: "FAILED", accepted: 0 });
    expect(failing.error).toMatch(/duplicate key value violates unique constraint/);
    expect(await rows(`SELECT code FROM copy_cases WHERE code LIKE 'fresh%'`)).toEqual([]);
  });

  it("fails a large batch the database refuses early in its COPY, and keeps serving", { timeout: 120_000 }, async () => {
    // Megabytes of COPY data still being sent when the server refuses the first row: the client must not
    // write into the refused COPY afterwards (it used to crash the process on the socket's next drain).
    const lines = Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ code: i === 0 ? "n8" : `huge${i}`, note: `${"x".repeat(100)}\t${i}` })).join("\n");
    const failed = await postIngest(t, "copy_cases", "batchSize=100000", lines, "application/x-ndjson");
    expect(failed).toMatchObject({ status: "FAILED", accepted: 0 });
    expect(failed.error).toMatch(/duplicate key value violates unique constraint "copy_cases_code_key"/);
    const next = await postIngest(t, "copy_cases", "", ndjson([{ code: "after-huge", note: "ok" }]), "application/x-ndjson");
    expect(next).toMatchObject({ status: "SUCCEEDED", accepted: 1 });
    expect(await rows(`SELECT count(*)::int AS n FROM copy_cases WHERE code LIKE 'huge%' OR code = 'after-huge'`)).toEqual([{ n: 1 }]);
  });

  it("bisects a failing upsert batch through the staging table", async () => {
    const job = await postIngest(
      t,
      "copy_cases",
      "mode=UPSERT&key=code&continueOnError=true",
      ndjson([{ code: "n7", short: "fine" }, { code: "up-long", short: "far too long" }, { code: "up-ok", note: "tab\tok" }]),
      "application/x-ndjson",
    );
    expect(job).toMatchObject({ status: "PARTIAL", accepted: 2, rejected: 1 });
    const [bad] = await rejectedOf(t, job.id);
    expect(bad).toMatchObject({ rowIndex: 2, reason: expect.stringMatching(/value too long for type character varying\(5\)/) });
    expect(await rows(`SELECT code, note, short FROM copy_cases WHERE code IN ('n7', 'up-long', 'up-ok') ORDER BY code`)).toEqual([
      { code: "n7", note: "", short: "fine" },
      { code: "up-ok", note: "tab\tok", short: null },
    ]);
  });
});
