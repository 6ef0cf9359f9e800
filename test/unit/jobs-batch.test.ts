import { describe, expect, it } from "vitest";
import { backoffMs, batched, isTransient, withRetries } from "../../src/services/jobs/batch.js";
import { TimeoutError } from "../../src/services/errors.js";

const sqlError = (code: string) => Object.assign(new Error(`boom ${code}`), { code });

describe("batch semantics", () => {
  it("backs off exponentially with ±50 % jitter", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 100, () => 0.5))).toEqual([100, 200, 400, 800]);
    expect(backoffMs(3, 100, () => 0)).toBe(200);
    expect(backoffMs(3, 100, () => 0.999)).toBe(600);
  });

  it("retries transient failures and counts the retries", async () => {
    let calls = 0;
    const out = await withRetries(
      async (attempt) => {
        calls++;
        if (attempt < 2) throw sqlError("40001");
        return "ok";
      },
      { maxRetries: 3, timeoutMs: null, baseMs: 1, what: "test" },
    );
    expect(out).toEqual({ value: "ok", retried: 2 });
    expect(calls).toBe(3);
  });

  it("does not retry data errors, and gives up after maxRetries", async () => {
    let calls = 0;
    await expect(withRetries(async () => { calls++; throw sqlError("23505"); }, { maxRetries: 5, timeoutMs: null, baseMs: 1, what: "t" })).rejects.toThrow(/boom 23505/);
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetries(async () => { calls++; throw sqlError("40P01"); }, { maxRetries: 2, timeoutMs: null, baseMs: 1, what: "t" })).rejects.toMatchObject({ retried: 2 });
    expect(calls).toBe(3);
  });

  it("bounds an attempt by its timeout and treats the timeout as transient", async () => {
    let calls = 0;
    const err = await withRetries(() => { calls++; return new Promise(() => {}); }, { maxRetries: 1, timeoutMs: 20, baseMs: 1, what: "slow batch" }).catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.message).toBe("slow batch took longer than 20 ms and was stopped.");
    expect(calls).toBe(2);
    expect(isTransient(sqlError("57014"))).toBe(true);
    expect(isTransient(sqlError("22P02"))).toBe(false);
  });

  it("groups a stream into batches, keeping the remainder", async () => {
    const out: number[][] = [];
    for await (const b of batched([1, 2, 3, 4, 5], 2)) out.push(b);
    expect(out).toEqual([[1, 2], [3, 4], [5]]);
  });
});
