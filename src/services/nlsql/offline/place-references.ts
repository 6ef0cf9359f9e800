/** Places a schema reference of the question (table, column, value, flag, predicate, metric) in the frame. */
import { isDate, labelColumn } from "./catalog-columns.js";
import { type Filter, type Item, NotUnderstood } from "./frame.js";
import { addFilter, endPhrase, type FrameState, markUsed, measureOf, takePendingNumber } from "./frame-state.js";
import { choose, namesTable, nextIsColumnOf, nextIsParentOf } from "./reference-choice.js";
import { col, type Ref } from "./schema-index.js";

type RefItem = Extract<Item, { k: "ref" }>;
type RefOf<T extends Ref["t"]> = Extract<Ref, { t: T }>;

export function placeReference(s: FrameState, i: number, it: RefItem): void {
  s.lastWasGroup = false;
  const mentioned = [...s.frame.mentions, ...(s.frame.measure?.kind === "count" && s.frame.measure.table ? [s.frame.measure.table] : [])];
  // After "at least 10", an unmentioned table is counted ("customers with at least 10 orders").
  const wantColumn = (s.fn !== null && s.fn !== "count") || s.group !== null || (s.bound !== null && it.refs.some((x) => x.t === "table" && mentioned.includes(x.table)));
  const r = choose(s.index, it.refs, it.weak, [...s.frame.mentions, ...s.focus], { wantColumn, mentioned });
  const absorbed = s.absorb;
  s.absorb = null;
  if (s.sortPending) {
    const sc = r.t === "column" ? r : null;
    if (!sc || (s.sortPending === "column-only" && !s.frame.mentions.includes(sc.table))) throw new NotUnderstood(`I could not tell what to sort by after "${s.sortPending === "sure" ? "sorted by" : "ordered by"}".`, ['Say "sorted by <column>".']);
    if (s.frame.sort) throw new NotUnderstood("Only one sort key is supported.");
    s.frame.sort = { table: sc.table, column: sc.column, dir: "asc" };
    s.sortPending = null;
    return;
  }
  if (r.t === "table") placeTable(s, i, it, r, absorbed);
  else if (r.t === "value") placeValue(s, i, it, r);
  else if (r.t === "bool" && !s.group && !s.bound) placeFlag(s, r);
  else if (r.t === "predicate") placePredicate(s, r);
  else if (r.t === "metric") placeMetric(s, i, it, r);
  // A flag after "by" or a comparison is taken as its column.
  else placeColumn(s, i, it, r);
}

