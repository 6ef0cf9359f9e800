import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { createSignalTable } from "../helpers/ml-data.js";

const TRAIN = `mutation($input: TrainModelInput!) { trainModel(input: $input, waitMs: 120000) { id kind status error result } }`;
const MODEL = `query($n: String!, $v: Int) { model(name: $n, version: $v) {
  name version task algorithm active rowsUsed trainingMs featureSchema metrics keyMetric { name value higherIsBetter } featureImportance { feature importance } } }`;

/** Trains through a TRAIN job and returns the job's result with the stored model version. */
async function train(t: TestGateway, input: Record<string, unknown>) {
  const { trainModel: job } = await t.gql(TRAIN, { input });
  if (job.status !== "SUCCEEDED") throw new Error(`training job ${job.status}: ${job.error}`);
  const { model } = await t.gql(MODEL, { n: job.result.model, v: job.result.version });
  return { ...job.result, model, job };
}
const PREDICT = `query($m: String!, $i: JSON!, $v: Int) { predict(model: $m, input: $i, version: $v) { model version prediction probabilities { label probability } latencyMs } }`;
const BATCH = `query($m: String!, $i: [JSON!]!) { predictBatch(model: $m, inputs: $i) { model version predictions { prediction probabilities { label probability } } } }`;

const sample = { amount: 80, channel: "WEB", tier: "GOLD", vip: true, signup_at: "2024-02-01T00:00:00Z", spend: 380 };

