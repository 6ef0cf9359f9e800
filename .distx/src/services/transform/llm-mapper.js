import { createHash } from "node:crypto";
import pLimit from "p-limit";
import { z } from "zod";
import { LRUCache } from "lru-cache";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
const answerSchema = z.object({
  results: z.array(z.object({ id: z.number().int(), value: z.unknown() }))
});
function valueSchema(output) {
  if ("enum" in output) return z.enum(output.enum).nullable();
  switch (output.type) {
    case "NUMBER":
      return z.number().finite().nullable();
    case "INTEGER":
      return z.number().int().nullable();
    case "BOOLEAN":
      return z.boolean().nullable();
    default:
      return z.string().nullable();
  }
}
function describeOutput(output) {
  if ("enum" in output) return `exactly one of ${JSON.stringify(output.enum)} (or null if none applies)`;
  return { TEXT: "a string", NUMBER: "a number", INTEGER: "a whole number", BOOLEAN: "true or false" }[output.type] + " (or null if unknown)";
}
function extractJson(text) {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const body = fenced ? fenced[1] : text;
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start < 0 || end <= start) throw new Error("the reply holds no JSON object");
  return JSON.parse(body.slice(start, end + 1));
}
function messageText(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => typeof p === "string" ? p : p.text ?? "").join("");
  return String(content ?? "");
}
class LlmMapper {
  constructor(model, rule, opts) {
    this.model = model;
    this.rule = rule;
    this.opts = opts;
    this.cache = new LRUCache({ max: opts.cacheSize ?? 5e4 });
    this.limit = pLimit(opts.concurrency);
    this.validate = valueSchema(rule.output);
  }
  model;
  rule;
  opts;
  stats = { calls: 0, cacheHits: 0, retries: 0, invalidAnswers: 0 };
  cache;
  limit;
  validate;
  keyOf(inputs) {
    return createHash("sha1").update(JSON.stringify(this.rule.inputs.map((c) => inputs[c] ?? null))).digest("base64url");
  }
  /** One outcome per record, in order. */
  async map(records, signal) {
    const outcomes = new Array(records.length);
    const pending = /* @__PURE__ */ new Map();
    records.forEach((r, i) => {
      const key = this.keyOf(r);
      const hit = this.cache.get(key);
      if (hit) {
        this.stats.cacheHits++;
        outcomes[i] = { ok: true, value: hit.value };
        return;
      }
      const list = pending.get(key);
      if (list) {
        this.stats.cacheHits++;
        list.push(i);
      } else pending.set(key, [i]);
    });
    const keys = [...pending.keys()];
    const batches = [];
    for (let i = 0; i < keys.length; i += this.opts.batchSize) batches.push(keys.slice(i, i + this.opts.batchSize));
    await Promise.all(
      batches.map(
        (batch) => this.limit(async () => {
          const items = batch.map((key, id) => ({ id, key, inputs: Object.fromEntries(this.rule.inputs.map((c) => [c, records[pending.get(key)[0]][c] ?? null])) }));
          const answers = await this.askWithRetries(items, signal);
          for (const item of items) {
            const outcome = answers.get(item.id) ?? { ok: false, reason: "the model gave no answer for this record" };
            if (outcome.ok) this.cache.set(item.key, { value: outcome.value });
            for (const i of pending.get(item.key)) outcomes[i] = outcome;
          }
        })
      )
    );
    return outcomes;
  }
  async askWithRetries(items, signal) {
    let lastError = "";
    for (let attempt = 0; attempt <= this.opts.maxRetries; attempt++) {
      if (signal?.aborted) break;
      if (attempt > 0) {
        this.stats.retries++;
        await new Promise((r) => setTimeout(r, Math.min(2e3, 100 * 2 ** attempt) * (0.5 + Math.random())));
      }
      try {
        return await this.ask(items, signal);
      } catch (err) {
        lastError = err.message;
      }
    }
    const reason = `the model call failed after ${this.opts.maxRetries + 1} attempts: ${lastError}`;
    return new Map(items.map((i) => [i.id, { ok: false, reason }]));
  }
  async ask(items, signal) {
    this.stats.calls++;
    const system = [
      "You transform database records. For each record, apply the instruction to its inputs.",
      `Instruction: ${this.rule.instruction}`,
      `Each value must be ${describeOutput(this.rule.output)}.`,
      'Answer with JSON only, exactly: {"results":[{"id":<record id>,"value":<value>}, \u2026]} with one entry per record id.'
    ].join("\n");
    const human = JSON.stringify({ records: items.map((i) => ({ id: i.id, ...i.inputs })) });
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const reply = await this.model.invoke([new SystemMessage(system), new HumanMessage(human)], {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout
    });
    const parsed = answerSchema.safeParse(extractJson(messageText(reply.content)));
    if (!parsed.success) throw new Error(`the reply does not have the expected shape: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const out = /* @__PURE__ */ new Map();
    for (const r of parsed.data.results) {
      if (!items.some((i) => i.id === r.id) || out.has(r.id)) continue;
      const v = this.validate.safeParse(r.value);
      if (v.success) out.set(r.id, { ok: true, value: v.data });
      else {
        this.stats.invalidAnswers++;
        out.set(r.id, { ok: false, reason: `the model answered ${JSON.stringify(r.value)}, expected ${describeOutput(this.rule.output)}` });
      }
    }
    return out;
  }
}
export {
  LlmMapper
};
