/**
 * Every list of the gateway's own operations is a Relay connection with keyset cursors: paging forward
 * (first/after) and backward (last/before) with random page sizes returns every row exactly once, in the
 * order PostgreSQL sorts them; page sizes are bounded and bad cursors are refused with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../src/services/seed/prng.js";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

const MAX = 40;
const JOB_A = "11111111-1111-4111-8111-111111111111";

interface ListSpec {
  /** A name for the test title. */
  label: string;
  field: string;
  /** Literal arguments besides the paging ones, e.g. `jobId: "…",`. */
  args: string;
  /** The node's identifying field. */
  id: string;
  /** The same list in PostgreSQL's order: the ids as the API prints them, as `ref` (an `id` alias would make ORDER BY id sort the text). */
  reference: string;
}

const LISTS: ListSpec[] = [
  { label: "jobs", field: "jobs", args: "", id: "id", reference: `SELECT id::text AS ref FROM kaizen.jobs ORDER BY created_at DESC, id DESC` },
  { label: "jobs of one kind", field: "jobs", args: "filter: { kind: TRANSFORM, status: [FAILED, SUCCEEDED] },", id: "id", reference: `SELECT id::text AS ref FROM kaizen.jobs WHERE kind = 'TRANSFORM' ORDER BY created_at DESC, id DESC` },
  { label: "rejectedRecords", field: "rejectedRecords", args: `jobId: "${JOB_A}",`, id: "id", reference: `SELECT id::text AS ref FROM kaizen.rejected_records WHERE job_id = '${JOB_A}' ORDER BY id` },
  { label: "queryLog", field: "queryLog", args: "", id: "queryId", reference: `SELECT query_id AS ref FROM kaizen.query_log ORDER BY id DESC` },
  { label: "queryLog, errors only", field: "queryLog", args: `filter: { status: "ERROR" },`, id: "queryId", reference: `SELECT query_id AS ref FROM kaizen.query_log WHERE status = 'ERROR' ORDER BY id DESC` },
  { label: "models", field: "models", args: "", id: "id", reference: `SELECT id::text AS ref FROM kaizen.ml_models ORDER BY name, version DESC` },
  { label: "qualityHistory", field: "qualityHistory", args: `table: "orders",`, id: "id", reference: `SELECT id::text AS ref FROM kaizen.quality_reports WHERE table_name = 'orders' ORDER BY created_at DESC, id DESC` },
  { label: "predictions", field: "predictions", args: `model: "churn",`, id: "id", reference: `SELECT id::text AS ref FROM kaizen.predictions WHERE model_name = 'churn' ORDER BY id` },
  {
    label: "predictions of one version and job",
    field: "predictions",
    args: `model: "churn", version: 2, jobId: "${JOB_A}",`,
    id: "id",
    reference: `SELECT id::text AS ref FROM kaizen.predictions WHERE model_name = 'churn' AND model_version = 2 AND job_id = '${JOB_A}' ORDER BY id`,
  },
];

interface Page {
  totalCount: number;
  nodes: Array<Record<string, unknown>>;
  edges: Array<{ cursor: string; node: Record<string, unknown> }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function pageQuery(list: ListSpec): string {
  return `query($first: Int, $after: String, $last: Int, $before: String) {
    page: ${list.field}(${list.args} first: $first, after: $after, last: $last, before: $before) {
      totalCount nodes { ${list.id} } edges { cursor node { ${list.id} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
}

async function fetchPage(t: TestGateway, list: ListSpec, vars: Record<string, unknown>): Promise<{ page: Page; ids: string[] }> {
  const { page } = await t.gql<{ page: Page }>(pageQuery(list), vars);
  const ids = page.nodes.map((n) => String(n[list.id]));
  // nodes and edges are the same page; the page's cursors are its first and last edges'.
  expect(page.edges.map((e) => String(e.node[list.id]))).toEqual(ids);
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
  return { page, ids };
}

/** Follows endCursor with random page sizes; checks each page's flags against the position it covers. */
async function walkForward(t: TestGateway, list: ListSpec, rng: Rng, expected: string[]): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard <= expected.length + 1; guard++) {
    const first = rng.int(1, MAX);
    const { page, ids } = await fetchPage(t, list, { first, after });
    expect(page.totalCount).toBe(expected.length);
    expect(ids).toHaveLength(Math.min(first, expected.length - seen.length));
    expect(page.pageInfo.hasPreviousPage).toBe(seen.length > 0);
    seen.push(...ids);
    expect(page.pageInfo.hasNextPage).toBe(seen.length < expected.length);
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${list.label}: forward paging did not end`);
}

