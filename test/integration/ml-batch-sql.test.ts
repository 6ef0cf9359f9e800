/**
 * Batch inference from a guarded SELECT: predictions written by key, null and
 * repeated keys rejected with reasons, the same guard as training, and a job
 * resumed after its worker died mid-way — through a run of equal keys split
 * across the batch boundary — ending exactly like an uninterrupted run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { createSignalTable } from "../helpers/ml-data.js";
import { killWorkerWhen } from "../helpers/dead-worker.js";

const BATCH = `mutation($m: String!, $s: BatchSourceInput!, $o: BatchOutputInput, $b: Int, $w: Int!) {
  runBatchInference(model: $m, source: $s, output: $o, batchSize: $b, waitMs: $w) { id status accepted rejected done total error result } }`;

/** Keys repeat in runs of three (id / 3) and every 1,000th is null, so batches of 100 split runs. */
const SQL = "SELECT CASE WHEN id % 1000 = 0 THEN NULL ELSE id / 3 END AS k, amount, channel, tier, vip, signup_at FROM ml_signal WHERE id <= 2500";

async function count(t: TestGateway, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await t.app.services.db.query<{ n: string }>(sql, params)).rows[0]!.n);
}

describe.each(backendNames())("batch inference from a SELECT on %s", (backend) => {
  let t: TestGateway;
  let distinctKeys: number;
  let firstRun: string;
  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false", NL_TABLES: "ml_signal" });
    await createSignalTable(t.app.services.db);
    await t.app.services.catalog.refresh();
    await t.app.services.ml.train({ name: "churn", source: { table: "ml_signal" }, target: "churned", features: ["amount", "channel", "tier", "vip", "signup_at"], algorithm: "GRADIENT_BOOSTING" });
    distinctKeys = await count(t, `SELECT count(DISTINCT k) AS n FROM (${SQL}) AS q`);
  });
  afterAll(async () => t?.close());

  it("writes one prediction per key and rejects null and repeated keys with the reason", async () => {
    const { runBatchInference: job } = await t.gql(BATCH, { m: "churn", s: { sql: SQL, key: "k" }, b: 100, w: 120_000 });
    expect(job).toMatchObject({ status: "PARTIAL", done: 2500, total: 2500, accepted: distinctKeys, rejected: 2500 - distinctKeys, result: { model: "churn", version: 1, output: "predictions" } });
    firstRun = job.id;
    expect(await count(t, `SELECT count(DISTINCT row_key) AS n FROM kaizen.predictions WHERE job_id = $1`, [job.id])).toBe(distinctKeys);
    // Each key's prediction is predict's answer for its first row in (key, whole row) order.
    const row = (await t.app.services.db.query<Record<string, unknown>>(`SELECT amount, channel, tier, vip, signup_at FROM (${SQL}) AS q WHERE k = 200 ORDER BY q::text LIMIT 1`)).rows[0]!;
    const { predict } = await t.gql(`query($i: JSON!) { predict(model: "churn", input: $i) { prediction } }`, { i: row });
    const stored = (await t.app.services.db.query<{ p: { prediction: string } }>(`SELECT prediction AS p FROM kaizen.predictions WHERE job_id = $1 AND row_key = '200'`, [job.id])).rows[0]!;
    expect(stored.p.prediction).toBe(predict.prediction);
    const reasons = (await t.app.services.db.query<{ reason: string; n: string }>(`SELECT reason, count(*)::text AS n FROM kaizen.rejected_records WHERE job_id = $1::uuid GROUP BY reason`, [job.id])).rows;
    expect(reasons.find((r) => r.reason === "key k is null: a prediction is stored by key")?.n).toBe("2");
    expect(reasons.find((r) => r.reason === "key k = 200 occurs more than once in the query: a prediction is stored by key")?.n).toBe("2");
    expect(reasons.reduce((a, r) => a + Number(r.n), 0)).toBe(2500 - distinctKeys);
  });

  it("checks a SELECT source with the training guard and lists every problem", async () => {
    const bad = await t.gqlError(BATCH, { m: "churn", s: { sql: "DELETE FROM ml_signal" }, w: 0 });
    expect(bad.extensions?.code).toBe("SQL_REJECTED");
    const both = await t.gqlError(BATCH, { m: "churn", s: { sql: SQL, table: "ml_signal" }, w: 0 });
    expect(both.message).toBe("runBatchInference has 1 problem(s): source: give exactly one of table or sql (a read-only SELECT).");
    const err = await t.gqlError(BATCH, { m: "churn", s: { sql: "SELECT id, amount, channel FROM ml_signal" }, o: { column: "churned" }, w: 0 });
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toBe(
      "runBatchInference has 5 problem(s): source.key: a SQL source needs key: the result column that identifies a row (columns: id, amount, channel); " +
        "output.column: a SQL source writes to the predictions table; leave output.column out, or read a table to write back to its column; " +
        "source.sql: the query lacks the model's feature column tier; source.sql: the query lacks the model's feature column vip; source.sql: the query lacks the model's feature column signup_at.",
    );
  });

  it("resumes after its worker died, through a run of equal keys split by the batch boundary, ending like an uninterrupted run", async () => {
    const engine = t.app.services.jobs.engine;
    const db = t.app.services.db;
    // The worker "dies" right after committing its third batch (rows 201–300; key 100 = ids 300–302 straddles it).
    const removeKiller = await killWorkerWhen(db, "kill_worker", "NEW.kind = 'BATCH_INFERENCE' AND NEW.batches = 3 AND OLD.batches = 2 AND NEW.runner = OLD.runner");
    try {
      const job = await engine.submit({ kind: "BATCH_INFERENCE", params: { model: "churn", source: { sql: SQL, key: "k" }, batchSize: 100 } });
      for (;;) {
        const rec = await engine.require(job.id);
        if (rec.batches >= 3 && !engine.isRunningLocally(job.id)) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const mid = await engine.require(job.id);
      expect(mid).toMatchObject({ status: "RUNNING", done: 300 });
      expect(mid.checkpoint).toEqual({ lastKey: "100", sameKey: 1, inNulls: false });
      const before = await count(t, `SELECT count(*) AS n FROM kaizen.predictions WHERE job_id = $1`, [job.id]);
      expect(before).toBe(mid.accepted);

      await engine.execute(job.id);
      const end = await engine.waitFor(job.id, 60_000);
      expect(end).toMatchObject({ status: "PARTIAL", done: 2500, accepted: distinctKeys, rejected: 2500 - distinctKeys });
      expect(await count(t, `SELECT count(*) AS n FROM kaizen.predictions WHERE job_id = $1`, [job.id])).toBe(distinctKeys);
      expect(await count(t, `SELECT count(DISTINCT row_key) AS n FROM kaizen.predictions WHERE job_id = $1`, [job.id])).toBe(distinctKeys);
      expect(await count(t, `SELECT count(*) AS n FROM kaizen.rejected_records WHERE job_id = $1::uuid`, [job.id])).toBe(2500 - distinctKeys);
      // Row for row the same predictions as the uninterrupted run.
      const same = await count(
        t,
        `SELECT count(*) AS n FROM kaizen.predictions a JOIN kaizen.predictions b ON a.row_key = b.row_key AND a.prediction = b.prediction WHERE a.job_id = $1 AND b.job_id = $2`,
        [job.id, firstRun],
      );
      expect(same).toBe(distinctKeys);
    } finally {
      await removeKiller();
    }
  });
});
