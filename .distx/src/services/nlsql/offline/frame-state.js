import { ADDITIVE_WORDS, AVERAGED_WORDS, stem } from "./lexicon.js";
import { NotUnderstood } from "./frame.js";
import { col, tokenStems } from "./schema-index.js";
function newFrameState(index, items, hasTime, questionText, focus) {
  const frame = { mentions: [], measure: null, groups: [], rank: null, recency: null, filters: [], dateHint: null, understood: [], subjectSingular: false, unusedColumns: /* @__PURE__ */ new Set(), eventVerb: false, having: null, rankUncombined: null, sort: null, conjoined: /* @__PURE__ */ new Set() };
  return {
    index,
    items,
    hasTime,
    questionText,
    frame,
    focus,
    fn: null,
    group: null,
    without: false,
    not: false,
    or: false,
    distinct: false,
    cmp: null,
    bound: null,
    cmpConcept: void 0,
    contains: null,
    lastColumn: null,
    lastColumnIdx: -1,
    cmpCol: null,
    lastWasGroup: false,
    pendingNum: null,
    sup: null,
    lastFilter: null,
    byTables: /* @__PURE__ */ new Set(),
    absorb: null,
    pendingHaving: null,
    rankConcept: null,
    fnText: "",
    verbPrice: false,
    negVerb: false,
    measureItem: -1,
    valuesAsked: null,
    sortPending: null,
    sortDir: null
  };
}
function markUsed(s, c) {
  if (c) s.frame.unusedColumns.delete(`${c.table}.${c.column}`);
}
function takePendingNumber(s) {
  const n = s.pendingNum;
  s.pendingNum = null;
  return n;
}
function endPhrase(s, keepFn = false) {
  if (s.not || s.without) throw new NotUnderstood(`I could not tell what "${s.not ? "not" : "without"}" applies to here.`, ['Put the negation right before a value, e.g. "orders not delivered".']);
  if (s.or) throw new NotUnderstood(`"or" is only understood between values of one column ("France or Spain").`);
  if (s.distinct) throw new NotUnderstood(`"distinct" is only understood in a count ("number of distinct countries").`);
  if (!keepFn) s.fn = null;
  const b = s.bound;
  if (b && (b.op !== "between" || b.values.length === 2)) {
    s.frame.filters.push({ kind: "cmp", table: "", column: "", op: b.op, values: b.values, concept: b.concept });
  } else if (b) throw new NotUnderstood('"between" needs two numbers.');
  s.group = null;
  s.without = false;
  s.not = false;
  s.or = false;
  s.distinct = false;
  s.bound = null;
  s.contains = null;
}
function addFilter(s, x) {
  if (s.or) throw new NotUnderstood(`"or" is only understood between values of one column ("France or Spain").`);
  s.frame.filters.push(x);
  s.lastFilter = x;
}
function measureOf(s, r) {
  if (r.t === "metric") return { kind: "metric", metric: r.metric, fn: s.fn ?? void 0 };
  if (r.t === "table" && s.fn === "count") return { kind: "count", table: r.table };
  if (r.t === "column") {
    const c = col(s.index.tables.get(r.table), r.column);
    if (s.fn === "count") return { kind: "count", table: r.table, distinctColumn: { table: r.table, column: r.column } };
    if (s.fn && (c.kind === "integer" || c.kind === "number" || (s.fn === "min" || s.fn === "max") && (c.kind === "timestamp" || c.kind === "date")))
      return { kind: "agg", fn: s.fn, table: r.table, column: r.column };
    if (!s.fn && s.group === "by" && (c.kind === "integer" || c.kind === "number") && (s.frame.rank || s.sup)) {
      const names = [c.name, ...c.synonyms].flatMap((n) => tokenStems(n));
      const how = AVERAGED_WORDS.some((w) => names.includes(stem(w))) ? "avg" : ADDITIVE_WORDS.some((w) => names.includes(stem(w))) ? "sum" : null;
      if (how) return { kind: "agg", fn: how, table: r.table, column: r.column };
      s.frame.rankUncombined = `${r.table}.${r.column}`;
      return { kind: "agg", fn: "sum", table: r.table, column: r.column };
    }
  }
  return null;
}
export {
  addFilter,
  endPhrase,
  markUsed,
  measureOf,
  newFrameState,
  takePendingNumber
};
