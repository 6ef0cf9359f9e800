/**
 * Applies one LLM rule ({ instruction, inputs, output }) to many records:
 * records go to the chat model LLM_BATCH_SIZE at a time with LLM_CONCURRENCY
 * calls in flight, answers are validated with zod, identical inputs are asked
 * once, and a record whose answer is missing or invalid gets a reason instead
 * of a value — it is never silently dropped or guessed.
 */
import { createHash } from "node:crypto";
import pLimit from "p-limit";
import { z } from "zod";
import { LRUCache } from "lru-cache";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";

export type LlmOutputType = "TEXT" | "NUMBER" | "INTEGER" | "BOOLEAN";

export interface LlmRule {
  /** What to produce, in plain language: "Classify the review's sentiment". */
  instruction: string;
  /** Source columns whose values the model sees. */
  inputs: string[];
  /** Either a type or a closed set of allowed values. */
  output: { type: LlmOutputType } | { enum: string[] };
}

export interface LlmMapperOptions {
  batchSize: number;
  concurrency: number;
  /** Milliseconds per model call before it counts as failed. */
  timeoutMs: number;
  /** Extra attempts per failed call (whole batch) before its records are rejected. */
  maxRetries: number;
  /** Entries kept in the input-hash cache across batches of one job. */
  cacheSize?: number;
}

export type LlmOutcome = { ok: true; value: string | number | boolean | null } | { ok: false; reason: string };

export interface LlmMapperStats {
  calls: number;
  cacheHits: number;
  retries: number;
  invalidAnswers: number;
}

const answerSchema = z.object({
  results: z.array(z.object({ id: z.number().int(), value: z.unknown() })),
});

function valueSchema(output: LlmRule["output"]): z.ZodType<string | number | boolean | null> {
  if ("enum" in output) return z.enum(output.enum as [string, ...string[]]).nullable();
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

function describeOutput(output: LlmRule["output"]): string {
  if ("enum" in output) return `exactly one of ${JSON.stringify(output.enum)} (or null if none applies)`;
  return { TEXT: "a string", NUMBER: "a number", INTEGER: "a whole number", BOOLEAN: "true or false" }[output.type] + " (or null if unknown)";
}

/** Pulls the first JSON object out of a reply that may wrap it in prose or a code fence. */
function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const body = fenced ? fenced[1]! : text;
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start < 0 || end <= start) throw new Error("the reply holds no JSON object");
  return JSON.parse(body.slice(start, end + 1));
}

function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === "string" ? p : ((p as { text?: string }).text ?? ""))).join("");
  return String(content ?? "");
}

export class LlmMapper {
  readonly stats: LlmMapperStats = { calls: 0, cacheHits: 0, retries: 0, invalidAnswers: 0 };
  private readonly cache: LRUCache<string, { value: string | number | boolean | null }>;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly validate: z.ZodType<string | number | boolean | null>;

  constructor(
    private readonly model: BaseChatModel,
    private readonly rule: LlmRule,
    private readonly opts: LlmMapperOptions,
  ) {
    this.cache = new LRUCache({ max: opts.cacheSize ?? 50_000 });
    this.limit = pLimit(opts.concurrency);
    this.validate = valueSchema(rule.output);
  }

  private keyOf(inputs: Record<string, unknown>): string {
    return createHash("sha1").update(JSON.stringify(this.rule.inputs.map((c) => inputs[c] ?? null))).digest("base64url");
  }

  /** One outcome per record, in order. */
  async map(records: Array<Record<string, unknown>>, signal?: AbortSignal): Promise<LlmOutcome[]> {
    const outcomes: LlmOutcome[] = new Array(records.length);
    // Distinct inputs only: identical inputs are asked once, within and across batches.
    const pending = new Map<string, number[]>();
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
    const batches: string[][] = [];
    for (let i = 0; i < keys.length; i += this.opts.batchSize) batches.push(keys.slice(i, i + this.opts.batchSize));

    await Promise.all(
      batches.map((batch) =>
        this.limit(async () => {
          const items = batch.map((key, id) => ({ id, key, inputs: Object.fromEntries(this.rule.inputs.map((c) => [c, records[pending.get(key)![0]!]![c] ?? null])) }));
          const answers = await this.askWithRetries(items, signal);
          for (const item of items) {
            const outcome = answers.get(item.id) ?? { ok: false as const, reason: "the model gave no answer for this record" };
            if (outcome.ok) this.cache.set(item.key, { value: outcome.value });
            for (const i of pending.get(item.key)!) outcomes[i] = outcome;
          }
        }),
      ),
    );
    return outcomes;
  }

  private async askWithRetries(items: Array<{ id: number; inputs: Record<string, unknown> }>, signal?: AbortSignal): Promise<Map<number, LlmOutcome>> {
    let lastError = "";
    for (let attempt = 0; attempt <= this.opts.maxRetries; attempt++) {
      if (signal?.aborted) break;
      if (attempt > 0) {
        this.stats.retries++;
        await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** attempt) * (0.5 + Math.random())));
      }
      try {
        return await this.ask(items, signal);
      } catch (err) {
        lastError = (err as Error).message;
      }
    }
    const reason = `the model call failed after ${this.opts.maxRetries + 1} attempts: ${lastError}`;
    return new Map(items.map((i) => [i.id, { ok: false, reason }]));
  }

  private async ask(items: Array<{ id: number; inputs: Record<string, unknown> }>, signal?: AbortSignal): Promise<Map<number, LlmOutcome>> {
    this.stats.calls++;
    const system = [
      "You transform database records. For each record, apply the instruction to its inputs.",
      `Instruction: ${this.rule.instruction}`,
      `Each value must be ${describeOutput(this.rule.output)}.`,
      'Answer with JSON only, exactly: {"results":[{"id":<record id>,"value":<value>}, …]} with one entry per record id.',
    ].join("\n");
    const human = JSON.stringify({ records: items.map((i) => ({ id: i.id, ...i.inputs })) });
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const reply = await this.model.invoke([new SystemMessage(system), new HumanMessage(human)], {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const parsed = answerSchema.safeParse(extractJson(messageText(reply.content)));
    if (!parsed.success) throw new Error(`the reply does not have the expected shape: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const out = new Map<number, LlmOutcome>();
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
