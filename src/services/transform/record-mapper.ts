/**
 * Turns source rows into target records by a transform's rules: column copies
 * and expressions per row, LLM rules for a whole chunk at once (LlmMapper).
 * A row whose rule fails yields a reason instead of a record.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { compileExpression, type CompiledExpression, type Value } from "./expression.js";
import { LlmMapper, type LlmMapperOptions } from "./llm-mapper.js";
import type { TransformRule } from "./types.js";

export type MappedRow = { ok: true; record: Record<string, unknown> } | { ok: false; reason: string };

const plain = (v: Value | unknown): unknown => (v instanceof Date ? v.toISOString() : v);

export class RecordMapper {
  private readonly rowRules: Array<{ column: string; eval: CompiledExpression }>;
  private readonly llmRules: Array<{ column: string; mapper: LlmMapper }>;

  constructor(rules: TransformRule[], chatModel: BaseChatModel | null, llmOptions: LlmMapperOptions) {
    this.rowRules = [];
    this.llmRules = [];
    for (const r of rules) {
      if (r.llm) {
        if (!chatModel) throw new Error(`rule for ${r.column} needs a chat model and none is configured`);
        this.llmRules.push({ column: r.column, mapper: new LlmMapper(chatModel, r.llm, llmOptions) });
      } else if (r.expression) {
        this.rowRules.push({ column: r.column, eval: compileExpression(r.expression) });
      } else {
        const from = r.from!;
        this.rowRules.push({ column: r.column, eval: (row) => (row[from] ?? null) as Value });
      }
    }
  }

  /** One outcome per source row, in order. */
  async map(rows: Array<Record<string, unknown>>, signal?: AbortSignal): Promise<MappedRow[]> {
    const out: MappedRow[] = rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const rule of this.rowRules) {
        try {
          record[rule.column] = plain(rule.eval(row));
        } catch (err) {
          return { ok: false, reason: `rule for ${rule.column}: ${(err as Error).message}` };
        }
      }
      return { ok: true, record };
    });
    for (const rule of this.llmRules) {
      const live = out.map((o, i) => (o.ok ? i : -1)).filter((i) => i >= 0);
      const outcomes = await rule.mapper.map(live.map((i) => rows[i]!), signal);
      live.forEach((rowIndex, k) => {
        const o = outcomes[k]!;
        const current = out[rowIndex]!;
        if (!current.ok) return;
        if (o.ok) current.record[rule.column] = o.value;
        else out[rowIndex] = { ok: false, reason: `LLM rule for ${rule.column}: ${o.reason}` };
      });
    }
    return out;
  }

  get llmStats() {
    return this.llmRules.map((r) => ({ column: r.column, ...r.mapper.stats }));
  }
}
