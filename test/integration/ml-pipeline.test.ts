/**
 * Whole pipelines with every kind of step: an ingest job from the streaming
 * endpoint (or a table copy), a quality gate, a transform, training and batch
 * inference from a SELECT — on generated data with a known signal; a failed or
 * too-partial ingest stopping the pipeline at its step; every problem of a bad
 * pipeline listed at submission, before anything runs; cancellation reaching
 * the running step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { seededRandom } from "../../src/services/ml/random.js";
import { PROGRESS_TOPIC } from "../../src/services/jobs/index.js";

const PIPELINE = `mutation($i: PipelineInput!, $w: Int!) { runPipeline(input: $i, waitMs: $w) { id status error message } }`;
const VIEW = `query($id: String!) { pipeline(id: $id) { name currentStep job { status error } steps { index kind job { id kind status accepted rejected result } } } }`;

/** Raw events: churn when the amount is over 50 and the channel is not the store, 5 % flipped; channels in messy case. */
function rawRecords(n: number, seed: number, prefix: string): Array<Record<string, unknown>> {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const amount = Math.round(rand() * 10000) / 100;
    const channel = ["web", " Mobile", "STORE "][Math.floor(rand() * 3)]!;
    let churned = amount > 50 && channel.trim().toUpperCase() !== "STORE";
    if (rand() < 0.05) churned = !churned;
    return { code: `${prefix}${i}`, amount, channel, churned };
  });
}

async function postIngest(t: TestGateway, table: string, records: unknown[], query = ""): Promise<string> {
  const body = records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");
  const res = await fetch(`${t.gateway.url}/ingest/${table}?${query}`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body });
  const json = (await res.json()) as { jobId?: string };
  expect(res.status, JSON.stringify(json)).toBeLessThan(300);
  return json.jobId!;
}

const count = async (t: TestGateway, sql: string, params: unknown[] = []) => Number((await t.app.services.db.query<{ n: string }>(sql, params)).rows[0]!.n);