/** `absorbed`: the event table of a "never …" just before, whose object this may be. */
function placeTable(s: FrameState, i: number, it: RefItem, r: RefOf<"table">, absorbed: string | null): void {
  if (absorbed && r.table !== s.frame.mentions[0] && (r.table === absorbed || s.index.edges.some((e) => e.from === absorbed && e.to === r.table))) return; // "never borrowed a book"
  if (s.pendingHaving) {
    s.frame.measure = { kind: "count", table: r.table };
    s.frame.having = s.pendingHaving;
    s.pendingHaving = null;
    endPhrase(s);
    return;
  }
  if (s.group && nextIsColumnOf(s.index, it, s.items[i + 1], r.table)) return; // "per customer country"
  if (nextIsParentOf(s.index, it, s.items[i + 1], r.table)) return; // "product category" is the category
  if (s.fn && s.fn !== "count" && !s.bound && !s.without) {
    const colFollows = s.items.slice(i + 1).some((x) => x.k === "ref" && x.refs.some((y) => y.t === "column" || y.t === "metric"));
    if (colFollows) {
      // "average order value": the table names whose column follows.
      if (!s.frame.mentions.includes(r.table)) s.frame.mentions.push(r.table);
      return;
    }
    if (s.fn !== "sum" || s.fnText === "how much") throw new NotUnderstood(`"${s.fnText || s.fn}" of ${r.table} needs a column, e.g. "${s.fn} price of ${r.table}".`);
    s.fn = "count"; // "total orders" is how many orders
  }
  if (s.not && !s.without && !s.bound) [s.not, s.without] = [false, true]; // "products not reviewed"
  if (s.bound) {
    if (s.bound.op === "between") throw new NotUnderstood("A range of counts is not supported.");
    addFilter(s, { kind: "having", table: r.table, op: s.bound.op, n: s.bound.values[0] });
    s.bound = null;
  } else if (s.without) {
    addFilter(s, { kind: "absent", table: r.table });
    s.without = false;
  }
  else if (s.fn === "count" && s.group === "by") (s.frame.rank ??= { dir: "desc", n: null, by: null, concept: null }).by = { kind: "count", table: r.table };
  else if (s.sup && s.frame.rank && !s.frame.rank.by && s.frame.rank.concept === "" && (s.frame.mentions.length > 0 || s.frame.rank.columnGroup) && !s.frame.mentions.includes(r.table)) s.frame.rank.by = { kind: "count", table: r.table };
  else if (s.sup && s.sup.concept === "" && !s.frame.rank?.by && !s.fn && !s.group && !namesTable(s.index, it.text, r.table) && s.items[i - 1]?.k === "kw" && (s.items[i - 1] as { kw: string }).kw.startsWith("sup:")) {
    // "the most ordered products", "most reviewed": a verb form of a table ranks by how many of its rows each has.
    (s.frame.rank ??= { dir: s.sup.dir, n: null, by: null, concept: "" }).by = { kind: "count", table: r.table };
    s.sup = null;
  }
  else if (s.sup && !s.frame.rank && !s.frame.mentions.length && !s.fn && !s.group && namesTable(s.index, it.text, r.table) && s.items[i - 1]?.k === "kw" && (s.items[i - 1] as { kw: string }).kw.startsWith("sup:")) {
    // "largest order this year": the superlative names the rows' own size-like measure.
    s.frame.rank = { dir: s.sup.dir, n: null, by: null, concept: s.sup.concept };
    s.frame.subjectSingular = !!it.singular;
    s.frame.mentions.push(r.table);
  }
  else if (s.fn === "count") s.frame.measure = { kind: "count", table: r.table };
  else if (s.group && !(s.group === "by" && s.frame.rank && !s.frame.rank.by && s.frame.mentions.length === 0)) {
    s.frame.groups.push({ kind: "table", table: r.table });
    if (s.group === "by") s.byTables.add(r.table);
    endPhrase(s);
    s.lastWasGroup = true;
    return;
  }
  else if (!s.frame.mentions.includes(r.table)) {
    if (s.items[i - 1]?.k === "kw" && ["and", "or"].includes((s.items[i - 1] as { kw: string }).kw)) s.frame.conjoined.add(r.table);
    if (!s.frame.mentions.length) s.frame.subjectSingular = !!it.singular;
    s.frame.mentions.push(r.table);
  }
  if (s.pendingNum !== null && s.frame.rank?.n === null) s.frame.rank.n = takePendingNumber(s);
  if (s.pendingNum !== null && s.frame.recency?.n === null) s.frame.recency.n = takePendingNumber(s);
  endPhrase(s);
}

function placeValue(s: FrameState, i: number, it: RefItem, r: RefOf<"value">): void {
  const prev = s.lastFilter as Filter | null;
  // "loans returned last month", "appointments scheduled for next week": after its noun and with a time range,
  // a word that is both a value and a date column's verb is the verb: the range applies to that column.
  const verbDate = it.refs.find((x): x is Ref & { t: "column" } => x.t === "column" && x.table === r.table && isDate(col(s.index.tables.get(x.table)!, x.column)!));
  if (verbDate && s.hasTime && s.frame.mentions.includes(r.table) && !s.not && !s.without && !s.or) {
    if (s.frame.dateHint) throw new NotUnderstood("The question names two date columns.");
    s.frame.dateHint = { table: verbDate.table, column: verbDate.column };
    return;
  }
  if (s.byTables.has(r.table)) throw new NotUnderstood(`"by ${r.table}" followed by a condition on ${r.table} could mean grouped by or belonging to.`, [`Say "number of … per ${r.table}" or "… of ${r.table} from …".`]);
  // "books by British authors" names who wrote them; "number of employees per Manager" groups by nothing understood.
  const nextIsTable = s.items[i + 1]?.k === "ref" && (s.items[i + 1] as { refs: Ref[] }).refs.some((x) => x.t === "table");
  const isLabel = labelColumn(s.index.tables.get(r.table)!)?.name === r.column; // "by Agatha Christie": a name says who
  if (s.group && !(s.group === "by" && (nextIsTable || isLabel))) throw new NotUnderstood(`"${s.group === "by" ? "by" : "per"} ${it.text}" is not understood: ${it.text} is a value of ${r.table}.${r.column}, not something to group by.`, [`Say "number of … per ${r.column}".`]);
  if (s.without && !s.negVerb) throw new NotUnderstood(`"without ${it.text}" is not understood: ${it.text} is a value of ${r.table}.${r.column}.`, [`Say "${r.table} not ${it.text}" or "whose ${r.column} is not ${it.text}".`]);
  if (s.without) s.not = true; // "customers who do not live in Paris"
  if (s.lastColumn && s.lastColumn.table === r.table && s.lastColumn.column === r.column) markUsed(s, s.lastColumn);
  // "France or Spain" and "Germany and France" both mean either value: one row cannot hold two.
  const same = s.frame.filters.find((x): x is Filter & { kind: "cmp" } => x.kind === "cmp" && x.table === r.table && x.column === r.column && (x.op === "=" || x.op === "in"));
  if (s.or && !(prev?.kind === "cmp" && prev.table === r.table && prev.column === r.column)) throw new NotUnderstood(`"or" between different columns is not supported.`, ["Ask about one column's values at a time."]);
  if (same && !s.not) {
    same.op = "in";
    if (!same.values.includes(r.value)) same.values.push(r.value);
  } else addFilter(s, { kind: "cmp", table: r.table, column: r.column, op: s.not ? "<>" : "=", values: [r.value] });
  s.not = s.without = s.or = false;
  endPhrase(s, true);
}

