import { compileExpression } from "./expression.js";
import { LlmMapper } from "./llm-mapper.js";
const plain = (v) => v instanceof Date ? v.toISOString() : v;
class RecordMapper {
  rowRules;
  llmRules;
  constructor(rules, chatModel, llmOptions) {
    this.rowRules = [];
    this.llmRules = [];
    for (const r of rules) {
      if (r.llm) {
        if (!chatModel) throw new Error(`rule for ${r.column} needs a chat model and none is configured`);
        this.llmRules.push({ column: r.column, mapper: new LlmMapper(chatModel, r.llm, llmOptions) });
      } else if (r.expression) {
        this.rowRules.push({ column: r.column, eval: compileExpression(r.expression) });
      } else {
        const from = r.from;
        this.rowRules.push({ column: r.column, eval: (row) => row[from] ?? null });
      }
    }
  }
  /** One outcome per source row, in order. */
  async map(rows, signal) {
    const out = rows.map((row) => {
      const record = {};
      for (const rule of this.rowRules) {
        try {
          record[rule.column] = plain(rule.eval(row));
        } catch (err) {
          return { ok: false, reason: `rule for ${rule.column}: ${err.message}` };
        }
      }
      return { ok: true, record };
    });
    for (const rule of this.llmRules) {
      const live = out.map((o, i) => o.ok ? i : -1).filter((i) => i >= 0);
      const outcomes = await rule.mapper.map(live.map((i) => rows[i]), signal);
      live.forEach((rowIndex, k) => {
        const o = outcomes[k];
        const current = out[rowIndex];
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
export {
  RecordMapper
};