/** Follows startCursor backward from the end with random page sizes. */
async function walkBackward(t: TestGateway, list: ListSpec, rng: Rng, expected: string[]): Promise<string[]> {
  let seen: string[] = [];
  let before: string | null = null;
  for (let guard = 0; guard <= expected.length + 1; guard++) {
    const last = rng.int(1, MAX);
    const { page, ids } = await fetchPage(t, list, { last, before });
    expect(ids).toHaveLength(Math.min(last, expected.length - seen.length));
    expect(page.pageInfo.hasNextPage).toBe(seen.length > 0);
    seen = [...ids, ...seen];
    expect(page.pageInfo.hasPreviousPage).toBe(seen.length < expected.length);
    if (!page.pageInfo.hasPreviousPage) return seen;
    before = page.pageInfo.startCursor;
  }
  throw new Error(`${list.label}: backward paging did not end`);
}

/** Rows of every gateway list, with ties in the timestamps (microseconds apart or equal) and ids crossing digit counts. */
async function seedLists(t: TestGateway): Promise<void> {
  const db = t.app.services.db;
  await db.query(`INSERT INTO kaizen.jobs (id, kind, status, created_at) VALUES ($1::uuid, 'INGEST', 'PARTIAL', timestamptz '2026-01-01 00:00:00+00')`, [JOB_A]);
  await db.query(`INSERT INTO kaizen.jobs (id, kind, status, created_at)
    SELECT gen_random_uuid(), (ARRAY['INGEST','TRANSFORM','TRAIN'])[1 + i % 3], (ARRAY['SUCCEEDED','FAILED'])[1 + i % 2],
      timestamptz '2026-01-01 00:00:00.000001+00' + (i / 3) * interval '1 microsecond'
    FROM generate_series(1, 136) AS i`);
  await db.query(`INSERT INTO kaizen.rejected_records (job_id, batch, row_index, reason, record)
    SELECT $1::uuid, i / 50, i, 'reason ' || i, jsonb_build_object('i', i) FROM generate_series(1, 400) AS i`, [JOB_A]);
  await db.query(`INSERT INTO kaizen.rejected_records (job_id, batch, row_index, reason) SELECT id, 0, 1, 'other job' FROM kaizen.jobs WHERE id <> $1::uuid LIMIT 30`, [JOB_A]);
  await db.query(`INSERT INTO kaizen.query_log (query_id, question, normalized, scope, status, total_ms, catalog_version, source)
    SELECT 'q-' || i, 'question ' || i, 'question ' || i, 'test', CASE WHEN i % 4 = 0 THEN 'ERROR' ELSE 'OK' END, i, 'v1', 'OFFLINE'
    FROM generate_series(1, 203) AS i`);
  await db.query(`INSERT INTO kaizen.ml_models (name, version, task, algorithm, target, source, feature_schema, preparation, metrics, params, artifact, rows_used, training_ms, status)
    SELECT n.name, v, 'REGRESSION', 'LINEAR', 'y', '{}', '[]', '{}', '{}', '{}', '{}', 10, 1, 'READY'
    FROM unnest(ARRAY['alpha', 'Beta', 'beta', 'gamma_1', 'Zeta', 'émile', 'a b']) AS n(name), generate_series(1, 11) AS v`);
  await db.query(`INSERT INTO kaizen.quality_reports (table_name, score, row_count, report, created_at)
    SELECT CASE WHEN i % 5 = 0 THEN 'other' ELSE 'orders' END, i, i, '{}', timestamptz '2026-02-01 00:00:00+00' + (i / 4) * interval '1 microsecond'
    FROM generate_series(1, 151) AS i`);
  await db.query(`INSERT INTO kaizen.predictions (model_name, model_version, row_key, prediction, job_id)
    SELECT CASE WHEN i % 3 = 0 THEN 'spend' ELSE 'churn' END, 1 + i % 2, (i % 50)::text,
      jsonb_build_object('prediction', CASE WHEN i % 2 = 0 THEN 'true' ELSE 'false' END, 'probabilities', jsonb_build_object('true', 0.25, 'false', 0.75)),
      CASE WHEN i < 200 THEN '${JOB_A}' ELSE 'another-job' END
    FROM generate_series(1, 301) AS i`);
}