function placeFlag(s: FrameState, r: RefOf<"bool">): void {
  addFilter(s, { kind: "cmp", table: r.table, column: r.column, op: "=", values: [s.not || s.without ? String(!r.value) : String(r.value)] });
  s.not = false;
  s.without = false;
}

function placePredicate(s: FrameState, r: RefOf<"predicate">): void {
  addFilter(s, { kind: "pred", table: r.table, left: r.left, op: r.op, right: r.right, label: r.label, negated: s.not || s.without });
  s.not = s.without = false;
  endPhrase(s, true);
}

function placeMetric(s: FrameState, i: number, it: RefItem, r: RefOf<"metric">): void {
  if (s.group && nextIsColumnOf(s.index, it, s.items[i + 1], r.metric.table)) return; // "by sales channel"
  const afterAnd = s.items[i - 1]?.k === "kw" && (s.items[i - 1] as { kw: string }).kw === "and";
  if (afterAnd && (s.frame.mentions.length || s.frame.measure)) throw new NotUnderstood(`"and ${it.text}" asks for a second measure; one measure per question is supported.`, ["Ask for each measure separately."]);
  s.measureItem = i;
  const m = measureOf(s, r)!;
  if (s.group === "by" && !s.frame.rank) throw new NotUnderstood(`"by ${it.text}" would group by a measure; say "top 5 … by ${it.text}" to rank.`);
  if (s.group === "by" || (s.frame.rank && !s.frame.rank.by && (s.frame.mentions.length > 0 || s.frame.rank.columnGroup))) s.frame.rank!.by = m;
  else s.frame.measure = m;
  endPhrase(s);
}

