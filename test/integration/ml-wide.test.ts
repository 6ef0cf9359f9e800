/**
 * A training matrix larger than the WebAssembly XGBoost's fixed 16 MiB heap
 * (50,000 rows × about 45 encoded columns) used to abort the whole process;
 * training now keeps a seeded uniform sample that fits, and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

describe.each(backendNames())("training a wide, large table on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false" });
    // 40 regions one-hot (capped at 30 labels + other), three numbers; flagged when x + (region is even) is large.
    await t.app.services.db.query(`CREATE TABLE ml_wide AS
      SELECT i AS id, 'R' || (i % 40) AS region, (i * 7919 % 1000) / 10.0 AS x, (i * 4099 % 997) / 9.97 AS y, (i % 13) AS z,
             ((i * 7919 % 1000) / 10.0 + CASE WHEN i % 2 = 0 THEN 30 ELSE 0 END) > 70 AS flagged
        FROM generate_series(1, 50000) AS i`);
  });
  afterAll(async () => t?.close());

  it("trains on a sample that fits instead of aborting, still learning the signal", async () => {
    const job = await t.app.services.ml.submitTrain({ name: "wide", source: { table: "ml_wide" }, target: "flagged", features: ["region", "x", "y", "z"], algorithm: "GRADIENT_BOOSTING" }, 300_000);
    expect(job).toMatchObject({ status: "SUCCEEDED", error: null });
    const { model } = await t.gql(`{ model(name: "wide") { rowsUsed metrics } }`);
    expect(model.rowsUsed).toBe(50_000);
    // 40,000 training rows would be 1.4 million cells; the sample keeps at most 1,000,000.
    expect(model.metrics.rowsTrain).toBeLessThan(40_000);
    expect(model.metrics.rowsTrain).toBeGreaterThan(15_000);
    expect(model.metrics.rocAuc).toBeGreaterThan(0.95);
  });
});
