import { col } from "./schema-index.js";
import { NotUnderstood } from "./frame.js";
import { addFilter, endPhrase, markUsed, takePendingNumber } from "./frame-state.js";
import { prevTableAdjacent } from "./reference-choice.js";
import { OPS } from "./scan.js";
function placeNumber(s, i, it) {
  if (s.cmp === "between" && s.bound === null) s.bound = { op: "between", values: [it.n], concept: s.cmpConcept };
  else if (s.bound && s.bound.op === "between" && s.bound.values.length === 1) {
    s.bound.values.push(it.n);
    s.cmp = null;
  } else if (s.cmp) {
    s.bound = { op: s.cmp, values: [it.n], concept: s.cmpConcept };
    s.cmp = null;
    s.cmpConcept = void 0;
  }
  const nextTable = s.items[i + 1]?.k === "ref" && s.items[i + 1].refs.every((x) => x.t === "table");
  const cmpKind = s.cmpCol ? col(s.index.tables.get(s.cmpCol.table), s.cmpCol.column).kind : null;
  if (s.bound && s.cmpCol && s.bound.op !== "between" && (cmpKind === "text" || cmpKind === "enum") && nextTable && !s.frame.mentions.length) {
    s.frame.groups.push({ kind: "column", ...s.cmpCol });
    markUsed(s, s.cmpCol);
    s.pendingHaving = { op: s.bound.op, n: s.bound.values[0] };
    s.bound = null;
    s.cmpCol = null;
    s.lastColumn = null;
    return;
  }
  if (s.bound && s.cmpCol && (s.bound.op !== "between" || s.bound.values.length === 2)) {
    addFilter(s, { kind: "cmp", ...s.cmpCol, op: s.bound.op, values: s.bound.values });
    markUsed(s, s.cmpCol);
    s.bound = null;
    s.cmpCol = null;
    s.lastColumn = null;
    return;
  }
  if (s.bound) {
  } else if (s.frame.rank && s.frame.rank.n === null && s.items[i - 1]?.k === "kw") s.frame.rank.n = it.n;
  else if (s.frame.recency && s.frame.recency.n === null && s.items[i - 1]?.k === "kw") s.frame.recency.n = it.n;
  else if (prevTableAdjacent(s.items, i)) {
    const t = s.items[i - 1].refs.find((x) => x.t === "table");
    const pk = s.index.tables.get(t.table).primaryKey;
    if (pk.length !== 1) throw new NotUnderstood(`${t.table} has no single-column key to look ${it.n} up by.`);
    addFilter(s, { kind: "cmp", table: t.table, column: pk[0], op: "=", values: [it.n] });
  } else if (s.lastColumn && s.items[i - 1]?.k === "ref") {
    addFilter(s, { kind: "cmp", ...s.lastColumn, op: "=", values: [it.n] });
    markUsed(s, s.lastColumn);
    s.lastColumn = null;
  } else s.pendingNum = it.n;
  if (s.bound && (s.bound.op !== "between" || s.bound.values.length === 2) && s.items[i + 1]?.k !== "ref" && (s.lastColumn || s.items[i + 1]?.k !== "kw" || s.items[i + 1].kw !== "and")) {
    addFilter(s, { kind: "cmp", table: s.lastColumn?.table ?? "", column: s.lastColumn?.column ?? "", op: s.bound.op, values: s.bound.values, concept: s.lastColumn ? void 0 : s.bound.concept });
    markUsed(s, s.lastColumn);
    s.bound = null;
    s.lastColumn = null;
  }
}
function placeQuotedText(s, i, it) {
  const next = s.items[i + 1];
  const afterRefs = !s.lastColumn && next?.k === "ref" ? next.refs.filter((x) => x.t === "column" && (next.refs.length === 1 || s.frame.mentions.includes(x.table))) : [];
  const after = afterRefs.length === 1 ? afterRefs[0] : null;
  const target = s.lastColumn ?? (after && col(s.index.tables.get(after.table), after.column)?.kind === "text" ? { table: after.table, column: after.column } : null);
  if (!target && !s.contains) throw new NotUnderstood(`I do not know which column "${it.s}" should be looked up in.`, ['Say "whose name contains \u2026".']);
  addFilter(s, { kind: "like", table: target?.table ?? "", column: target?.column ?? "", mode: s.contains ?? "contains", text: it.s, negated: s.not || s.without });
  s.not = s.without = false;
  markUsed(s, target);
  if (!s.lastColumn && target) i++;
  endPhrase(s, true);
  s.lastColumn = null;
  return i;
}
function placeTimeBucket(s, it) {
  if (!s.group && /ly$/.test(it.text.toLowerCase())) s.group = "group";
  if (!s.group) throw new NotUnderstood(`"${it.text}" is only understood as a grouping ("by month").`);
  s.frame.groups.push({ kind: "bucket", unit: it.unit });
  endPhrase(s);
}
function placeKeyword(s, i, it) {
  const kw = it.kw;
  if (kw === "count" || kw === "sum" || kw === "avg" || kw === "min" || kw === "max") {
    if (s.fn && s.fn !== kw) throw new NotUnderstood(`"${it.text}" of a ${s.fn} (an aggregate of an aggregate) is not supported.`);
    s.fn = kw;
    s.fnText = it.text.toLowerCase();
  } else if (kw === "verbprice") s.verbPrice = true;
  else if (kw.startsWith("cmpc:")) {
    const [, concept, op] = kw.split(":");
    s.cmp = OPS[op];
    s.cmpConcept = concept;
    s.cmpCol = null;
  } else if (kw === "sortby" || kw === "sortby?") s.sortPending = kw === "sortby" ? "sure" : "column-only";
  else if (kw === "sortdesc" || kw === "sortasc") {
    if (s.sortDir) throw new NotUnderstood("The question names two sort directions.");
    s.sortDir = kw === "sortdesc" ? "desc" : "asc";
  } else if (kw in OPS || kw === "between") {
    if (s.measureItem === i - 1) throw new NotUnderstood(`"${s.items[i - 1].text} ${it.text} \u2026" compares a total per row, which is not supported.`, ['Ask for the measure per group instead, e.g. "revenue by customer".']);
    s.cmp = kw === "between" ? "between" : OPS[kw];
    s.cmpConcept = s.verbPrice && s.items[i - 1]?.k === "kw" && s.items[i - 1].kw === "verbprice" ? "price" : void 0;
    if (s.cmpConcept) s.verbPrice = false;
    s.cmpCol = s.lastColumn && s.lastColumnIdx === i - 1 ? s.lastColumn : null;
  } else if ((kw === "orge" || kw === "orle") && s.pendingNum !== null && s.items[i - 1]?.k === "num") {
    s.bound = { op: kw === "orge" ? ">=" : "<=", values: [takePendingNumber(s)] };
  } else if (kw === "orge" || kw === "orle") {
    const lf = s.lastFilter;
    if (lf?.kind !== "cmp" || lf.op !== "=") throw new NotUnderstood(`"${it.text}" needs a number before it.`);
    lf.op = kw === "orge" ? ">=" : "<=";
  } else if (kw === "contains" || kw === "starts" || kw === "ends" || kw === "named") s.contains = kw;
  else if (kw === "top" || kw === "bottom") s.frame.rank = { dir: kw === "top" ? "desc" : "asc", n: takePendingNumber(s), by: null, concept: null };
  else if (kw.startsWith("rankby:")) {
    const [, concept, dir] = kw.split(":");
    s.rankConcept = concept;
    s.frame.rank = { dir, n: s.frame.rank?.n ?? takePendingNumber(s), by: null, concept: null };
    if (s.frame.rank.n === null && s.items[i + 1]?.k === "num") s.frame.rank.n = s.items[i + 1].n, i++;
  } else if (kw === "recent" || kw === "oldest") s.frame.recency = { dir: kw === "recent" ? "desc" : "asc", n: takePendingNumber(s) };
  else if (kw.startsWith("sup:")) {
    const [, concept, dir] = kw.split(":");
    s.sup = { dir, concept };
    const n = takePendingNumber(s);
    const lc = s.lastColumn;
    const lcKind = lc ? col(s.index.tables.get(lc.table), lc.column).kind : null;
    if (n !== null || concept || s.frame.mentions.length > 0 || lcKind === "text" || lcKind === "enum") s.frame.rank = { dir: s.sup.dir, n, by: null, concept };
    if (s.frame.rank && !s.frame.mentions.length && lc && (lcKind === "text" || lcKind === "enum")) {
      s.frame.rank.columnGroup = lc;
      markUsed(s, lc);
      s.frame.subjectSingular = !!s.items[s.lastColumnIdx].singular;
    }
    if (s.frame.rank && s.frame.rank.n === null && s.items[i + 1]?.k === "num") s.frame.rank.n = s.items[i + 1].n, i++;
  } else if (kw === "by" || kw === "group") s.group = kw;
  else if (kw === "and" && s.lastWasGroup) s.group = "group";
  else if (kw === "without" || kw === "notverb") {
    s.without = true;
    s.negVerb = kw === "notverb";
  } else if (kw === "not") s.not = true;
  else if (kw === "or") s.or = true;
  else if (kw === "distinct") s.distinct = true;
  if (kw !== "and") s.lastWasGroup = false;
  return i;
}
export {
  placeKeyword,
  placeNumber,
  placeQuotedText,
  placeTimeBucket
};