describe.each(backendNames())("pipelines with ingest and transform steps on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    // SELECT sources read only allow-listed tables.
    t = await startTestGateway(backend, { SEED_ON_START: "false", NL_TABLES: "pipe_raw,pipe_clean" });
    const db = t.app.services.db;
    await db.query(`CREATE TABLE pipe_raw (id serial PRIMARY KEY, code text UNIQUE NOT NULL, amount numeric(10,2), channel text, churned boolean)`);
    await db.query(`CREATE TABLE pipe_clean (id serial PRIMARY KEY, code text UNIQUE NOT NULL, amount numeric(10,2), channel text NOT NULL, big boolean, churned boolean)`);
    await db.query(`CREATE TABLE pipe_archive (id integer PRIMARY KEY, code text UNIQUE NOT NULL, amount numeric(10,2), channel text, churned boolean, note text)`);
    await t.app.services.catalog.refresh();
  });
  afterAll(async () => t?.close());

  it("runs ingest (streamed job) → quality gate → transform → train → batch inference from a SELECT", async () => {
    const ingestJob = await postIngest(t, "pipe_raw", rawRecords(2000, 5, "A"), "batchSize=500");
    const input = {
      name: "full",
      steps: [
        { ingest: { fromJob: ingestJob } },
        { qualityGate: { table: "pipe_raw", minScore: 60 } },
        {
          transform: {
            source: { table: "pipe_raw" },
            target: { table: "pipe_clean" },
            batchSize: 300,
            rules: [
              { column: "code", from: "code" },
              { column: "amount", from: "amount" },
              { column: "channel", expression: "upper(trim(channel))" },
              { column: "big", expression: "amount > 50" },
              { column: "churned", from: "churned" },
            ],
          },
        },
        { train: { name: "pipe-churn", source: { table: "pipe_clean" }, target: "churned", features: ["amount", "channel"], algorithm: "GRADIENT_BOOSTING" } },
        { batchInference: { model: "pipe-churn", source: { sql: "SELECT code, amount, channel FROM pipe_clean WHERE channel <> 'STORE'", key: "code" } } },
      ],
    };
    const { runPipeline: started } = await t.gql(PIPELINE, { i: input, w: 0 });
    // Progress names the step and relays its own progress (read straight from the pub/sub).
    const messages: string[] = [];
    void (async () => {
      for await (const e of t.app.services.pubSub.pubSub.subscribe(PROGRESS_TOPIC, started.id) as AsyncIterable<{ message: string | null; status: string }>) {
        if (e.message) messages.push(e.message);
        if (["SUCCEEDED", "FAILED", "CANCELLED", "PARTIAL"].includes(e.status)) break;
      }
    })();
    const job = await t.app.services.jobs.engine.waitFor(started.id, 240_000);
    expect(job).toMatchObject({ status: "SUCCEEDED", error: null });

    const { pipeline } = await t.gql(VIEW, { id: started.id });
    expect(pipeline.currentStep).toBe(4);
    expect(pipeline.steps.map((s: { kind: string; job: { kind: string; status: string } }) => [s.kind, s.job.kind, s.job.status])).toEqual([
      ["INGEST", "INGEST", "SUCCEEDED"],
      ["QUALITY_GATE", "QUALITY", "SUCCEEDED"],
      ["TRANSFORM", "TRANSFORM", "SUCCEEDED"],
      ["TRAIN", "TRAIN", "SUCCEEDED"],
      ["BATCH_INFERENCE", "BATCH_INFERENCE", "SUCCEEDED"],
    ]);
    // The ingest step's job is the streamed job itself.
    expect(pipeline.steps[0].job).toMatchObject({ id: ingestJob, accepted: 2000, rejected: 0 });
    expect(await count(t, `SELECT count(*) AS n FROM pipe_clean WHERE channel IN ('WEB', 'MOBILE', 'STORE')`)).toBe(2000);
    expect(await count(t, `SELECT count(*) AS n FROM pipe_clean WHERE big <> (amount > 50)`)).toBe(0);
    expect(pipeline.steps[3].job.result).toMatchObject({ model: "pipe-churn", version: 1, activated: true });
    const scored = await count(t, `SELECT count(*) AS n FROM pipe_clean WHERE channel <> 'STORE'`);
    const bi = pipeline.steps[4].job;
    expect(bi).toMatchObject({ accepted: scored, rejected: 0, result: { model: "pipe-churn", version: 1, output: "predictions" } });
    expect(await count(t, `SELECT count(*) AS n FROM kaizen.predictions WHERE job_id = $1`, [bi.id])).toBe(scored);
    // The model learned the signal: large amounts off the store churn.
    const agree = await count(
      t,
      `SELECT count(*) AS n FROM kaizen.predictions p JOIN pipe_clean c ON c.code = p.row_key WHERE p.job_id = $1 AND (p.prediction->>'prediction')::boolean = (c.amount > 50)`,
      [bi.id],
    );
    expect(agree / scored).toBeGreaterThan(0.9);

    const ids = pipeline.steps.map((s: { job: { id: string } }) => s.job.id);
    expect(messages).toEqual(expect.arrayContaining([`step 3/5 TRANSFORM: started job ${ids[2]}`, `step 4/5 TRAIN: started job ${ids[3]}`, `step 5/5 BATCH_INFERENCE: started job ${ids[4]}`]));
    expect(messages.some((m) => m.startsWith(`step 3/5 TRANSFORM (job ${ids[2]}, `) && /, \d+\/2000\): /.test(m))).toBe(true);
    expect(messages.some((m) => m.startsWith(`step 5/5 BATCH_INFERENCE (job ${ids[4]}, `) && new RegExp(`, \\d+/${scored}\\): `).test(m))).toBe(true);
  });

  it("copies a table into another as an ingest step (a TRANSFORM job with copy rules)", async () => {
    const { runPipeline: job } = await t.gql(PIPELINE, {
      i: { name: "archive", steps: [{ ingest: { fromTable: "pipe_raw", filter: [{ column: "amount", op: "GT", value: 90 }], target: { table: "pipe_archive" }, columns: ["id", "code", "amount", "channel", "churned"] } }] },
      w: 120_000,
    });
    expect(job).toMatchObject({ status: "SUCCEEDED", error: null });
    const { pipeline } = await t.gql(VIEW, { id: job.id });
    const expected = await count(t, `SELECT count(*) AS n FROM pipe_raw WHERE amount > 90`);
    expect(expected).toBeGreaterThan(0);
    expect(pipeline.steps[0]).toMatchObject({ kind: "INGEST", job: { kind: "TRANSFORM", status: "SUCCEEDED", accepted: expected } });
    expect(await count(t, `SELECT count(*) AS n FROM pipe_archive a JOIN pipe_raw r USING (id, code, amount, channel, churned)`)).toBe(expected);
  });

  it("stops at the ingest step when its job failed, naming the step and the job's error", async () => {
    // The second record repeats the first one's code: the unique key fails the batch, and the job.
    const failing = await postIngest(t, "pipe_raw", [{ code: "dup-1", amount: 1 }, { code: "dup-1", amount: 2 }], "batchSize=10");
    const { runPipeline: job } = await t.gql(PIPELINE, {
      i: { name: "bad-ingest", steps: [{ ingest: { fromJob: failing } }, { qualityGate: { table: "pipe_raw", minScore: 0 } }] },
      w: 120_000,
    });
    const ingest = await t.app.services.jobs.engine.require(failing);
    expect(ingest.status).toBe("FAILED");
    expect(job.status).toBe("FAILED");
    expect(job.error).toBe(`step 1/2 INGEST failed: ${ingest.error}`);
    expect(job.error).toMatch(/dup-1|duplicate|unique/i);
    const { pipeline } = await t.gql(VIEW, { id: job.id });
    expect(pipeline.steps[0].job).toMatchObject({ id: failing, status: "FAILED" });
    expect(pipeline.steps[1]).toEqual({ index: 1, kind: "QUALITY_GATE", job: null });
  });

  it("fails a PARTIAL ingest above maxRejectedFraction and passes it within", async () => {
    const records: unknown[] = rawRecords(95, 9, "P");
    for (let i = 0; i < 5; i++) records.push({ code: `P-bad-${i}`, amount: "lots" });
    const partial = await postIngest(t, "pipe_raw", records, "batchSize=40");
    const strict = (await t.gql(PIPELINE, { i: { steps: [{ ingest: { fromJob: partial } }] }, w: 120_000 })).runPipeline;
    expect(strict.status).toBe("FAILED");
    expect(strict.error).toBe(
      `step 1/1 INGEST failed: job ${partial} rejected 5 of 100 records (5.0 %), more than maxRejectedFraction 0; see rejectedRecords(jobId: "${partial}")`,
    );
    const lenient = (await t.gql(PIPELINE, { i: { steps: [{ ingest: { fromJob: partial, maxRejectedFraction: 0.05 } }] }, w: 120_000 })).runPipeline;
    expect(lenient).toMatchObject({ status: "SUCCEEDED", error: null });
  });

  it("refuses a pipeline with several bad steps, listing every problem, and runs nothing", async () => {
    const before = await count(t, `SELECT count(*) AS n FROM kaizen.jobs`);
    const names = [...new Set((await t.gql(`{ models(first: 500) { nodes { name } } }`)).models.nodes.map((m: { name: string }) => m.name))];
    const known = names.length ? names.join(", ") : "none yet (train one with trainModel)";
    const err = await t.gqlError(PIPELINE, {
      i: {
        steps: [
          { ingest: { fromJob: "00000000-0000-0000-0000-000000000000" } },
          { qualityGate: { table: "pipe_raw", minScore: 150 } },
          { transform: { source: { table: "pipe_raw" }, target: { table: "pipe_clean" }, rules: [{ column: "colour", from: "code" }] } },
          { batchInference: { model: "later-model", source: { table: "pipe_clean" } } },
          { train: { name: "later-model", source: { table: "pipe_clean" }, target: "nope" } },
          { ingest: { fromTable: "pipe_raw" } },
          {},
        ],
      },
      w: 0,
    });
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toBe(
      "runPipeline input has 8 problem(s): " +
        'steps[0].ingest.fromJob: no job "00000000-0000-0000-0000-000000000000"; ' +
        "steps[1].qualityGate.minScore: expected 0–100; got 150; " +
        'steps[2].transform.rules[0].column: rules[0].column "colour" is not a column of pipe_clean (columns: id, code, amount, channel, big, churned); ' +
        `steps[3].batchInference: No model named "later-model". Known models: ${known}; ` +
        "steps[3].batchInference.model: later-model is trained by steps[4], after this step; put the train step first; " +
        'steps[4].train.target: pipe_clean has no column "nope"; columns: id, code, amount, channel, big, churned; ' +
        "steps[5].ingest.target: fromTable needs target { table, mode, key }: where the rows are copied to; " +
        "steps[6]: set exactly one of ingest, qualityGate, transform, train, batchInference; got none.",
    );
    expect(err.extensions?.problems).toHaveLength(8);
    expect(await count(t, `SELECT count(*) AS n FROM kaizen.jobs`)).toBe(before);
  });

  it("refuses LLM transform rules without a chat model at submission with LLM_UNAVAILABLE, listing the other problems too", async () => {
    const before = await count(t, `SELECT count(*) AS n FROM kaizen.jobs`);
    const err = await t.gqlError(PIPELINE, {
      i: {
        steps: [
          { qualityGate: { table: "pipe_missing", minScore: 50 } },
          {
            transform: {
              source: { table: "pipe_raw" },
              target: { table: "pipe_clean" },
              rules: [
                { column: "code", from: "code" },
                { column: "channel", llm: { instruction: "Normalize the sales channel", inputs: ["channel"], outputEnum: ["WEB", "MOBILE", "STORE"] } },
              ],
            },
          },
        ],
      },
      w: 0,
    });
    expect(err.extensions?.code).toBe("LLM_UNAVAILABLE");
    expect(err.message).toMatch(/^runPipeline input has 2 problem\(s\): steps\[0\]\.qualityGate\.table: .*pipe_missing.*; steps\[1\]\.transform: This transform has LLM rules but no chat model is configured/);
    expect(await count(t, `SELECT count(*) AS n FROM kaizen.jobs`)).toBe(before);
  });

  // On PGlite too: it runs in-process, so this only passes because the engine yields to the event loop
  // after every batch (a job whose every await is a PGlite query would otherwise starve the cancel).
  it("cancelling the pipeline cancels its running step", { timeout: 120_000 }, async () => {
    await t.app.services.db.query(`CREATE TABLE pipe_big (id serial PRIMARY KEY, code text UNIQUE NOT NULL, amount numeric(10,2), channel text, churned boolean)`);
    await t.app.services.db.query(`CREATE TABLE pipe_big_copy (id integer PRIMARY KEY, code text, amount numeric(10,2), channel text, churned boolean)`);
    await t.app.services.db.query(`INSERT INTO pipe_big (code, amount, channel, churned) SELECT 'B' || i, i % 100, 'web', false FROM generate_series(1, 40000) AS i`);
    await t.app.services.catalog.refresh();
    const { runPipeline: started } = await t.gql(PIPELINE, {
      i: { steps: [{ ingest: { fromTable: "pipe_big", target: { table: "pipe_big_copy" }, columns: ["id", "code", "amount", "channel", "churned"], batchSize: 20 } }, { qualityGate: { table: "pipe_big_copy", minScore: 0 } }] },
      w: 0,
    });
    const engine = t.app.services.jobs.engine;
    // Wait until the parent relays the copy's progress past its first batches (straight from the pub/sub), then cancel the parent.
    let childId: string | null = null;
    const events = t.app.services.pubSub.pubSub.subscribe(PROGRESS_TOPIC, started.id) as AsyncIterable<{ message: string | null; status: string }>;
    for await (const e of events) {
      const m = /^step 1\/2 INGEST \(job ([0-9a-f-]{36}), ([1-9]\d*)\/40000\)/.exec(e.message ?? "");
      if (m) {
        childId = m[1]!;
        break;
      }
      if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(e.status)) break;
    }
    expect(childId).not.toBeNull();
    await engine.cancel(started.id);
    const parent = await engine.waitFor(started.id, 60_000);
    const child = await engine.waitFor(childId!, 60_000);
    expect(parent.status).toBe("CANCELLED");
    expect(child.status).toBe("CANCELLED");
    expect(child.accepted).toBeLessThan(40_000);
    expect(await count(t, `SELECT count(*) AS n FROM pipe_big_copy`)).toBe(child.accepted);
    const { pipeline } = await t.gql(VIEW, { id: started.id });
    expect(pipeline.steps[1].job).toBeNull();
  });
});
