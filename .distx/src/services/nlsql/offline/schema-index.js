import { COUNTRIES, lemma, splitWords, stem, STOP_WORDS, UNIT_CONCEPTS } from "./lexicon.js";
const cache = /* @__PURE__ */ new WeakMap();
function tokenStems(text) {
  return splitWords(text).map(stem);
}
function col(table, name) {
  return table.columns.find((c) => c.name === name);
}
function findColumnByWords(table, words) {
  const w = words.trim().toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === w || (c.fieldName ?? "").toLowerCase() === w) ?? table.columns.find((c) => tokenStems(c.name).join(" ") === tokenStems(w).join(" "));
}
function parseDefinition(term, raw, tables) {
  const text = /^\s*(?:the\s+)?(sum|total|count|number|average|mean)\s+of\b/i.test(raw) ? `${term} is ${raw}` : raw;
  const m = /^\s*"?([\w ]+?)"?\s*(?:\(also\s+([^)]*)\))?\s+(?:is|means|=)\s+(?:the\s+)?(sum|total|count|number|average|mean)\s+of\s+([\w]+)(?:\.(\w+))?(?:\s+(?:over|of|across|for|in)\s+(?:all\s+)?(\w+))?(?:\s+(?:whose|where|with|that have)\s+(.+?))?\s*\.?\s*$/i.exec(text);
  if (!m) return null;
  const fn = /sum|total/i.test(m[3]) ? "sum" : /average|mean/i.test(m[3]) ? "avg" : "count";
  const tableName = m[5] ? m[4] : m[6] ?? m[4];
  const table = tables.get(tableName) ?? [...tables.values()].find((t) => tokenStems(t.name).join(" ") === tokenStems(tableName).join(" "));
  if (!table) return null;
  const column = m[5] ? col(table, m[5])?.name ?? null : null;
  if (m[5] && !column) return null;
  if (fn !== "count" && !column) return null;
  const conditions = [];
  if (m[7]) {
    for (const part of m[7].split(/\s+and\s+/i)) {
      const c = /^(\w+)\s+(is not|is|isn't|in|not in|equals)\s+(.+)$/i.exec(part.trim());
      if (!c) return null;
      const column2 = findColumnByWords(table, c[1]);
      if (!column2) return null;
      const values = c[3].split(/\s*(?:,|\bor\b|\band\b)\s*/i).map((v) => v.replace(/["'().]/g, "").trim()).filter(Boolean);
      const allowed = column2.enumValues ?? column2.knownValues;
      if (allowed && !values.every((v) => allowed.includes(v))) return null;
      const negated = /not|n't/i.test(c[2]);
      conditions.push({ column: column2.name, op: values.length > 1 ? negated ? "not in" : "in" : negated ? "<>" : "=", values });
    }
  }
  const aliases = m[2] ? [...m[2].matchAll(/"([^"]+)"|([\w ]+)/g)].map((x) => (x[1] ?? x[2]).trim()).filter(Boolean) : [];
  return { metric: { name: term, table: table.name, fn, column, conditions }, aliases };
}
function parseRollup(table, column, children, tables) {
  const m = /sum of (?:its|the|all)\s+([\w ]+?)'s?\s+([\w\s*+\-/().]+?)(?:,|;|\.\s|\.$|$)/i.exec(column.description ?? "");
  if (!m) return null;
  const word = stem(m[1].split(/\s+/).pop());
  const edge = children.find((e) => {
    const child2 = tables.get(e.from);
    return [child2.name, child2.modelName ?? "", ...child2.synonyms].some((n) => tokenStems(n).includes(word));
  });
  if (!edge) return null;
  const child = tables.get(edge.from);
  const ids = [...m[2].matchAll(/[A-Za-z_]\w*/g)].map((x) => x[0]);
  if (!ids.length || !ids.every((id) => col(child, id))) return null;
  return { table: table.name, column: column.name, child: child.name, fk: edge.fromColumn, expr: m[2].trim(), columns: [...new Set(ids)] };
}
function definitionsOf(t) {
  const out = { ...t.definitions };
  for (const m of (t.description ?? "").matchAll(/Definition:\s*(.+?)(?=\s+[A-Z][a-z]+:|$)/g)) {
    const text = m[1].trim().replace(/\.$/, "");
    const term = /^"?([\w ]+?)"?\s*(?:\(|\bis\b|\bmeans\b)/i.exec(text)?.[1]?.trim().toLowerCase();
    if (term && !(term in out)) out[term] = text;
  }
  return out;
}
function add(phrases, text, ref, weak = false) {
  const stems = tokenStems(text);
  if (!stems.length) return;
  if (stems.length === 1 && STOP_WORDS.has(stems[0]) && !(ref.t === "value" && ref.short)) return;
  const list = phrases.get(stems[0]) ?? [];
  if (!list.some((p) => p.stems.join(" ") === stems.join(" ") && JSON.stringify(p.ref) === JSON.stringify(ref))) list.push({ stems, lemmas: splitWords(text).map(lemma), ref, weak });
  phrases.set(stems[0], list);
}
function isCountryColumn(c) {
  return /\bcountr(y|ies)\b|iso 3166/i.test(`${c.name} ${c.description ?? ""}`) && (c.knownValues ?? []).every((v) => /^[A-Z]{2}$/.test(v));
}
function buildSchemaIndex(catalog) {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  const phrases = /* @__PURE__ */ new Map();
  const edges = [];
  for (const t of catalog.tables)
    for (const c of t.columns) if (c.references && tables.has(c.references.table)) edges.push({ from: t.name, fromColumn: c.name, to: c.references.table, toColumn: c.references.column });
  const tableStems = new Set(catalog.tables.flatMap((t) => [t.name, t.modelName ?? "", ...t.synonyms].map((n) => tokenStems(n).join(" "))));
  for (const t of catalog.tables) {
    for (const n of [t.name, t.modelName ?? "", ...t.synonyms]) if (n) add(phrases, n, { t: "table", table: t.name });
    for (const c of t.columns) {
      if (c.references) continue;
      const words = splitWords(c.name);
      if (!(c.isPrimaryKey && words.length === 1 && words[0] === "id")) {
        add(phrases, c.name, { t: "column", table: t.name, column: c.name });
        if (c.fieldName) add(phrases, c.fieldName, { t: "column", table: t.name, column: c.name });
        if (words.length === 2 && (["at", "on", "date", "time"].includes(words[1]) || words[1] === "year" && c.kind === "integer") && !tableStems.has(stem(words[0])))
          add(phrases, words[0], { t: "column", table: t.name, column: c.name }, true);
        const head = words[words.length - 1];
        if (words.length === 2 && !["at", "on", "id", "date", "time", "year"].includes(head) && !tableStems.has(stem(head)) && t.columns.filter((o) => splitWords(o.name).pop() === head).length === 1)
          add(phrases, head, { t: "column", table: t.name, column: c.name }, true);
        for (const s of c.synonyms) add(phrases, s, { t: "column", table: t.name, column: c.name });
        if (c.kind === "integer" || c.kind === "number") {
          const names = new Set([c.name, ...c.synonyms].flatMap((n) => tokenStems(n)));
          for (const [unit, kinds] of Object.entries(UNIT_CONCEPTS)) if (kinds.some((k) => names.has(stem(k)))) add(phrases, unit, { t: "column", table: t.name, column: c.name }, true);
        }
      }
      if (c.kind === "boolean") {
        add(phrases, c.name, { t: "bool", table: t.name, column: c.name, value: true });
        add(phrases, `in${c.name}`, { t: "bool", table: t.name, column: c.name, value: false });
        add(phrases, `un${c.name}`, { t: "bool", table: t.name, column: c.name, value: false });
        add(phrases, `non ${c.name}`, { t: "bool", table: t.name, column: c.name, value: false });
        add(phrases, `not ${c.name}`, { t: "bool", table: t.name, column: c.name, value: false });
      }
      const values = c.enumValues ?? c.knownValues ?? [];
      for (const v of values) add(phrases, v, { t: "value", table: t.name, column: c.name, value: v, short: v.length <= 2 });
      if (isCountryColumn(c)) {
        for (const [name, code] of Object.entries(COUNTRIES)) if (values.includes(code)) add(phrases, name, { t: "value", table: t.name, column: c.name, value: code, short: false, via: name });
      }
      const p = /(\w+)\s+(at or below|below|at or above|above)\s+it\s+means\s+"([^"]+)"/i.exec(c.description ?? "");
      const left = p ? findColumnByWords(t, p[1]) : void 0;
      if (p && left) {
        const op = { "at or below": "<=", below: "<", "at or above": ">=", above: ">" }[p[2].toLowerCase()];
        const ref = { t: "predicate", table: t.name, left: left.name, op, right: c.name, label: p[3] };
        add(phrases, p[3], ref);
        const w = p[3].trim().split(/\s+/);
        if (w.length === 2) for (const prep of ["on", "in"]) add(phrases, `${w[0]} ${prep} ${w[1]}`, ref);
      }
    }
  }
  for (const t of catalog.tables)
    for (const [term, text] of Object.entries(definitionsOf(t))) {
      const d = parseDefinition(term, text, tables);
      if (!d) continue;
      for (const n of [d.metric.name, ...d.aliases]) add(phrases, n, { t: "metric", metric: d.metric });
    }
  const rollups = [];
  for (const t of catalog.tables)
    for (const c of t.columns) {
      const r = parseRollup(t, c, edges.filter((e) => e.to === t.name), tables);
      if (r) rollups.push(r);
    }
  const softWords = new Set(catalog.tables.map((t) => t.schema.toLowerCase()).filter((n) => n !== "public" && /^[a-z]+$/.test(n)));
  const index = { catalog, tables, phrases, edges, rollups, softWords };
  cache.set(catalog, index);
  return index;
}
export {
  buildSchemaIndex,
  col,
  tokenStems
};
