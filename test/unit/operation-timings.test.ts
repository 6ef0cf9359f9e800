import { describe, expect, it } from "vitest";
import { OperationTimings, OTHER_OPERATIONS, quantile } from "../../src/services/observability/index.js";

describe("operation timings", () => {
  it("computes count, mean, nearest-rank p50/p95 and max", () => {
    const t = new OperationTimings();
    for (let i = 1; i <= 100; i++) t.record("Q", i, i % 10 === 0 ? 1 : 0);
    const [q] = t.snapshot();
    expect(q).toEqual({ operation: "Q", count: 100, errors: 10, meanMs: 50.5, p50Ms: 50, p95Ms: 95, maxMs: 100 });
  });

  it("keeps a bounded sample however many durations arrive", () => {
    const t = new OperationTimings(64);
    for (let i = 0; i < 10_000; i++) t.record("Q", i % 2 === 0 ? 1 : 3);
    const [q] = t.snapshot();
    expect(q!.count).toBe(10_000);
    expect((t as unknown as { entries: Map<string, { sample: number[] }> }).entries.get("Q")!.sample).toHaveLength(64);
    expect([1, 3]).toContain(q!.p50Ms);
    expect(q!.maxMs).toBe(3);
  });

  it("folds operation names beyond the cap into one bucket", () => {
    const t = new OperationTimings(8, 3);
    for (let i = 0; i < 10; i++) t.record(`Op${i}`, 1);
    const names = t.snapshot().map((o) => o.operation);
    expect(names).toHaveLength(4);
    expect(t.snapshot().find((o) => o.operation === OTHER_OPERATIONS)!.count).toBe(7);
  });

  it("quantile of an empty sample is 0", () => {
    expect(quantile([], 0.5)).toBe(0);
    expect(quantile([7], 0.95)).toBe(7);
  });
});