function placeColumn(s: FrameState, i: number, it: RefItem, r: RefOf<"column" | "bool">): void {
  const column = { table: r.table, column: r.column };
  const c = col(s.index.tables.get(column.table)!, column.column)!;
  if (s.bound && !isDate(c)) {
    addFilter(s, { kind: "cmp", ...column, op: s.bound.op, values: s.bound.values });
    s.bound = null;
    endPhrase(s);
    return;
  }
  if (s.bound) {
    // "orders over 1000 placed in 2025": the date column is the verb, not what is compared.
    const b = s.bound as { op: string; values: number[]; concept?: string };
    addFilter(s, { kind: "cmp", table: "", column: "", op: b.op, values: b.values, concept: b.concept });
    s.bound = null;
  }
  const numeric = c.kind === "integer" || c.kind === "number";
  const prevItem = s.items[i - 1];
  const lf = s.lastFilter as Filter | null;
  if (prevItem?.k === "ref" && prevItem.end === it.start && lf?.kind === "cmp" && lf.table === column.table && lf.column === column.column && !s.bound && !s.group && !s.without && !s.not) return; // "the store channel", "the books category"
  if (s.pendingNum !== null && numeric && prevItem?.k === "num" && prevItem.start === it.start - 1 && !s.frame.rank && !s.frame.recency) {
    // "5 star reviews", "one star": a number right before a numeric column is its value.
    addFilter(s, { kind: "cmp", ...column, op: s.not ? "<>" : "=", values: [takePendingNumber(s)!] });
    s.not = false;
    endPhrase(s, true);
    return;
  }
  const eventTable = isDate(c) && !c.nullable && column.table !== s.frame.mentions[0] ? column.table : null;
  if ((s.without || s.not) && eventTable) {
    // "customers who never placed an order": the date column's verb names its table's rows.
    addFilter(s, { kind: "absent", table: eventTable });
    s.absorb = eventTable;
    s.not = s.without = false;
    endPhrase(s);
    return;
  }
  if (s.sup && eventTable && s.sup.concept === "" && !s.frame.rank?.by && !s.fn && !s.group) {
    // "the most borrowed books": ranked by how many rows of the event table they have.
    (s.frame.rank ??= { dir: s.sup.dir, n: null, by: null, concept: "" }).by = { kind: "count", table: eventTable };
    s.sup = null;
    return;
  }
  if (s.without) {
    if (!c.nullable) throw new NotUnderstood(`${column.table}.${column.column} always has a value.`);
    addFilter(s, { kind: "null", ...column });
    s.without = false;
    endPhrase(s);
    return;
  }
  if (s.group && s.fn === "count" && !s.frame.rank) {
    // "order count per status": the column groups; the count applies to the table.
    s.frame.groups.push({ kind: "column", ...column });
    s.group = null;
    s.lastWasGroup = true;
    return;
  }
  const m = measureOf(s, r);
  if (m && (s.group === "by" || (s.frame.rank && !s.frame.rank.by && (s.frame.mentions.length > 0 || s.frame.groups.length > 0)))) {
    (s.frame.rank ??= { dir: "desc", n: null, by: null, concept: null }).by = m;
    endPhrase(s);
    return;
  }
  if (m) {
    s.measureItem = i;
    if (s.frame.measure) throw new NotUnderstood("Only one measure per question is supported.");
    // Counting a column counts its distinct values, said "distinct" or not ("how many countries").
    s.frame.measure = m;
    if (m.kind === "count") s.distinct = false;
    endPhrase(s);
    return;
  }
  if (s.group === "by" && s.frame.rank && !s.frame.rank.by && (c.kind === "integer" || c.kind === "number" || c.kind === "timestamp" || c.kind === "date")) {
    s.frame.rank.by = { kind: "agg", fn: "max", table: column.table, column: column.column };
    s.frame.rank.concept = `column:${column.table}.${column.column}`;
    endPhrase(s);
    return;
  }
  if (s.group) {
    if (s.group === "by" && s.frame.rank && !s.frame.rank.by) throw new NotUnderstood(`Ranking by ${column.column} is not understood.`);
    // "products by price": a decimal amount is sorted by, not grouped by; which one is meant is unclear.
    if (s.group === "by" && c.kind === "number" && !s.fn && !s.frame.measure) throw new NotUnderstood(`"by ${column.column}" could mean sorted by or grouped by ${column.table}.${column.column}.`, [`Say "sorted by ${column.column}" or "number of ${column.table} per ${column.column}".`]);
    s.frame.groups.push({ kind: "column", ...column });
    endPhrase(s);
    s.lastWasGroup = true;
    return;
  }
  if (s.sup && !s.frame.rank && (c.kind === "integer" || c.kind === "number")) {
    s.frame.measure = { kind: "agg", fn: s.sup.dir === "desc" ? "max" : "min", ...column };
    s.sup = null;
    return;
  }
  if (s.frame.rank && s.frame.rank.concept === "" && !s.frame.rank.by && (c.kind === "integer" || c.kind === "number")) {
    s.frame.rank.concept = `column:${column.table}.${column.column}`;
    return;
  }
  if (isDate(c)) s.frame.dateHint = column;
  else if (s.frame.mentions.length === 0 && !s.frame.measure && (c.kind === "text" || c.kind === "enum") && !s.contains && s.items[i + 1]?.k !== "quote" && s.frame.rank) {
    // "top 3 countries by …": the ranked things are values of a column.
    s.frame.rank.columnGroup = column;
    s.frame.subjectSingular = !!it.singular;
    s.lastColumn = column;
    s.lastColumnIdx = i;
    return;
  }
  if (!isDate(c)) s.frame.unusedColumns.add(`${column.table}.${column.column}`);
  // "what countries are our customers in": a question about a categorical column's values, named before its table.
  if (!isDate(c) && !s.frame.mentions.length && (c.enumValues || c.knownValues) && /^\s*(what|which)\b/i.test(s.questionText)) s.valuesAsked = `${column.table}.${column.column}`;
  s.lastColumn = column;
  s.lastColumnIdx = i;
}