describe.each(backendNames())("paging the gateway's own lists on %s", (backend) => {
  let t: TestGateway;
  const reference = async (list: ListSpec) => (await t.app.services.db.query<{ ref: string }>(list.reference)).rows.map((r) => r.ref);

  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false", MAX_PAGE_SIZE: String(MAX), API_DEFAULT_PAGE_SIZE: "20" });
    await seedLists(t);
  });
  afterAll(async () => t?.close());

  it.each(LISTS)("$label: forward and backward with random page sizes return every row once, in order", async (list) => {
    const expected = await reference(list);
    expect(expected.length).toBeGreaterThan(MAX);
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed * 7919 + list.label.length);
      expect(await walkForward(t, list, rng, expected)).toEqual(expected);
      expect(await walkBackward(t, list, rng, expected)).toEqual(expected);
    }
  });

  it.each(LISTS)("$label: between two cursors, first and last see exactly the rows in between", async (list) => {
    const expected = await reference(list);
    const all: string[] = [];
    const cursors: string[] = [];
    for (let after: string | null = null; ; ) {
      const { page } = await fetchPage(t, list, { first: MAX, after });
      all.push(...page.nodes.map((n) => String(n[list.id])));
      cursors.push(...page.edges.map((e) => e.cursor));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(all).toEqual(expected);
    const rng = new Rng(list.label.length);
    for (let round = 0; round < 4; round++) {
      const i = rng.int(0, expected.length - 3);
      const j = rng.int(i + 2, Math.min(expected.length - 1, i + MAX + 1));
      const between = expected.slice(i + 1, j);
      const fwd = await fetchPage(t, list, { first: MAX, after: cursors[i], before: cursors[j] });
      expect(fwd.ids).toEqual(between);
      expect(fwd.page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const back = await fetchPage(t, list, { last: MAX, after: cursors[i], before: cursors[j] });
      expect(back.ids).toEqual(between);
      expect(back.page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    }
  });

  it("rejectedRecords: following hasNextPage with first: 50 over 400 records returns each once (issue 11, item 4)", async () => {
    const rows: Array<{ id: string; rowIndex: number }> = [];
    const Q = `query($after: String) { rejectedRecords(jobId: "${JOB_A}", first: 40, after: $after) { nodes { id rowIndex } pageInfo { hasNextPage endCursor } } }`;
    for (let after: string | null = null; ; ) {
      const page: { nodes: Array<{ id: string; rowIndex: number }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = (await t.gql(Q, { after })).rejectedRecords;
      rows.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(rows).toHaveLength(400);
    expect(rows.map((r) => r.rowIndex)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.id)).size).toBe(400);
  });

  it("continues after a cursor whose row was deleted meanwhile", async () => {
    const list = LISTS.find((l) => l.label === "rejectedRecords")!;
    const expected = await reference(list);
    const { page } = await fetchPage(t, list, { first: 10 });
    // Row 10, the page's last, goes away; the next page still starts at row 11.
    await t.app.services.db.query(`DELETE FROM kaizen.rejected_records WHERE id = $1::bigint`, [expected[9]]);
    try {
      const next = await fetchPage(t, list, { first: 5, after: page.pageInfo.endCursor });
      expect(next.ids).toEqual(expected.slice(10, 15));
      // Nothing at or before the cursor's position but rows 1–9: still a previous page.
      expect(next.page.pageInfo.hasPreviousPage).toBe(true);
    } finally {
      await t.app.services.db.query(`INSERT INTO kaizen.rejected_records (id, job_id, batch, row_index, reason, record) VALUES ($1::bigint, $2::uuid, 0, 10, 'reason 10', '{"i": 10}')`, [expected[9], JOB_A]);
    }
  });

  it("gives API_DEFAULT_PAGE_SIZE (set to 20 here) nodes when neither first nor last is given", async () => {
    const { jobs } = await t.gql(`{ jobs { nodes { id } pageInfo { hasNextPage } } }`);
    expect(jobs.nodes).toHaveLength(20);
    expect(jobs.pageInfo.hasNextPage).toBe(true);
  });

  it("refuses page sizes outside 1..MAX_PAGE_SIZE, first with last, and cursors it did not issue, saying what to do", async () => {
    const tooMany = await t.gqlError(`{ jobs(first: ${MAX + 1}) { nodes { id } } }`);
    expect(tooMany.extensions).toMatchObject({ code: "BAD_USER_INPUT", maxPageSize: MAX });
    expect(tooMany.message).toBe(`first must be between 1 and ${MAX} (MAX_PAGE_SIZE); got ${MAX + 1}. Ask for at most ${MAX} and page on with after: pageInfo.endCursor.`);
    const zero = await t.gqlError(`{ queryLog(last: 0) { nodes { queryId } } }`);
    expect(zero.extensions?.code).toBe("BAD_USER_INPUT");
    expect(zero.message).toBe(`last must be between 1 and ${MAX} (MAX_PAGE_SIZE); got 0. Ask for at most ${MAX} and page back with before: pageInfo.startCursor.`);
    const both = await t.gqlError(`{ models(first: 2, last: 2) { nodes { id } } }`);
    expect(both.extensions?.code).toBe("BAD_USER_INPUT");
    expect(both.message).toBe("Pass first or last, not both (got first: 2, last: 2): first pages forward after a cursor, last pages backward before one.");

    const junk = await t.gqlError(`{ rejectedRecords(jobId: "${JOB_A}", after: "not a cursor!") { nodes { id } } }`);
    expect(junk.extensions?.code).toBe("BAD_USER_INPUT");
    expect(junk.message).toBe(`after is not a valid cursor ("not a cursor!": not a cursor issued by this API). Pass pageInfo.endCursor (or an edge's cursor) from a previous page of rejectedRecords, unchanged.`);
    const jobsCursor = (await t.gql(`{ jobs(first: 1) { pageInfo { endCursor } } }`)).jobs.pageInfo.endCursor as string;
    const foreign = await t.gqlError(`query($c: String) { predictions(model: "churn", before: $c) { nodes { id } } }`, { c: jobsCursor });
    expect(foreign.extensions?.code).toBe("BAD_USER_INPUT");
    expect(foreign.message).toMatch(/^before is not a valid cursor \(".*": it was made for jobs, not for predictions\)\. Pass pageInfo\.startCursor \(or an edge's cursor\) from a previous page of predictions, unchanged\.$/);
    // The right list, but a value that is no bigint: refused before it reaches SQL.
    const forged = Buffer.from(JSON.stringify(["rejectedRecords", "1; DROP TABLE jobs"])).toString("base64url");
    const bad = await t.gqlError(`query($c: String) { rejectedRecords(jobId: "${JOB_A}", after: $c) { nodes { id } } }`, { c: forged });
    expect(bad.message).toContain("not a cursor issued by this API");
    const badTime = Buffer.from(JSON.stringify(["jobs", "yesterday", JOB_A])).toString("base64url");
    expect((await t.gqlError(`query($c: String) { jobs(after: $c) { nodes { id } } }`, { c: badTime })).message).toContain("not a cursor issued by this API");
  });

  it("answers a missing single lookup with null without wiping out the fields beside it", async () => {
    const res = await t.request(`{ model(name: "nope") { id } pipeline(id: "00000000-0000-4000-8000-000000000000") { name } job(id: "00000000-0000-4000-8000-000000000000") { id } gatewayInfo { version } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({ model: null, pipeline: null, job: null, gatewayInfo: { version: expect.any(String) } });
  });

  it("reads predictions with their probabilities ranked, filtered by key", async () => {
    const { predictions } = await t.gql(`{ predictions(model: "churn", version: 2, key: "1") { totalCount nodes { model version key prediction probabilities { label probability } jobId createdAt } } }`);
    const n = Number((await t.app.services.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM kaizen.predictions WHERE model_name = 'churn' AND model_version = 2 AND row_key = '1'`)).rows[0]!.n);
    expect(n).toBeGreaterThan(1);
    expect(predictions.totalCount).toBe(n);
    expect(predictions.nodes[0]).toMatchObject({
      model: "churn",
      version: 2,
      key: "1",
      prediction: "false",
      probabilities: [
        { label: "false", probability: 0.75 },
        { label: "true", probability: 0.25 },
      ],
    });
    const none = await t.gql(`{ predictions(model: "never-trained") { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    expect(none.predictions).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    const badVersion = await t.gqlError(`{ predictions(model: "churn", version: 0) { nodes { id } } }`);
    expect(badVersion.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badVersion.message).toBe("Invalid predictions filter: version must be a version number (1 or more); got 0.");
  });
});
