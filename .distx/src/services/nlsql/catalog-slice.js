import { tokenize } from "./normalize.js";
const words = (s) => s ? tokenize(s.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2")) : [];
const stem = (t) => t.replace(/(ies)$/, "y").replace(/(es|s)$/, "");
function tokensOfTable(t) {
  const out = /* @__PURE__ */ new Set();
  for (const w of [...words(t.name), ...words(t.modelName), ...t.synonyms.flatMap(words), ...Object.keys(t.definitions).flatMap(words)]) out.add(stem(w));
  return out;
}
function tokensOfColumn(c) {
  const out = /* @__PURE__ */ new Set();
  for (const w of [...words(c.name), ...words(c.fieldName), ...c.synonyms.flatMap(words)]) out.add(stem(w));
  return out;
}
function sliceCatalog(question, catalog, maxChars) {
  const q = new Set(words(question).map(stem));
  const qLower = question.toLowerCase();
  const scored = catalog.tables.map((t) => {
    let score = 0;
    for (const w of tokensOfTable(t)) if (q.has(w)) score += 3;
    for (const c of t.columns) {
      for (const w of tokensOfColumn(c)) if (w.length > 2 && q.has(w) && w !== "id") score += 1;
      for (const v of c.knownValues ?? []) if (v.length > 1 && new RegExp(`\\b${v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(qLower)) score += 2;
    }
    return { t, score };
  });
  let chosen = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score).map((s) => s.t);
  if (chosen.length === 0) chosen = [...catalog.tables];
  const neighbours = [];
  for (const t of chosen) {
    for (const c of t.columns) {
      const ref = c.references && catalog.tables.find((x) => x.name === c.references.table && x.schema === (c.references.schema ?? t.schema));
      if (ref && !chosen.includes(ref) && !neighbours.includes(ref)) neighbours.push(ref);
    }
    for (const other of catalog.tables) {
      if (!chosen.includes(other) && !neighbours.includes(other) && other.columns.some((c) => c.references?.table === t.name)) neighbours.push(other);
    }
  }
  const parts = [];
  const tables = [];
  let used = 0;
  for (const t of [...chosen, ...neighbours]) {
    const block = renderTable(t, qLower);
    if (used + block.length > maxChars && tables.length > 0) break;
    parts.push(block);
    tables.push(t.name);
    used += block.length;
  }
  return { text: parts.join("\n"), tables };
}
function renderTable(t, qLower) {
  const head = `TABLE ${t.schema}.${t.name}${t.synonyms.length ? ` (also: ${t.synonyms.join(", ")})` : ""}${t.description ? ` -- ${t.description}` : ""}`;
  const defs = Object.entries(t.definitions).map(([k, v]) => `  DEFINITION ${k}: ${v}`);
  const cols = t.columns.map((c) => {
    const bits = [`  ${c.name} ${c.sqlType}`];
    if (c.isPrimaryKey) bits.push("PK");
    if (c.references) bits.push(`-> ${c.references.schema ?? t.schema}.${c.references.table}.${c.references.column}`);
    if (c.enumValues) bits.push(`one of ${c.enumValues.join("|")}`);
    else if (c.knownValues?.length) {
      const mentioned = c.knownValues.filter((v) => qLower.includes(v.toLowerCase()));
      const shown = [.../* @__PURE__ */ new Set([...mentioned, ...c.knownValues.slice(0, 12)])];
      bits.push(`values e.g. ${shown.join("|")}${c.knownValues.length > shown.length ? "|\u2026" : ""}`);
    }
    if (c.synonyms.length) bits.push(`(also: ${c.synonyms.join(", ")})`);
    if (c.description) bits.push(`-- ${c.description}`);
    return bits.join(" ");
  });
  return [head, ...defs, ...cols].join("\n");
}
export {
  sliceCatalog
};
