// The model here is ScriptedChatModel (test/helpers), a LangChain SimpleChatModel
// that answers from the records it is sent; no network.
import { describe, expect, it } from "vitest";
import { LlmMapper } from "../../src/services/transform/llm-mapper.js";
import { answerWith, ScriptedChatModel } from "../helpers/scripted-chat-model.js";

const opts = { batchSize: 10, concurrency: 4, timeoutMs: 2_000, maxRetries: 1 };
const reviews = Array.from({ length: 95 }, (_, i) => ({ id: i, body: i % 3 === 0 ? "great product" : i % 3 === 1 ? "broken on arrival" : "it is ok" }));
const sentiment = (r: Record<string, unknown>) => (String(r.body).includes("great") ? "POSITIVE" : String(r.body).includes("broken") ? "NEGATIVE" : "NEUTRAL");

describe("LlmMapper", () => {
  it("maps every record, asking once per distinct input", async () => {
    const model = new ScriptedChatModel(answerWith(sentiment));
    const mapper = new LlmMapper(model, { instruction: "Classify sentiment", inputs: ["body"], output: { enum: ["POSITIVE", "NEGATIVE", "NEUTRAL"] } }, opts);
    const out = await mapper.map(reviews);
    expect(out).toHaveLength(95);
    expect(out.every((o) => o.ok)).toBe(true);
    expect(out.map((o) => (o.ok ? o.value : null))).toEqual(reviews.map(sentiment));
    // three distinct bodies → one call with three records
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]!.records).toHaveLength(3);
    expect(model.calls[0]!.system).toContain("Classify sentiment");
    expect(mapper.stats.cacheHits).toBe(92);
  });

  it("batches distinct inputs by batch size", async () => {
    const model = new ScriptedChatModel(answerWith((r) => String(r.name).toUpperCase()));
    const mapper = new LlmMapper(model, { instruction: "Upper-case the name", inputs: ["name"], output: { type: "TEXT" } }, opts);
    const out = await mapper.map(Array.from({ length: 35 }, (_, i) => ({ name: `n${i}` })));
    expect(model.calls.map((c) => c.records.length).sort((a, b) => a - b)).toEqual([5, 10, 10, 10]);
    expect(out[34]).toEqual({ ok: true, value: "N34" });
  });

  it("rejects records whose answers fail validation, with the reason", async () => {
    const model = new ScriptedChatModel((call) =>
      JSON.stringify({ results: call.records.map((r) => ({ id: r.id, value: r.id % 2 === 0 ? "POSITIVE" : "VERY HAPPY" })) }),
    );
    const mapper = new LlmMapper(model, { instruction: "x", inputs: ["body"], output: { enum: ["POSITIVE", "NEGATIVE"] } }, opts);
    const out = await mapper.map([{ body: "a" }, { body: "b" }, { body: "c" }]);
    expect(out[0]).toEqual({ ok: true, value: "POSITIVE" });
    expect(out[1]).toEqual({ ok: false, reason: expect.stringMatching(/answered "VERY HAPPY", expected exactly one of \["POSITIVE","NEGATIVE"\]/) });
    expect(mapper.stats.invalidAnswers).toBe(1);
  });

  it("retries garbage replies, then rejects the batch with the reason", async () => {
    let n = 0;
    const flaky = new ScriptedChatModel((call) => (++n === 1 ? "Sure! Here you go: not json" : answerWith((r) => Number(r.x) * 2)(call)));
    const out = await new LlmMapper(flaky, { instruction: "double", inputs: ["x"], output: { type: "NUMBER" } }, opts).map([{ x: 1 }, { x: 2 }]);
    expect(out).toEqual([{ ok: true, value: 2 }, { ok: true, value: 4 }]);

    const broken = new ScriptedChatModel(() => "I cannot help with that.");
    const mapper = new LlmMapper(broken, { instruction: "double", inputs: ["x"], output: { type: "NUMBER" } }, opts);
    const bad = await mapper.map([{ x: 1 }]);
    expect(bad[0]).toEqual({ ok: false, reason: expect.stringMatching(/failed after 2 attempts: the reply holds no JSON object/) });
    expect(mapper.stats.retries).toBe(1);
  });

  it("treats a record left out of the reply as rejected, not dropped", async () => {
    const model = new ScriptedChatModel((call) => JSON.stringify({ results: call.records.slice(1).map((r) => ({ id: r.id, value: 1 })) }));
    const out = await new LlmMapper(model, { instruction: "x", inputs: ["x"], output: { type: "INTEGER" } }, opts).map([{ x: "a" }, { x: "b" }]);
    expect(out[0]).toEqual({ ok: false, reason: "the model gave no answer for this record" });
    expect(out[1]).toEqual({ ok: true, value: 1 });
  });

  it("times out slow calls", async () => {
    const slow = new ScriptedChatModel(answerWith(() => 1), 500);
    const out = await new LlmMapper(slow, { instruction: "x", inputs: ["x"], output: { type: "INTEGER" } }, { ...opts, timeoutMs: 50, maxRetries: 0 }).map([{ x: 1 }]);
    expect(out[0]!.ok).toBe(false);
    expect((out[0] as { reason: string }).reason).toMatch(/failed after 1 attempts/);
  });
});
