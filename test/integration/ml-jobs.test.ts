import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { createSignalTable } from "../helpers/ml-data.js";
import { killWorkerWhen } from "../helpers/dead-worker.js";

const BATCH = `mutation($m: String!, $s: BatchSourceInput!, $o: BatchOutputInput, $b: Int, $w: Int!) {
  runBatchInference(model: $m, source: $s, output: $o, batchSize: $b, waitMs: $w) { id status accepted rejected done total error result } }`;
const PIPELINE = `mutation($i: PipelineInput!) { runPipeline(input: $i, waitMs: 240000) { id status error message } }`;
const VIEW = `query($id: String!) { pipeline(id: $id) { name currentStep job { status } steps { index kind job { kind status result } } } }`;

const churnInput = { name: "churn", source: { table: "ml_signal" }, target: "churned", features: ["amount", "channel", "tier", "vip", "signup_at"], algorithm: "GRADIENT_BOOSTING" as const };

async function count(t: TestGateway, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await t.app.services.db.query<{ n: string }>(sql, params)).rows[0]!.n);
}

describe.each(backendNames())("batch inference and pipelines on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false" });
    const db = t.app.services.db;
    await createSignalTable(db);
    await t.app.services.ml.train(churnInput);
    // New rows to score; their amount is text, and five of them are not numbers. Their signups lie inside
    // the training rows' range (2023-01-01 … 2024-12-01) on fixed dates, so what the model says about them
    // depends on the planted signal, not on today's date.
    await db.query(`CREATE TABLE ml_new (id serial PRIMARY KEY, amount text, channel text, tier "Tier", vip boolean, signup_at timestamptz, churn_pred text)`);
    await db.query(`INSERT INTO ml_new (amount, channel, tier, vip, signup_at)
      SELECT CASE WHEN i % 100 = 7 THEN 'n/a' ELSE (i % 100)::text END, (ARRAY['WEB','MOBILE','STORE'])[1 + i % 3], 'GOLD', i % 2 = 0,
        timestamptz '2023-02-01 12:00+00' + (i % 600) * interval '1 day'
        FROM generate_series(1, 500) AS i`);
  });
  afterAll(async () => t?.close());

  it("writes predictions to a column by key and records the rows that do not fit the schema", async () => {
    const { runBatchInference: job } = await t.gql(BATCH, { m: "churn", s: { table: "ml_new" }, o: { column: "churn_pred" }, b: 120, w: 120000 });
    expect(job).toMatchObject({ status: "PARTIAL", accepted: 495, rejected: 5, done: 500, total: 500, result: { model: "churn", version: 1, output: "ml_new.churn_pred" } });
    expect(await count(t, `SELECT count(*) AS n FROM ml_new WHERE churn_pred IN ('true', 'false')`)).toBe(495);
    expect(await count(t, `SELECT count(*) AS n FROM ml_new WHERE churn_pred IS NULL AND amount = 'n/a'`)).toBe(5);
    // The signal: large amounts on WEB/MOBILE churn, STORE never does.
    expect(await count(t, `SELECT count(*) AS n FROM ml_new WHERE channel = 'STORE' AND churn_pred = 'true'`)).toBe(0);
    const { rejectedRecords } = await t.gql(`query($id: ID!) { rejectedRecords(jobId: $id) { nodes { rowIndex reason record } } }`, { id: job.id });
    expect(rejectedRecords.nodes).toHaveLength(5);
    expect(rejectedRecords.nodes[0].reason).toBe('row.amount: wrong type: expected a number, got "n/a"');
    expect(rejectedRecords.nodes[0].record).toMatchObject({ key: "7", amount: "n/a", channel: "MOBILE" });
  });

  it("reads back what batch inference wrote to predictions, through GraphQL and GET /export/models/:model/predictions", async () => {
    // Cached answers of predictions are dropped when a batch inference writes: the count moves.
    const COUNT = `{ predictions(model: "churn") { totalCount } }`;
    const before = (await t.gql(COUNT)).predictions.totalCount as number;
    expect((await t.gql(COUNT)).predictions.totalCount).toBe(before);
    const { runBatchInference: job } = await t.gql(BATCH, { m: "churn", s: { table: "ml_new" }, b: 200, w: 120000 });
    expect(job).toMatchObject({ status: "PARTIAL", accepted: 495, rejected: 5, result: { model: "churn", version: 1, output: "predictions" } });
    expect((await t.gql(COUNT)).predictions.totalCount).toBe(before + 495);
    const stored = (
      await t.app.services.db.query<{ id: string; row_key: string; prediction: { prediction: string; probabilities: Record<string, number> }; created: string }>(
        `SELECT id::text AS id, row_key, prediction, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created
         FROM kaizen.predictions WHERE job_id = $1 ORDER BY predictions.id`,
        [job.id],
      )
    ).rows;
    expect(stored).toHaveLength(495);

    // Every prediction once, in the order written, across pages.
    const Q = `query($j: ID, $after: String) { predictions(model: "churn", version: 1, jobId: $j, first: 200, after: $after) {
      totalCount nodes { id model version key prediction probabilities { label probability } jobId } pageInfo { hasNextPage endCursor } } }`;
    const read: any[] = [];
    for (let after: string | null = null; ; ) {
      const page: any = (await t.gql(Q, { j: job.id, after })).predictions;
      expect(page.totalCount).toBe(495);
      read.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(read.map((p) => p.id)).toEqual(stored.map((s) => s.id));
    const first = stored[0]!;
    const ranked = Object.entries(first.prediction.probabilities).map(([label, probability]) => ({ label, probability })).sort((a, b) => b.probability - a.probability);
    expect(read[0]).toEqual({ id: first.id, model: "churn", version: 1, key: first.row_key, prediction: first.prediction.prediction, probabilities: ranked, jobId: job.id });
    const one = (await t.gql(`query($j: ID) { predictions(model: "churn", jobId: $j, key: "42") { nodes { key prediction } } }`, { j: job.id })).predictions.nodes;
    expect(one).toEqual([{ key: "42", prediction: stored.find((s) => s.row_key === "42")!.prediction.prediction }]);

    // The same rows as a file, exactly as stored.
    const get = (q: string) => fetch(`${t.gateway.url}/export/models/churn/predictions?${q}`);
    const nd = await get(`version=1&jobId=${job.id}`);
    expect(nd.status).toBe(200);
    expect(nd.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(nd.headers.get("content-disposition")).toBe('attachment; filename="predictions-churn.ndjson"');
    const lines = (await nd.text()).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual(
      stored.map((s) => ({ id: s.id, model_name: "churn", model_version: 1, row_key: s.row_key, prediction: s.prediction, job_id: job.id, created_at: s.created })),
    );
    const csv = await (await get(`jobId=${job.id}&key=42&format=csv&columns=row_key,prediction`)).text();
    const s42 = stored.find((s) => s.row_key === "42")!;
    const csvJson = `{"prediction": "${s42.prediction.prediction}", "probabilities": {"true": ${s42.prediction.probabilities.true}, "false": ${s42.prediction.probabilities.false}}}`;
    expect(csv.split("\n")[0]).toBe("row_key,prediction");
    expect(JSON.parse(csv.split("\n")[1]!.replace(/^42,"(.*)"$/, "$1").replace(/""/g, '"'))).toEqual(JSON.parse(csvJson));
    expect((await (await get("version=7")).text())).toBe("");

    const badVersion = await get("version=first");
    expect(badVersion.status).toBe(400);
    expect(((await badVersion.json()) as any).errors[0].message).toBe('version must be a model version number (1 or more); got "first".');
    const badColumn = await get("columns=row_key,score");
    expect(badColumn.status).toBe(400);
    expect(((await badColumn.json()) as any).errors[0].message).toBe('Unknown column "score" in predictions. Valid columns: id, model_name, model_version, row_key, prediction, job_id, created_at.');
    // The table itself stays out of the table exports.
    expect((await fetch(`${t.gateway.url}/export/predictions`)).status).toBe(400);
  });

  it("refuses a batch inference whose source lacks the model's features, listing the problems", async () => {
    await t.app.services.db.query(`CREATE TABLE ml_thin (id serial PRIMARY KEY, amount numeric)`);
    const err = await t.gqlError(BATCH, { m: "churn", s: { table: "ml_thin" }, o: { column: "amount" }, w: 0 });
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toBe(
      "runBatchInference has 5 problem(s): source.table: ml_thin lacks the model's feature column channel; source.table: ml_thin lacks the model's feature column tier; " +
        "source.table: ml_thin lacks the model's feature column vip; source.table: ml_thin lacks the model's feature column signup_at; output.column: amount is the key or a feature; write predictions to another column.",
    );
  });

  it("resumes a batch inference job after its worker died, writing every prediction exactly once", async () => {
    const engine = t.app.services.jobs.engine;
    const db = t.app.services.db;
    // The worker "dies" right after committing its third batch: a trigger hands the job to a runner id
    // that no longer exists, with an old heartbeat, exactly the state a crashed process leaves behind.
    const removeKiller = await killWorkerWhen(db, "kill_worker", "NEW.kind = 'BATCH_INFERENCE' AND NEW.batches = 3 AND OLD.batches = 2 AND NEW.runner = OLD.runner");
    try {
      const job = await engine.submit({ kind: "BATCH_INFERENCE", params: { model: "churn", source: { table: "ml_signal" }, batchSize: 100 } });
      for (;;) {
        const rec = await engine.require(job.id);
        if (rec.batches >= 3 && !engine.isRunningLocally(job.id)) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const mid = (await db.query<{ status: string; done: number; runner: string }>(`SELECT status, done, runner FROM kaizen.jobs WHERE id = $1::uuid`, [job.id])).rows[0]!;
      expect(mid).toEqual({ status: "RUNNING", done: 300, runner: "dead-worker" });
      // Everything committed before the death is in the table, nothing more.
      expect(await count(t, `SELECT count(*) AS n FROM kaizen.predictions WHERE job_id = $1`, [job.id])).toBe(300);

      // A runner sweeping for stale jobs claims it and resumes after the last committed key.
      await engine.execute(job.id);
      const end = await engine.waitFor(job.id, 60_000);
      expect(end).toMatchObject({ status: "SUCCEEDED", done: 3000, accepted: 3000, rejected: 0 });
      expect(await count(t, `SELECT count(*) AS n FROM kaizen.predictions WHERE job_id = $1`, [job.id])).toBe(3000);
      expect(await count(t, `SELECT count(DISTINCT row_key) AS n FROM kaizen.predictions WHERE job_id = $1`, [job.id])).toBe(3000);
      const sample = (await db.query<{ prediction: { prediction: string; probabilities: Record<string, number> } }>(`SELECT prediction FROM kaizen.predictions WHERE job_id = $1 LIMIT 1`, [job.id])).rows[0]!;
      expect(Object.keys(sample.prediction.probabilities).sort()).toEqual(["false", "true"]);
    } finally {
      await removeKiller();
    }
  });

  it("does not train again when a TRAIN job resumes after storing its version", async () => {
    const engine = t.app.services.jobs.engine;
    const db = t.app.services.db;
    // The worker "dies" right after saving the checkpoint that names the stored version.
    const removeKiller = await killWorkerWhen(db, "kill_trainer", "NEW.kind = 'TRAIN' AND NEW.checkpoint IS NOT NULL AND OLD.checkpoint IS NULL");
    try {
      const job = await engine.submit({ kind: "TRAIN", params: { ...churnInput, name: "churn-resume", algorithm: "LINEAR" } });
      for (;;) {
        const rec = await engine.require(job.id);
        if (rec.checkpoint && !engine.isRunningLocally(job.id)) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect((await engine.require(job.id)).status).toBe("RUNNING");
      await engine.execute(job.id);
      const end = await engine.waitFor(job.id, 60_000);
      expect(end).toMatchObject({ status: "SUCCEEDED", result: { model: "churn-resume", version: 1, activationReason: "stored before the job was resumed" } });
      expect(end.message).toMatch(/resumed after version 1 was stored; not training again|accepted/);
      expect((await t.gql(`{ models(name: "churn-resume") { nodes { version } } }`)).models.nodes).toEqual([{ version: 1 }]);
    } finally {
      await removeKiller();
    }
  });

  it("stops a pipeline whose quality gate fails, naming the step and the reason", async () => {
    const { runPipeline: job } = await t.gql(PIPELINE, {
      i: { name: "strict", steps: [{ qualityGate: { table: "ml_signal", minScore: 100 } }, { train: { ...churnInput, name: "never" } }] },
    });
    expect(job.status).toBe("FAILED");
    expect(job.error).toMatch(/^step 1\/2 QUALITY_GATE failed: quality score 99\.\d of ml_signal is under the threshold 100$/);
    const { pipeline } = await t.gql(VIEW, { id: job.id });
    expect(pipeline).toMatchObject({ name: "strict", currentStep: 0, job: { status: "FAILED" } });
    expect(pipeline.steps[0].job).toMatchObject({ kind: "QUALITY", status: "SUCCEEDED" });
    expect(pipeline.steps[1]).toEqual({ index: 1, kind: "TRAIN", job: null });
    expect((await t.gql(`{ models(name: "never") { nodes { version } totalCount } }`)).models).toEqual({ nodes: [], totalCount: 0 });
  });

  it("runs quality gate → train → batch inference as one pipeline", async () => {
    const { runPipeline: job } = await t.gql(PIPELINE, {
      i: {
        name: "daily",
        steps: [
          { qualityGate: { table: "ml_signal", minScore: 90 } },
          { train: { ...churnInput, name: "churn-pipe", algorithm: "LINEAR" } },
          { batchInference: { model: "churn-pipe", source: { table: "ml_signal", filter: { channel: "STORE" } } } },
        ],
      },
    });
    expect(job).toMatchObject({ status: "SUCCEEDED", error: null });
    const { pipeline } = await t.gql(VIEW, { id: job.id });
    expect(pipeline.currentStep).toBe(2);
    expect(pipeline.steps.map((s: { job: { kind: string; status: string } }) => [s.job.kind, s.job.status])).toEqual([
      ["QUALITY", "SUCCEEDED"],
      ["TRAIN", "SUCCEEDED"],
      ["BATCH_INFERENCE", "SUCCEEDED"],
    ]);
    expect(pipeline.steps[1].job.result).toMatchObject({ model: "churn-pipe", version: 1, activated: true });
    const store = await count(t, `SELECT count(*) AS n FROM ml_signal WHERE channel = 'STORE'`);
    expect(await count(t, `SELECT count(*) AS n FROM kaizen.predictions WHERE model_name = 'churn-pipe'`)).toBe(store);
  });

  it("explains a malformed pipeline", async () => {
    const err = await t.gqlError(PIPELINE, { i: { steps: [{}, { qualityGate: { table: "ml_signal", minScore: 50 }, train: churnInput }] } });
    expect(err.message).toBe(
      "runPipeline input has 2 problem(s): steps[0]: set exactly one of ingest, qualityGate, transform, train, batchInference; got none; steps[1]: set exactly one of ingest, qualityGate, transform, train, batchInference; got qualityGate and train.",
    );
  });
});
