import { buildSchemaIndex } from "./schema-index.js";
import { NotUnderstood } from "./frame.js";
import { render } from "./render.js";
import { understand } from "./translate.js";
const GENERIC_SUGGESTIONS = ['Try e.g. "number of <table> per <column>", "top 5 <table> by <column>" or "<table> from <value> last month".'];
function translateOffline(question, catalog, opts) {
  const index = buildSchemaIndex(catalog);
  let understood = [];
  try {
    if (!question.trim()) throw new NotUnderstood("The question is empty.");
    const { frame, time } = understand(index, question, opts.now);
    understood = frame.understood;
    const r = render(index, frame, time, opts.defaultLimit, opts.now.getTime());
    return { kind: "sql", sql: r.sql, interpretation: r.interpretation, tables: r.tables, confidence: r.confidence };
  } catch (err) {
    if (err instanceof NotUnderstood) return { kind: "not_understood", understood: err.understood ?? understood, suggestions: [...err.suggestions, ...GENERIC_SUGGESTIONS], reason: err.message };
    return { kind: "not_understood", understood, suggestions: GENERIC_SUGGESTIONS, reason: `The offline translator could not handle this question (${err.message}).` };
  }
}
export {
  translateOffline
};
