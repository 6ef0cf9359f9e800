const numeric = (c) => c.kind === "integer" || c.kind === "number";
const temporal = (c) => c.kind === "timestamp" || c.kind === "date";
const texty = (c) => c.kind === "text";
function inferredRules(col) {
  const out = [];
  const doc = col.description ?? "";
  const add = (rule, source) => {
    if (!out.some((r) => r.rule === rule)) out.push({ column: col.name, rule, source });
  };
  if (texty(col) && /e-?mail/i.test(doc)) add("EMAIL", "doc comment");
  if (texty(col) && /(^|_)e-?mail(_address)?$/i.test(col.name)) add("EMAIL", "name and type");
  if (numeric(col) && /(never|not|cannot be) negative|non-?negative|≥ ?0|>= ?0/i.test(doc)) add("NON_NEGATIVE", "doc comment");
  if (numeric(col) && /(^|_)(quantity|qty|price|cost|amount|total|stock|count|units)$/i.test(col.name)) add("NON_NEGATIVE", "name and type");
  if (temporal(col) && /\b(past|happened|registered|when\b.*\b(was|were)\b)/i.test(doc)) add("PAST", "doc comment");
  if (temporal(col) && /(^|_)(created|ordered|signed_?up|registered|born|birth|paid|written)(_at|_on|_date)?$/i.test(col.name)) add("PAST", "name and type");
  if (/\bunique\b/i.test(doc)) add("UNIQUE", "doc comment");
  if (numeric(col)) {
    const num = "(-?\\d+(?:\\.\\d+)?)";
    const between = new RegExp(`\\bfrom ${num} to ${num}\\b`, "i").exec(doc);
    const atLeast = new RegExp(`\\bat least ${num}`, "i").exec(doc);
    const atMost = new RegExp(`\\bat most ${num}`, "i").exec(doc);
    const min = between ? Number(between[1]) : atLeast ? Number(atLeast[1]) : null;
    const max = between ? Number(between[2]) : atMost ? Number(atMost[1]) : null;
    if (min !== null || max !== null) out.push({ column: col.name, rule: "RANGE", min, max, source: "doc comment" });
  }
  if (col.isUnique || texty(col) && /^(email|sku|code|username|slug)$/i.test(col.name)) add("UNIQUE", "name and type");
  return out;
}
export {
  inferredRules
};