describe.each(backendNames())("machine learning on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false" });
    await createSignalTable(t.app.services.db);
  });
  afterAll(async () => t?.close());

  it("a boosted classifier beats the majority baseline on a known signal", async () => {
    const r = await train(t, { name: "churn", source: { table: "ml_signal" }, target: "churned", algorithm: "GRADIENT_BOOSTING" });
    expect(r.activated).toBe(true);
    expect(r.activationReason).toBe("no active version of this name yet");
    const m = r.model;
    expect(m).toMatchObject({ name: "churn", version: 1, task: "CLASSIFICATION", algorithm: "GRADIENT_BOOSTING", active: true, rowsUsed: 3000 });
    // id and code identify rows; note is free text: none of them are features by default.
    expect(m.featureSchema.map((f: { name: string }) => f.name)).toEqual(["amount", "channel", "tier", "vip", "signup_at", "spend"]);
    expect(r.skippedFeatures).toEqual([
      { name: "id", reason: "primary key" },
      { name: "code", reason: "unique column (identifies rows)" },
      { name: "note", reason: expect.stringMatching(/^\d+ distinct values in \d+ rows: looks like an identifier or free text$/) },
    ]);
    const met = m.metrics;
    expect(met.accuracy).toBeGreaterThan(met.baseline.accuracy + 0.2);
    expect(met.accuracy).toBeGreaterThan(0.85);
    expect(met.rocAuc).toBeGreaterThan(0.9);
    expect(met.confusionMatrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(met.rowsTest);
    expect(m.keyMetric).toMatchObject({ name: "rocAuc", higherIsBetter: true });
    expect(["amount", "channel", "spend"]).toContain(m.featureImportance[0].feature);
    expect(m.featureImportance.find((f: { feature: string }) => f.feature === "tier").importance).toBeLessThan(m.featureImportance[0].importance / 5);
  });

  it("linear regression and random forest beat the mean baseline", async () => {
    for (const algorithm of ["LINEAR", "RANDOM_FOREST"]) {
      const r = await train(t, { name: `spend-${algorithm.toLowerCase()}`, source: { table: "ml_signal", filter: { channel: ["WEB", "MOBILE"] } }, target: "spend", features: ["amount", "vip", "tier"], algorithm });
      const met = r.model.metrics;
      expect(r.model.task).toBe("REGRESSION");
      expect(r.model.rowsUsed).toBeLessThan(2300);
      expect(met.baseline.r2).toBeLessThan(0.01);
      expect(met.r2).toBeGreaterThan(0.9);
      expect(met.rmse).toBeLessThan(met.baseline.rmse / 3);
    }
    const p = await t.gql(PREDICT, { m: "spend-linear", i: { amount: 50, vip: true, tier: "GOLD" } });
    expect(p.predict.prediction).toBeGreaterThan(270);
    expect(p.predict.prediction).toBeLessThan(310);
    expect(p.predict.probabilities).toBeNull();
  });

  it("predicts with class probabilities and handles unknown categories and nulls", async () => {
    const { predict } = await t.gql(PREDICT, { m: "churn", i: sample });
    expect(predict).toMatchObject({ model: "churn", version: 1, prediction: "true" });
    expect(predict.probabilities[0].label).toBe("true");
    expect(predict.probabilities[0].probability).toBeGreaterThan(0.6);
    const odd = await t.gql(PREDICT, { m: "churn", i: { ...sample, channel: "CARRIER_PIGEON", amount: null, signup_at: null } });
    expect(["true", "false"]).toContain(odd.predict.prediction);
    const sum = odd.predict.probabilities.reduce((a: number, p: { probability: number }) => a + p.probability, 0);
    expect(sum).toBeCloseTo(1, 5);
  });

  it("rejects missing, unknown and wrongly typed fields in one BAD_USER_INPUT", async () => {
    const err = await t.gqlError(PREDICT, { m: "churn", i: { amount: "a lot", channel: "WEB", tier: "GOLD", spend: 1, colour: "red" } });
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toBe(
      'Input does not match model churn version 1: 4 problem(s): input.amount: wrong type: expected a number, got "a lot"; ' +
        "input.vip: missing: expected true or false (or null when unknown); " +
        "input.signup_at: missing: expected an ISO date string (2024-05-01T12:00:00Z) or epoch milliseconds (or null when unknown); " +
        "input.colour: unknown field: the model's features are amount, channel, tier, vip, signup_at, spend.",
    );
    expect(err.extensions?.problems).toHaveLength(4);
    const batchErr = await t.gqlError(BATCH, { m: "churn", i: [sample, { ...sample, vip: "yes" }] });
    expect(batchErr.message).toContain('inputs[1].vip: wrong type: expected true or false, got "yes"');
    const unknown = await t.gqlError(PREDICT, { m: "nope", i: sample });
    expect(unknown.extensions?.code).toBe("NOT_FOUND");
    expect(unknown.message).toMatch(/No model named "nope"\. Known models: churn, spend-linear, spend-random_forest\./);
  });

  it("gives identical predictions after the model is reloaded from the registry", async () => {
    const inputs = Array.from({ length: 40 }, (_, i) => ({ ...sample, amount: i * 2.5, channel: ["WEB", "STORE", "MOBILE"][i % 3], vip: i % 2 === 0 }));
    const before = await t.gql(BATCH, { m: "churn", i: inputs });
    t.app.services.ml.inference.purge("churn");
    expect(t.app.services.ml.inference.loadedModels()).not.toContain("churn");
    const after = await t.gql(BATCH, { m: "churn", i: inputs });
    expect(after).toEqual(before);
    expect(new Set(before.predictBatch.predictions.map((p: { prediction: string }) => p.prediction))).toEqual(new Set(["true", "false"]));
  });

  it("activates IF_BETTER only, rolls back and forward, and deletes", async () => {
    // A model that only sees an irrelevant feature cannot beat version 1.
    const weak = await train(t, { name: "churn", source: { table: "ml_signal" }, target: "churned", features: ["tier"], algorithm: "LINEAR" });
    expect(weak.model.version).toBe(2);
    expect(weak.activated).toBe(false);
    expect(weak.activationReason).toMatch(/^rocAuc 0\.\d{4} does not beat active version 1's 0\.\d{4}$/);
    const forced = await train(t, { name: "churn", source: { table: "ml_signal" }, target: "churned", features: ["tier"], algorithm: "LINEAR", activate: "ALWAYS" });
    expect(forced.model).toMatchObject({ version: 3, active: true });
    expect((await t.gql(PREDICT, { m: "churn", i: { tier: "GOLD" } })).predict.version).toBe(3);
    await t.gql(`mutation { activateModel(name: "churn", version: 1) { version active } }`);
    // The announcement over the pub/sub drops the cached version 3.
    expect((await t.gql(PREDICT, { m: "churn", i: sample })).predict.version).toBe(1);
    const { models } = await t.gql(`{ models(name: "churn") { nodes { version active } } }`);
    expect(models.nodes).toEqual([{ version: 3, active: false }, { version: 2, active: false }, { version: 1, active: true }]);
    expect((await t.gql(`{ model(name: "churn", version: 2) { version algorithm } }`)).model).toEqual({ version: 2, algorithm: "LINEAR" });
    expect((await t.gql(`mutation { deleteModel(name: "churn", version: 3) }`)).deleteModel).toBe(1);
    // A missing version is null, and the fields beside it still answer.
    const gone = await t.request(`{ model(name: "churn", version: 3) { version } active: model(name: "churn") { version } }`);
    expect(gone.body).toEqual({ data: { model: null, active: { version: 1 } } });
  });

  it("explains bad training input", async () => {
    const err = await t.gqlError(TRAIN, { input: { name: "9bad", source: { table: "ml_signal" }, target: "churned", testFraction: 0.9 } });
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toContain("name: expected 1–64 letters");
    expect(err.message).toContain("testFraction: expected a fraction from 0.05 to 0.5; got 0.9");
    const noTable = await t.gqlError(TRAIN, { input: { name: "x", source: { table: "nope" }, target: "a" } });
    expect(noTable.message).toMatch(/^source\.table: table "nope" does not exist\. Known tables: .*ml_signal/);
    const badCols = await t.gqlError(TRAIN, { input: { name: "x", source: { table: "ml_signal", filter: { colour: "red" } }, target: "churned", features: ["amount", "shoe"] } });
    expect(badCols.message).toContain('features[1]: ml_signal has no column "shoe"');
    const badFilter = await t.gqlError(TRAIN, { input: { name: "x", source: { table: "ml_signal", filter: { colour: "red" } }, target: "churned" } });
    expect(badFilter.message).toContain("source.filter.colour: unknown column");
  });
});

