import { describe, expect, it } from "vitest";
import { classificationMetrics, regressionMetrics, rocAuc } from "../../src/services/ml/metrics.js";
import { loadBooster, trainBooster } from "../../src/services/ml/booster.js";
import { seededRandom } from "../../src/services/ml/random.js";

describe("metrics", () => {
  it("computes ROC AUC with ties, and null when one class is absent", () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    expect(rocAuc([0.5, 0.5], [false, true])).toBe(0.5);
    expect(rocAuc([0.2, 0.3], [true, true])).toBeNull();
  });

  it("scores a classifier beside the majority baseline", () => {
    const m = classificationMetrics(["a", "b"], [0, 0, 0, 1], [[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.2, 0.8]], 0);
    expect(m.confusionMatrix).toEqual([[2, 1], [0, 1]]);
    expect(m.accuracy).toBe(0.75);
    expect(m.baseline).toMatchObject({ prediction: "a", accuracy: 0.75 });
    expect(m.recall).toBeCloseTo((2 / 3 + 1) / 2);
  });

  it("scores a regressor beside the mean baseline", () => {
    const m = regressionMetrics([1, 2, 3], [1, 2, 4], 2);
    expect(m.mae).toBeCloseTo(1 / 3);
    expect(m.rmse).toBeCloseTo(Math.sqrt(1 / 3));
    expect(m.r2).toBeCloseTo(0.5);
    expect(m.baseline.r2).toBe(0);
  });
});

describe("booster (XGBoost in WebAssembly)", () => {
  const rand = seededRandom(7);
  const X = Array.from({ length: 600 }, () => [rand() * 2 - 1, rand() * 2 - 1, rand()]);
  const y = X.map((r) => (r[0]! + 0.5 * r[1]! > 0 ? 1 : 0));

  it.each(["LINEAR", "RANDOM_FOREST", "GRADIENT_BOOSTING"] as const)("%s learns a known signal and round-trips through its artifact", async (algorithm) => {
    const b = await trainBooster({ task: "CLASSIFICATION", algorithm, classes: 2, seed: 1 }, X, y);
    const p = b.predict(X);
    const acc = p.filter((q, i) => (q[1]! > 0.5 ? 1 : 0) === y[i]).length / y.length;
    expect(acc).toBeGreaterThan(0.85);
    const artifact = JSON.parse(JSON.stringify(b.toArtifact()));
    const b2 = await loadBooster(artifact, "CLASSIFICATION", 2);
    expect(b2.predict(X)).toEqual(p);
    b.free();
    b2.free();
  });
});