describe.each(backendNames())("training from a guarded SELECT on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    // SELECT sources read only allow-listed tables.
    t = await startTestGateway(backend, { SEED_ON_START: "false", NL_TABLES: "ml_signal" });
    await createSignalTable(t.app.services.db);
    await t.app.services.catalog.refresh();
  });
  afterAll(async () => t?.close());

  it("trains on a SELECT's columns (derived target included) and refuses what the guard refuses", async () => {
    const r = await train(t, {
      name: "big-spender",
      source: { sql: "SELECT amount, channel, vip, spend > 200 AS big FROM ml_signal WHERE tier <> 'BRONZE'" },
      target: "big",
      algorithm: "LINEAR",
    });
    expect(r.model.task).toBe("CLASSIFICATION");
    expect(r.model.featureSchema.map((f: { name: string }) => f.name)).toEqual(["amount", "channel", "vip"]);
    expect(r.model.metrics.accuracy).toBeGreaterThan(r.model.metrics.baseline.accuracy + 0.1);
    const bad = await t.gqlError(TRAIN, { input: { name: "x", source: { sql: "DELETE FROM ml_signal" }, target: "big" } });
    expect(bad.extensions?.code).toBe("SQL_REJECTED");
    const both = await t.gqlError(TRAIN, { input: { name: "x", source: { sql: "SELECT 1 AS a", table: "ml_signal" }, target: "a" } });
    expect(both.message).toContain("source: give exactly one of table or sql");
  });
});
