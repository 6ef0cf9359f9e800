/**
 * The offline translator's reasoning: reads a question into a frame (subject,
 * measure, grouping, ranking, filters, time range) using only the schema index
 * and the English lexicon, then renders one SELECT. Anything it cannot place
 * makes it refuse instead of guessing.
 */
import type { CatalogColumn, CatalogTable } from "../../catalog/types.js";
import pluralize from "pluralize";
import { COUNTRY_NAME, CONCEPT_WORDS, ADDITIVE_WORDS, AVERAGED_WORDS, DERIVATIONS, KEYWORDS, RANK_CONCEPTS, UNANSWERABLE_WORDS, lemma, NUMBER_WORDS, SOFT_WORDS, splitWords, stem, STOP_WORDS, TIME_BUCKETS, type AggFn } from "./lexicon.js";
import { col, type Metric, type Phrase, type Ref, type SchemaIndex, tokenStems } from "./schema-index.js";
import { forwardPath, JoinTree, lit, q, tableSql } from "./sql-builder.js";
import { describeRange, extractTimeRange, type TimeRange } from "./time-range.js";

export class NotUnderstood extends Error {
  /** Recognised parts of the question, when known at the point of refusal. */
  understood: string[] | null = null;
  constructor(
    reason: string,
    readonly suggestions: string[] = [],
  ) {
    super(reason);
  }
}

type Item =
  | { k: "ref"; refs: Ref[]; weak: boolean[]; text: string; singular?: boolean; start: number; end: number }
  | { k: "kw"; kw: string; text: string }
  | { k: "num"; n: number; text: string; start: number }
  | { k: "quote"; s: string; text: string }
  | { k: "bucket"; unit: string; text: string };

type Measure =
  | { kind: "count"; table: string | null; distinctColumn?: { table: string; column: string } }
  | { kind: "agg"; fn: AggFn; table: string; column: string }
  | { kind: "metric"; metric: Metric; fn?: AggFn | "count" };

type Filter =
  | { kind: "cmp"; table: string; column: string; op: string; values: (string | number)[]; concept?: string }
  | { kind: "like"; table: string; column: string; mode: string; text: string; negated?: boolean }
  | { kind: "pred"; table: string; left: string; op: string; right: string; label: string; negated?: boolean }
  | { kind: "null"; table: string; column: string }
  | { kind: "absent"; table: string }
  | { kind: "having"; table: string; op: string; n: number };

type Group = { kind: "column"; table: string; column: string } | { kind: "table"; table: string } | { kind: "bucket"; unit: string };

interface Frame {
  mentions: string[];
  measure: Measure | null;
  groups: Group[];
  rank: { dir: "desc" | "asc"; n: number | null; by: Measure | null; concept: string | null; columnGroup?: { table: string; column: string } } | null;
  recency: { dir: "desc" | "asc"; n: number | null } | null;
  filters: Filter[];
  dateHint: { table: string; column: string } | null;
  understood: string[];
  /** The first table was named in the singular ("the latest order"): one row is wanted. */
  subjectSingular: boolean;
  /** Columns named but given no role (neither filter, measure nor grouping). */
  unusedColumns: Set<string>;
  /** "sold", "bought": the question is about sale events, not the subject's own dates. */
  eventVerb: boolean;
  /** "genres with more than 5 books": a condition on each group's count. */
  having: { op: string; n: number } | null;
  /** A column ranked by with no aggregate word and no known way to combine it: fine when each ranked row has one value, refused otherwise. */
  rankUncombined: string | null;
  /** "sorted by name (descending)". */
  sort: { table: string; column: string; dir: "asc" | "desc" } | null;
  /** Tables named right after "and"/"or" ("customers and orders"): a list of things, never a condition. */
  conjoined: Set<string>;
}

const MAX_TOKENS = 60;
const OPS: Record<string, string> = { gt: ">", lt: "<", ge: ">=", le: "<=", eq: "=" };
const KW_SORTED = [...KEYWORDS].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length);

interface Token {
  raw: string;
  lower: string;
  stem: string;
  num?: number;
  quote?: string;
}

function tokenize(text: string, quotes: string[]): Token[] {
  const out: Token[] = [];
  // A minus sign right before a number that starts a word is part of it ("over -10"); elsewhere ("2025-03") it is not.
  for (const m of text.matchAll(/\u0001(\d+)|\$?((?:(?<![\w.-])-)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))|([A-Za-z][A-Za-z'’]*)/g)) {
    if (m[1] !== undefined) out.push({ raw: m[0], lower: m[0], stem: "", quote: quotes[Number(m[1])] });
    else if (m[2] !== undefined) out.push({ raw: m[2], lower: m[2], stem: m[2], num: Number(m[2].replace(/,/g, "")) });
    else {
      const raw = m[3].replace(/’/g, "'").replace(/'s?$/, "");
      const lower = raw.toLowerCase();
      if (lower in NUMBER_WORDS) out.push({ raw, lower, stem: lower, num: NUMBER_WORDS[lower] });
      else out.push({ raw, lower, stem: stem(DERIVATIONS[lower] ?? lower) });
    }
  }
  return out;
}

function matchPhrase(index: SchemaIndex, toks: Token[], i: number): { len: number; refs: Ref[]; weak: boolean[] } | null {
  const cands = index.phrases.get(toks[i].stem) ?? [];
  const hits: { n: number; exact: number; p: Phrase }[] = [];
  for (const p of cands) {
    const n = p.stems.length;
    if (i + n > toks.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = toks[i + k].stem === p.stems[k] && toks[i + k].num === undefined && !toks[i + k].quote;
    if (!ok) continue;
    // Two-letter codes ("US", "DE") only when written in capitals: "us" and "de" are words.
    if (p.ref.t === "value" && p.ref.short && toks[i].raw !== p.ref.value) continue;
    const exact = p.lemmas.length === n ? p.lemmas.filter((l, k) => l === lemma(toks[i + k].lower)).length : 0;
    // A value is data, not a concept: "managed" is not the job title "Manager", though their stems agree.
    if (p.ref.t === "value" && exact < n) continue;
    hits.push({ n, exact, p });
  }
  if (!hits.length) return null;
  const len = Math.max(...hits.map((h) => h.n));
  let best = hits.filter((h) => h.n === len);
  const exact = Math.max(...best.map((h) => h.exact));
  best = best.filter((h) => h.exact === exact);
  return { len, refs: best.map((h) => h.p.ref), weak: best.map((h) => !!h.p.weak) };
}

function matchKeyword(toks: Token[], i: number): { len: number; kw: string } | null {
  for (const [words, kw] of KW_SORTED) {
    const w = words.split(" ");
    if (i + w.length > toks.length) continue;
    if (w.every((x, k) => toks[i + k].lower === x)) return { len: w.length, kw };
  }
  return null;
}

function scan(index: SchemaIndex, toks: Token[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i];
    if (t.quote !== undefined) {
      items.push({ k: "quote", s: t.quote, text: `"${t.quote}"` });
      i++;
      continue;
    }
    if (t.num !== undefined) {
      items.push({ k: "num", n: t.num, text: t.raw, start: i });
      i++;
      continue;
    }
    // "products that cost over 300", "costing between 10 and 50": the verb is about the price paid, not a "cost" column.
    const prevTok = toks[i - 1]?.lower ?? "";
    if (["costs", "costing", "cost"].includes(t.lower) && (t.lower !== "cost" || ["that", "which", "who", "to", "do", "does", "did"].includes(prevTok) || items[items.length - 1]?.k === "ref" && (items[items.length - 1] as { end: number }).end === i)) {
      items.push({ k: "kw", kw: "verbprice", text: t.raw });
      i++;
      continue;
    }
    const p = matchPhrase(index, toks, i);
    const kw = matchKeyword(toks, i);
    const text = (n: number) => toks.slice(i, i + n).map((x) => x.raw).join(" ");
    // Keywords win ties except "total", which is often a column; schema phrases win when longer.
    const prev = items[items.length - 1];
    // "total" is the sum keyword ("total revenue") unless it follows a table or an aggregate ("max order total").
    const totalIsColumn = kw?.kw === "sum?" && (!isRefNext(index, toks, i + 1) || prev?.k === "ref" || (prev?.k === "kw" && ["count", "sum", "avg", "min", "max"].includes(prev.kw)));
    // "with a total of at least 800": an amount compared, not a sum asked for.
    const totalOfCompared =
      kw?.kw === "sum" && t.lower === "total" && p?.len === 1 && (["a", "an"].includes(toks[i - 1]?.lower ?? "") || isComparisonNext(toks, i + kw.len) || (prev?.k === "kw" && ["avg", "min", "max"].includes(prev.kw)));
    if (totalOfCompared) {
      items.push({ k: "ref", refs: p!.refs, weak: p!.weak, start: i, end: i + 1, text: t.raw, singular: true });
      i += kw!.len;
      continue;
    }
    if (p && (!kw || p.len > kw.len || (p.len === kw.len && totalIsColumn))) {
      const last = toks[i + p.len - 1].lower;
      items.push({ k: "ref", refs: p.refs, weak: p.weak, start: i, end: i + p.len, text: text(p.len), singular: pluralize.isSingular(last) && !pluralize.isPlural(last) });
      i += p.len;
    } else if (kw) {
      items.push({ k: "kw", kw: kw.kw === "sum?" ? "sum" : kw.kw, text: text(kw.len) });
      i += kw.len;
    } else if (TIME_BUCKETS[t.lower] || TIME_BUCKETS[t.stem]) {
      items.push({ k: "bucket", unit: TIME_BUCKETS[t.lower] ?? TIME_BUCKETS[t.stem], text: t.raw });
      i++;
    } else if (STOP_WORDS.has(t.lower) || SOFT_WORDS.has(t.lower) || index.softWords.has(t.lower)) i++;
    else if (UNANSWERABLE_WORDS.has(t.lower))
      throw new NotUnderstood(`"${t.raw}" asks for a prediction, an explanation or advice; only what the data records can be answered.`, ["Ask about what happened, e.g. \"revenue by month this year\"."]);
    else {
      const err = new NotUnderstood(`I do not know what "${t.raw}" refers to in this database.`, ["Use the names of tables, columns or values shown in the catalog."]);
      err.understood = items.filter((x) => x.k === "ref" || x.k === "quote" || x.k === "bucket").map((x) => x.text);
      throw err;
    }
  }
  return items;
}

function isComparisonNext(toks: Token[], i: number): boolean {
  if (i >= toks.length) return false;
  if (toks[i].num !== undefined) return true;
  const kw = matchKeyword(toks, i);
  return !!kw && (kw.kw in OPS || kw.kw === "between");
}

function isRefNext(index: SchemaIndex, toks: Token[], i: number): boolean {
  while (i < toks.length && ["the", "a", "an", "of", "all"].includes(toks[i].lower)) i++;
  return i < toks.length && matchPhrase(index, toks, i) !== null;
}

/** Chooses among same-phrase references: tables in focus first, then nearest by foreign keys. */
function choose(index: SchemaIndex, all: Ref[], weak: boolean[], focus: string[], ctx: { wantColumn: boolean; mentioned: string[] }): Ref {
  if (all.length === 1) return all[0];
  const strong = all.filter((_r, k) => !weak[k]);
  let refs = all;
  const tableOf = (r: Ref) => (r.t === "metric" ? r.metric.table : r.table);
  const pick = (hit: Ref[]): Ref => {
    const metric = hit.find((r) => r.t === "metric");
    if (metric) return metric;
    const column = hit.find((r) => r.t === "column");
    const tbl = hit.find((r) => r.t === "table");
    const bool = hit.find((r) => r.t === "bool");
    // "rating" is the reviews table (synonym "ratings") or reviews.rating: the column once the table is known or a measure is asked.
    if (column && (ctx.wantColumn || (tbl && ctx.mentioned.includes(tableOf(tbl))) || !tbl)) return bool && !ctx.wantColumn ? bool : column;
    return tbl ?? bool ?? hit[0];
  };
  for (const f of focus) {
    const hit = refs.filter((r) => tableOf(r) === f);
    const hitStrong = hit.filter((r) => strong.includes(r));
    if (hit.length >= 1) return pick(hitStrong.length ? hitStrong : hit);
  }
  // Outside the tables in focus, a shorthand never beats a full name.
  if (strong.length) refs = strong;
  const tables = new Set(refs.map(tableOf));
  if (tables.size === 1) return pick(refs);
  throw new NotUnderstood(`"${[...tables].join('" or "')}"? The phrase matches more than one table.`, ["Name the table you mean."]);
}

/** Is `text` the table's name or a synonym as a noun ("orders", "order"), rather than a verb form ("ordered")? */
function namesTable(index: SchemaIndex, text: string, tableName: string): boolean {
  const t = index.tables.get(tableName)!;
  const said = text.toLowerCase().split(/\s+/).map(lemma).join(" ");
  return [t.name, t.modelName ?? "", ...t.synonyms].filter(Boolean).some((n) => splitWords(n).map(lemma).join(" ") === said);
}

/** "product category": two nouns side by side, the first singular, the second its parent table. */
function prevTableAdjacent(items: Item[], i: number): boolean {
  const prev = items[i - 1];
  const cur = items[i];
  return prev?.k === "ref" && !!prev.singular && prev.refs.length === 1 && prev.refs[0].t === "table" && cur.k === "num" && cur.start === prev.end;
}

function nextIsParentOf(index: SchemaIndex, cur: Item, it: Item | undefined, table: string): boolean {
  if (it?.k !== "ref" || cur.k !== "ref" || it.start !== cur.end || !cur.singular) return false;
  const tabs = it.refs.filter((r) => r.t === "table");
  return tabs.length === it.refs.length && tabs.length === 1 && index.edges.some((e) => e.from === table && e.to === (tabs[0] as { table: string }).table);
}

function nextIsColumnOf(index: SchemaIndex, cur: Item, it: Item | undefined, table: string): boolean {
  return it?.k === "ref" && cur.k === "ref" && it.start === cur.end && it.refs.some((r) => r.t === "column" && r.table === table) && !it.refs.some((r) => r.t === "table");
}

function buildFrame(index: SchemaIndex, items: Item[], hasTime = false, questionText = ""): Frame {
  const f: Frame = { mentions: [], measure: null, groups: [], rank: null, recency: null, filters: [], dateHint: null, understood: [], subjectSingular: false, unusedColumns: new Set(), eventVerb: false, having: null, rankUncombined: null, sort: null, conjoined: new Set() };
  // Pass 1: what tables is the question about?
  const focus: string[] = [];
  for (const it of items)
    if (it.k === "ref") {
      const tabs = it.refs.filter((r) => r.t === "table").map((r) => (r as { table: string }).table);
      if (tabs.length === 1 && !focus.includes(tabs[0])) focus.push(tabs[0]);
      for (const r of it.refs) if (r.t === "metric" && !focus.includes(r.metric.table)) focus.push(r.metric.table);
    }

  let fn: AggFn | "count" | null = null;
  let group: "by" | "group" | null = null;
  let without = false;
  let not = false;
  let or = false;
  let distinct = false;
  let cmp: string | null = null;
  let bound: { op: string; values: number[]; concept?: string } | null = null;
  /** "cheaper than": the comparison names a kind of column (price), found on the subject later. */
  let cmpConcept: string | undefined;
  let contains: string | null = null;
  let lastColumn: { table: string; column: string } | null = null;
  let lastColumnIdx = -1;
  let cmpCol: { table: string; column: string } | null = null;
  let lastWasGroup = false;
  const used = (c: { table: string; column: string } | null) => c && f.unusedColumns.delete(`${c.table}.${c.column}`);
  let pendingNum: number | null = null;
  let sup: { dir: "desc" | "asc"; concept: string } | null = null;
  let lastFilter: Filter | null = null;
  /** Tables grouped with "by" ("books by authors"): a later condition on them makes "by" ambiguous (grouped by, or written by?). */
  const byTables = new Set<string>();
  /** The event table of "never borrowed": a following mention of it or its parent ("a book") is the verb's object, not a new table. */
  let absorb: string | null = null;
  /** "genres with more than 5 books": waits for the counted table. */
  let pendingHaving: { op: string; n: number } | null = null;
  /** "best-selling", "best rated": ranked by a kind of column, resolved once the subject is known. */
  let rankConcept: string | null = null;
  /** The words that set the aggregate: "total orders" counts them, "how much … products" does not. */
  let fnText = "";
  /** "cost(s)/costing" as a verb: only understood before a comparison ("that cost over 300"). */
  let verbPrice = false;
  /** The absence came from a negated verb ("do not", "haven't"): before a value it is a plain "not". */
  let negVerb = false;
  /** Index of the item that last became the measure (or the ranking measure). */
  let measureItem = -1;
  /** "what countries …": the distinct values of a column may be what is asked. */
  let valuesAsked: string | null = null;
  /** "sorted by": the next column is the sort key; "ordered by" only when a column of a named table follows (else it may mean "bought by"). */
  let sortPending: "sure" | "column-only" | null = null;
  let sortDir: "asc" | "desc" | null = null;

  const takeNum = () => {
    const n = pendingNum;
    pendingNum = null;
    return n;
  };
  // A filter between an aggregate word and its table keeps the aggregate ("number of enterprise clients").
  // A negation, "or" or "distinct" still pending here was not applied to anything: dropping it would answer another question.
  const reset = (keepFn = false) => {
    if (not || without) throw new NotUnderstood(`I could not tell what "${not ? "not" : "without"}" applies to here.`, ["Put the negation right before a value, e.g. \"orders not delivered\"."]);
    if (or) throw new NotUnderstood(`"or" is only understood between values of one column ("France or Spain").`);
    if (distinct) throw new NotUnderstood(`"distinct" is only understood in a count ("number of distinct countries").`);
    if (!keepFn) fn = null;
    // "products under 100 in toys": a comparison still waiting for its column is kept, for the render to place or refuse.
    const b = bound as { op: string; values: number[]; concept?: string } | null;
    if (b && (b.op !== "between" || b.values.length === 2)) {
      f.filters.push({ kind: "cmp", table: "", column: "", op: b.op, values: b.values, concept: b.concept });
    } else if (b) throw new NotUnderstood('"between" needs two numbers.');
    group = null;
    without = false;
    not = false;
    or = false;
    distinct = false;
    bound = null;
    contains = null;
  };
  const addFilter = (x: Filter) => {
    if (or) throw new NotUnderstood(`"or" is only understood between values of one column ("France or Spain").`);
    f.filters.push(x);
    lastFilter = x;
  };
  const measureOf = (r: Ref): Measure | null => {
    if (r.t === "metric") return { kind: "metric", metric: r.metric, fn: fn ?? undefined };
    if (r.t === "table" && fn === "count") return { kind: "count", table: r.table };
    if (r.t === "column") {
      const c = col(index.tables.get(r.table)!, r.column)!;
      if (fn === "count") return { kind: "count", table: r.table, distinctColumn: { table: r.table, column: r.column } };
      if (fn && (c.kind === "integer" || c.kind === "number" || ((fn === "min" || fn === "max") && (c.kind === "timestamp" || c.kind === "date"))))
        return { kind: "agg", fn, table: r.table, column: r.column };
      if (!fn && group === "by" && (c.kind === "integer" || c.kind === "number") && (f.rank || sup)) {
        // "top 5 products by quantity" adds up; "by rating" averages; "by price" across rows is ambiguous.
        const names = [c.name, ...c.synonyms].flatMap((n) => tokenStems(n));
        const how = AVERAGED_WORDS.some((w) => names.includes(stem(w))) ? "avg" : ADDITIVE_WORDS.some((w) => names.includes(stem(w))) ? "sum" : null;
        if (how) return { kind: "agg", fn: how, table: r.table, column: r.column };
        f.rankUncombined = `${r.table}.${r.column}`;
        return { kind: "agg", fn: "sum", table: r.table, column: r.column };
      }
    }
    return null;
  };

  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    f.understood.push(it.text);
    if (it.k === "num") {
      if (cmp === "between" && bound === null) bound = { op: "between", values: [it.n], concept: cmpConcept };
      else if (bound && (bound as { op: string }).op === "between" && (bound as { values: number[] }).values.length === 1) {
        (bound as { values: number[] }).values.push(it.n);
        cmp = null;
      }
      else if (cmp) {
        bound = { op: cmp, values: [it.n], concept: cmpConcept };
        cmp = null;
        cmpConcept = undefined;
      }
      const nextTable = items[i + 1]?.k === "ref" && (items[i + 1] as { refs: Ref[] }).refs.every((x) => x.t === "table");
      const cmpKind = cmpCol ? col(index.tables.get(cmpCol.table)!, cmpCol.column)!.kind : null;
      if (bound && cmpCol && bound.op !== "between" && (cmpKind === "text" || cmpKind === "enum") && nextTable && !f.mentions.length) {
        // "genres with more than 5 books": groups of a column, kept by their count.
        f.groups.push({ kind: "column", ...cmpCol });
        used(cmpCol);
        pendingHaving = { op: bound.op, n: bound.values[0] };
        bound = null;
        cmpCol = null;
        lastColumn = null;
        continue;
      }
      if (bound && cmpCol && (bound.op !== "between" || bound.values.length === 2)) {
        // "total greater than 250 placed …": the column right before the comparison wins.
        addFilter({ kind: "cmp", ...cmpCol, op: bound.op, values: bound.values });
        used(cmpCol);
        bound = null;
        cmpCol = null;
        lastColumn = null;
        continue;
      }
      if (bound) {
        /* bound waits for its column below */
      } else if (f.rank && f.rank.n === null && items[i - 1]?.k === "kw") f.rank.n = it.n;
      else if (f.recency && f.recency.n === null && items[i - 1]?.k === "kw") f.recency.n = it.n;
      else if (prevTableAdjacent(items, i)) {
        // "customer 5", "order 1042": a row by its key.
        const t = (items[i - 1] as { refs: Ref[] }).refs.find((x) => x.t === "table") as { table: string };
        const pk = index.tables.get(t.table)!.primaryKey;
        if (pk.length !== 1) throw new NotUnderstood(`${t.table} has no single-column key to look ${it.n} up by.`);
        addFilter({ kind: "cmp", table: t.table, column: pk[0], op: "=", values: [it.n] });
      } else if (lastColumn && items[i - 1]?.k === "ref") {
        addFilter({ kind: "cmp", ...lastColumn, op: "=", values: [it.n] });
        used(lastColumn);
        lastColumn = null;
      } else pendingNum = it.n;
      if (bound && (bound.op !== "between" || bound.values.length === 2) && items[i + 1]?.k !== "ref" && (lastColumn || items[i + 1]?.k !== "kw" || (items[i + 1] as { kw: string }).kw !== "and")) {
        // "price of at least 200": the column came first.
        addFilter({ kind: "cmp", table: lastColumn?.table ?? "", column: lastColumn?.column ?? "", op: bound.op, values: bound.values, concept: lastColumn ? undefined : bound.concept });
        used(lastColumn);
        bound = null;
        lastColumn = null;
      }
      continue;
    }
    if (it.k === "quote") {
      const next = items[i + 1];
      // "products with 'pen' in the name": a text column right after the quoted text is where it is looked up.
      const afterRefs = !lastColumn && next?.k === "ref" ? next.refs.filter((x) => x.t === "column" && (next.refs.length === 1 || f.mentions.includes(x.table))) : [];
      const after = afterRefs.length === 1 ? (afterRefs[0] as { table: string; column: string }) : null;
      const target = lastColumn ?? (after && col(index.tables.get(after.table)!, after.column)?.kind === "text" ? { table: after.table, column: after.column } : null);
      if (!target && !contains) throw new NotUnderstood(`I do not know which column "${it.s}" should be looked up in.`, ['Say "whose name contains …".']);
      addFilter({ kind: "like", table: target?.table ?? "", column: target?.column ?? "", mode: contains ?? "contains", text: it.s, negated: not || without });
      not = without = false;
      used(target);
      if (!lastColumn && target) i++; // "with 'pen' in the name": the column came after
      reset(true);
      lastColumn = null;
      continue;
    }
    if (it.k === "bucket") {
      // "monthly revenue": the adjective is itself a grouping.
      if (!group && /ly$/.test(it.text.toLowerCase())) group = "group";
      if (!group) throw new NotUnderstood(`"${it.text}" is only understood as a grouping ("by month").`);
      f.groups.push({ kind: "bucket", unit: it.unit });
      reset();
      continue;
    }
    if (it.k === "kw") {
      const kw = it.kw;
      if (kw === "count" || kw === "sum" || kw === "avg" || kw === "min" || kw === "max") {
        if (fn && fn !== kw) throw new NotUnderstood(`"${it.text}" of a ${fn} (an aggregate of an aggregate) is not supported.`);
        fn = kw;
        fnText = it.text.toLowerCase();
      }
      else if (kw === "verbprice") verbPrice = true;
      else if (kw.startsWith("cmpc:")) {
        // "cheaper than 50": a comparison on the subject's price-like column.
        const [, concept, op] = kw.split(":");
        cmp = OPS[op];
        cmpConcept = concept;
        cmpCol = null;
      }
      else if (kw === "sortby" || kw === "sortby?") sortPending = kw === "sortby" ? "sure" : "column-only";
      else if (kw === "sortdesc" || kw === "sortasc") {
        if (sortDir) throw new NotUnderstood("The question names two sort directions.");
        sortDir = kw === "sortdesc" ? "desc" : "asc";
      }
      else if (kw in OPS || kw === "between") {
        // "doctors earning over 150000", "customers with revenue above 1000": a measure compared per row is not supported.
        if (measureItem === i - 1) throw new NotUnderstood(`"${items[i - 1].text} ${it.text} …" compares a total per row, which is not supported.`, ["Ask for the measure per group instead, e.g. \"revenue by customer\"."]);
        cmp = kw === "between" ? "between" : OPS[kw];
        cmpConcept = verbPrice && items[i - 1]?.k === "kw" && (items[i - 1] as { kw: string }).kw === "verbprice" ? "price" : undefined;
        if (cmpConcept) verbPrice = false;
        cmpCol = lastColumn && lastColumnIdx === i - 1 ? lastColumn : null;
      }
      else if ((kw === "orge" || kw === "orle") && pendingNum !== null && items[i - 1]?.k === "num") {
        // "4 or more stars", "3 or fewer reviews": the column or table follows.
        bound = { op: kw === "orge" ? ">=" : "<=", values: [takeNum()!] };
      } else if (kw === "orge" || kw === "orle") {
        const lf = lastFilter as Filter | null;
        if (lf?.kind !== "cmp" || lf.op !== "=") throw new NotUnderstood(`"${it.text}" needs a number before it.`);
        lf.op = kw === "orge" ? ">=" : "<=";
      } else if (kw === "contains" || kw === "starts" || kw === "ends" || kw === "named") contains = kw;
      else if (kw === "top" || kw === "bottom") f.rank = { dir: kw === "top" ? "desc" : "asc", n: takeNum(), by: null, concept: null };
      else if (kw.startsWith("rankby:")) {
        const [, concept, dir] = kw.split(":");
        rankConcept = concept;
        f.rank = { dir: dir as "desc" | "asc", n: f.rank?.n ?? takeNum(), by: null, concept: null };
        if (f.rank.n === null && items[i + 1]?.k === "num") f.rank.n = (items[i + 1] as { n: number }).n, i++;
      }
      else if (kw === "recent" || kw === "oldest") f.recency = { dir: kw === "recent" ? "desc" : "asc", n: takeNum() };
      else if (kw.startsWith("sup:")) {
        const [, concept, dir] = kw.split(":");
        sup = { dir: dir as "asc" | "desc", concept };
        const n = takeNum();
        const lc = lastColumn as { table: string; column: string } | null;
        const lcKind = lc ? col(index.tables.get(lc.table)!, lc.column)!.kind : null;
        if (n !== null || concept || f.mentions.length > 0 || lcKind === "text" || lcKind === "enum") f.rank = { dir: sup.dir, n, by: null, concept };
        if (f.rank && !f.mentions.length && lc && (lcKind === "text" || lcKind === "enum")) {
          // "which country has the most customers": the ranked things are values of that column.
          f.rank.columnGroup = lc;
          used(lc);
          f.subjectSingular = !!(items[lastColumnIdx] as { singular?: boolean }).singular;
        }
        if (f.rank && f.rank.n === null && items[i + 1]?.k === "num") f.rank.n = (items[i + 1] as { n: number }).n, i++;
      } else if (kw === "by" || kw === "group") group = kw;
      else if (kw === "and" && lastWasGroup) group = "group"; // "by channel and status"
      else if (kw === "without" || kw === "notverb") {
        without = true;
        negVerb = kw === "notverb";
      }
      else if (kw === "not") not = true;
      else if (kw === "or") or = true;
      else if (kw === "distinct") distinct = true;
      if (kw !== "and") lastWasGroup = false;
      continue;
    }
    lastWasGroup = false;
    // A schema reference.
    const mentioned = [...f.mentions, ...(f.measure?.kind === "count" && f.measure.table ? [f.measure.table] : [])];
    // After "at least 10", an unmentioned table is counted ("customers with at least 10 orders").
    const wantColumn = (fn !== null && fn !== "count") || group !== null || (bound !== null && it.refs.some((x) => x.t === "table" && mentioned.includes(x.table)));
    const r = choose(index, it.refs, it.weak, [...f.mentions, ...focus], { wantColumn, mentioned });
    const absorbed = absorb;
    absorb = null;
    if (sortPending) {
      const sc = r.t === "column" ? r : null;
      if (!sc || (sortPending === "column-only" && !f.mentions.includes(sc.table))) throw new NotUnderstood(`I could not tell what to sort by after "${sortPending === "sure" ? "sorted by" : "ordered by"}".`, ['Say "sorted by <column>".']);
      if (f.sort) throw new NotUnderstood("Only one sort key is supported.");
      f.sort = { table: sc.table, column: sc.column, dir: "asc" };
      sortPending = null;
      continue;
    }
    if (r.t === "table" && absorbed && r.table !== f.mentions[0] && (r.table === absorbed || index.edges.some((e) => e.from === absorbed && e.to === r.table))) continue; // "never borrowed a book"
    if (r.t === "table" && pendingHaving) {
      f.measure = { kind: "count", table: r.table };
      f.having = pendingHaving;
      pendingHaving = null;
      reset();
      continue;
    }
    if (r.t === "table" && group && nextIsColumnOf(index, it, items[i + 1], r.table)) continue; // "per customer country"
    if (r.t === "table" && nextIsParentOf(index, it, items[i + 1], r.table)) continue; // "product category" is the category
    if (r.t === "metric" && group && nextIsColumnOf(index, it, items[i + 1], r.metric.table)) continue; // "by sales channel"
    if (r.t === "table" && fn && fn !== "count" && !bound && !without) {
      const colFollows = items.slice(i + 1).some((x) => x.k === "ref" && x.refs.some((y) => y.t === "column" || y.t === "metric"));
      if (colFollows) {
        // "average order value": the table names whose column follows.
        if (!f.mentions.includes(r.table)) f.mentions.push(r.table);
        continue;
      }
      if (fn !== "sum" || fnText === "how much") throw new NotUnderstood(`"${fnText || fn}" of ${r.table} needs a column, e.g. "${fn} price of ${r.table}".`);
      fn = "count"; // "total orders" is how many orders
    }
    if (r.t === "table") {
      if (not && !without && !bound) [not, without] = [false, true]; // "products not reviewed"
      if (bound) {
        if (bound.op === "between") throw new NotUnderstood("A range of counts is not supported.");
        addFilter({ kind: "having", table: r.table, op: bound.op, n: bound.values[0] });
        bound = null;
      } else if (without) {
        addFilter({ kind: "absent", table: r.table });
        without = false;
      }
      else if (fn === "count" && group === "by") (f.rank ??= { dir: "desc", n: null, by: null, concept: null }).by = { kind: "count", table: r.table };
      else if (sup && f.rank && !f.rank.by && f.rank.concept === "" && (f.mentions.length > 0 || f.rank.columnGroup) && !f.mentions.includes(r.table)) f.rank.by = { kind: "count", table: r.table };
      else if (sup && sup.concept === "" && !f.rank?.by && !fn && !group && !namesTable(index, it.text, r.table) && items[i - 1]?.k === "kw" && (items[i - 1] as { kw: string }).kw.startsWith("sup:")) {
        // "the most ordered products", "most reviewed": a verb form of a table ranks by how many of its rows each has.
        (f.rank ??= { dir: sup.dir, n: null, by: null, concept: "" }).by = { kind: "count", table: r.table };
        sup = null;
      }
      else if (sup && !f.rank && !f.mentions.length && !fn && !group && namesTable(index, it.text, r.table) && items[i - 1]?.k === "kw" && (items[i - 1] as { kw: string }).kw.startsWith("sup:")) {
        // "largest order this year": the superlative names the rows' own size-like measure.
        f.rank = { dir: sup.dir, n: null, by: null, concept: sup.concept };
        f.subjectSingular = !!it.singular;
        f.mentions.push(r.table);
      }
      else if (fn === "count") f.measure = { kind: "count", table: r.table };
      else if (group && !(group === "by" && f.rank && !f.rank.by && f.mentions.length === 0)) {
        f.groups.push({ kind: "table", table: r.table });
        if (group === "by") byTables.add(r.table);
        reset();
        lastWasGroup = true;
        continue;
      }
      else if (!f.mentions.includes(r.table)) {
        if (items[i - 1]?.k === "kw" && ["and", "or"].includes((items[i - 1] as { kw: string }).kw)) f.conjoined.add(r.table);
        if (!f.mentions.length) f.subjectSingular = !!it.singular;
        f.mentions.push(r.table);
      }
      if (pendingNum !== null && f.rank?.n === null) f.rank.n = takeNum();
      if (pendingNum !== null && f.recency?.n === null) f.recency.n = takeNum();
      reset();
      continue;
    }
    if (r.t === "value") {
      const prev = lastFilter as Filter | null;
      // "loans returned last month", "appointments scheduled for next week": after its noun and with a time range,
      // a word that is both a value and a date column's verb is the verb: the range applies to that column.
      const verbDate = it.refs.find((x): x is Ref & { t: "column" } => x.t === "column" && x.table === r.table && isDateLike(col(index.tables.get(x.table)!, x.column)!));
      if (verbDate && hasTime && f.mentions.includes(r.table) && !not && !without && !or) {
        if (f.dateHint) throw new NotUnderstood("The question names two date columns.");
        f.dateHint = { table: verbDate.table, column: verbDate.column };
        continue;
      }
      if (byTables.has(r.table)) throw new NotUnderstood(`"by ${r.table}" followed by a condition on ${r.table} could mean grouped by or belonging to.`, [`Say "number of … per ${r.table}" or "… of ${r.table} from …".`]);
      // "books by British authors" names who wrote them; "number of employees per Manager" groups by nothing understood.
      const nextIsTable = items[i + 1]?.k === "ref" && (items[i + 1] as { refs: Ref[] }).refs.some((x) => x.t === "table");
      const isLabel = labelColumn(index.tables.get(r.table)!)?.name === r.column; // "by Agatha Christie": a name says who
      if (group && !(group === "by" && (nextIsTable || isLabel))) throw new NotUnderstood(`"${group === "by" ? "by" : "per"} ${it.text}" is not understood: ${it.text} is a value of ${r.table}.${r.column}, not something to group by.`, [`Say "number of … per ${r.column}".`]);
      if (without && !negVerb) throw new NotUnderstood(`"without ${it.text}" is not understood: ${it.text} is a value of ${r.table}.${r.column}.`, [`Say "${r.table} not ${it.text}" or "whose ${r.column} is not ${it.text}".`]);
      if (without) not = true; // "customers who do not live in Paris"
      if (lastColumn && lastColumn.table === r.table && lastColumn.column === r.column) used(lastColumn);
      // "France or Spain" and "Germany and France" both mean either value: one row cannot hold two.
      const same = f.filters.find((x): x is Filter & { kind: "cmp" } => x.kind === "cmp" && x.table === r.table && x.column === r.column && (x.op === "=" || x.op === "in"));
      if (or && !(prev?.kind === "cmp" && prev.table === r.table && prev.column === r.column)) throw new NotUnderstood(`"or" between different columns is not supported.`, ["Ask about one column's values at a time."]);
      if (same && !not) {
        same.op = "in";
        if (!same.values.includes(r.value)) same.values.push(r.value);
      } else addFilter({ kind: "cmp", table: r.table, column: r.column, op: not ? "<>" : "=", values: [r.value] });
      not = without = or = false;
      reset(true);
      continue;
    }
    if (r.t === "bool" && !group && !bound) {
      addFilter({ kind: "cmp", table: r.table, column: r.column, op: "=", values: [not || without ? String(!r.value) : String(r.value)] });
      not = false;
      without = false;
      continue;
    }
    if (r.t === "predicate") {
      addFilter({ kind: "pred", table: r.table, left: r.left, op: r.op, right: r.right, label: r.label, negated: not || without });
      not = without = false;
      reset(true);
      continue;
    }
    const afterAnd = items[i - 1]?.k === "kw" && (items[i - 1] as { kw: string }).kw === "and";
    if (r.t === "metric" && afterAnd && (f.mentions.length || f.measure)) throw new NotUnderstood(`"and ${it.text}" asks for a second measure; one measure per question is supported.`, ["Ask for each measure separately."]);
    if (r.t === "metric") {
      measureItem = i;
      const m = measureOf(r)!;
      if (group === "by" && !f.rank) throw new NotUnderstood(`"by ${it.text}" would group by a measure; say "top 5 … by ${it.text}" to rank.`);
      if (group === "by" || (f.rank && !f.rank.by && (f.mentions.length > 0 || f.rank.columnGroup))) f.rank!.by = m;
      else f.measure = m;
      reset();
      continue;
    }
    // A column.
    const column = { table: r.table, column: (r as { column: string }).column };
    const c = col(index.tables.get(column.table)!, column.column)!;
    if (bound && !isDateLike(c)) {
      addFilter({ kind: "cmp", ...column, op: bound.op, values: bound.values });
      bound = null;
      reset();
      continue;
    }
    if (bound) {
      // "orders over 1000 placed in 2025": the date column is the verb, not what is compared.
      const b = bound as { op: string; values: number[]; concept?: string };
      addFilter({ kind: "cmp", table: "", column: "", op: b.op, values: b.values, concept: b.concept });
      bound = null;
    }
    const numeric = c.kind === "integer" || c.kind === "number";
    const prevItem = items[i - 1];
    const lf = lastFilter as Filter | null;
    if (prevItem?.k === "ref" && prevItem.end === it.start && lf?.kind === "cmp" && lf.table === column.table && lf.column === column.column && !bound && !group && !without && !not) continue; // "the store channel", "the books category"
    if (pendingNum !== null && numeric && prevItem?.k === "num" && prevItem.start === it.start - 1 && !f.rank && !f.recency) {
      // "5 star reviews", "one star": a number right before a numeric column is its value.
      addFilter({ kind: "cmp", ...column, op: not ? "<>" : "=", values: [takeNum()!] });
      not = false;
      reset(true);
      continue;
    }
    const eventTable = isDateLike(c) && !c.nullable && column.table !== f.mentions[0] ? column.table : null;
    if ((without || not) && eventTable) {
      // "customers who never placed an order": the date column's verb names its table's rows.
      addFilter({ kind: "absent", table: eventTable });
      absorb = eventTable;
      not = without = false;
      reset();
      continue;
    }
    if (sup && eventTable && sup.concept === "" && !f.rank?.by && !fn && !group) {
      // "the most borrowed books": ranked by how many rows of the event table they have.
      (f.rank ??= { dir: sup.dir, n: null, by: null, concept: "" }).by = { kind: "count", table: eventTable };
      sup = null;
      continue;
    }
    if (without) {
      if (!c.nullable) throw new NotUnderstood(`${column.table}.${column.column} always has a value.`);
      addFilter({ kind: "null", ...column });
      without = false;
      reset();
      continue;
    }
    if (group && fn === "count" && !f.rank) {
      // "order count per status": the column groups; the count applies to the table.
      f.groups.push({ kind: "column", ...column });
      group = null;
      lastWasGroup = true;
      continue;
    }
    const m = measureOf(r);
    if (m && (group === "by" || (f.rank && !f.rank.by && (f.mentions.length > 0 || f.groups.length > 0)))) {
      (f.rank ??= { dir: "desc", n: null, by: null, concept: null }).by = m;
      reset();
      continue;
    }
    if (m) {
      measureItem = i;
      if (f.measure) throw new NotUnderstood("Only one measure per question is supported.");
      f.measure = distinct && m.kind === "count" ? m : m.kind === "count" ? { kind: "count", table: m.table, distinctColumn: m.distinctColumn } : m;
      if (m.kind === "count") distinct = false;
      reset();
      continue;
    }
    if (group === "by" && f.rank && !f.rank.by && (c.kind === "integer" || c.kind === "number" || c.kind === "timestamp" || c.kind === "date")) {
      f.rank.by = { kind: "agg", fn: "max", table: column.table, column: column.column };
      f.rank.concept = `column:${column.table}.${column.column}`;
      reset();
      continue;
    }
    if (group) {
      if (group === "by" && f.rank && !f.rank.by) throw new NotUnderstood(`Ranking by ${column.column} is not understood.`);
      // "products by price": a decimal amount is sorted by, not grouped by; which one is meant is unclear.
      if (group === "by" && c.kind === "number" && !fn && !f.measure) throw new NotUnderstood(`"by ${column.column}" could mean sorted by or grouped by ${column.table}.${column.column}.`, [`Say "sorted by ${column.column}" or "number of ${column.table} per ${column.column}".`]);
      f.groups.push({ kind: "column", ...column });
      reset();
      lastWasGroup = true;
      continue;
    }
    if (sup && !f.rank && (c.kind === "integer" || c.kind === "number")) {
      f.measure = { kind: "agg", fn: sup.dir === "desc" ? "max" : "min", ...column };
      sup = null;
      continue;
    }
    if (f.rank && f.rank.concept === "" && !f.rank.by && (c.kind === "integer" || c.kind === "number")) {
      f.rank.concept = `column:${column.table}.${column.column}`;
      continue;
    }
    if (isDateLike(c)) f.dateHint = column;
    else if (f.mentions.length === 0 && !f.measure && (c.kind === "text" || c.kind === "enum") && !contains && items[i + 1]?.k !== "quote" && f.rank) {
      // "top 3 countries by …": the ranked things are values of a column.
      f.rank.columnGroup = column;
      f.subjectSingular = !!it.singular;
      lastColumn = column;
      lastColumnIdx = i;
      continue;
    }
    if (!isDateLike(c)) f.unusedColumns.add(`${column.table}.${column.column}`);
    // "what countries are our customers in": a question about a categorical column's values, named before its table.
    if (!isDateLike(c) && !f.mentions.length && (c.enumValues || c.knownValues) && /^\s*(what|which)\b/i.test(questionText)) valuesAsked = `${column.table}.${column.column}`;
    lastColumn = column;
    lastColumnIdx = i;
  }
  if (fn === "count" && !f.measure && f.mentions.length) {
    f.measure = { kind: "count", table: f.mentions[0] };
    fn = null;
  }
  if (pendingHaving) throw new NotUnderstood("A count condition is missing what to count.");
  // "which products have the highest price": a which-question about the top asks for the top one, not a sorted list.
  if (f.rank && f.rank.n === null && /^\s*which\b/i.test(questionText) && /\bthe\s+(most|highest|lowest|least|fewest|largest|biggest|smallest|greatest|cheapest|priciest|longest|shortest)\b/i.test(questionText)) f.subjectSingular = true;
  if (valuesAsked && f.unusedColumns.has(valuesAsked) && !f.measure && !f.groups.length && !f.rank)
    throw new NotUnderstood(`Listing the distinct values of ${valuesAsked} is not supported; I would list whole rows.`, [`Ask "number of … per ${valuesAsked.split(".")[1]}" to see each value.`]);
  if (sortPending) throw new NotUnderstood("I could not tell what to sort by.");
  if (verbPrice) throw new NotUnderstood(`"cost" is only understood before a comparison ("products that cost over 100").`, ['Say "price of …" or "average price of …".']);
  if (sortDir) {
    if (!f.sort) throw new NotUnderstood(`"${sortDir === "desc" ? "descending" : "ascending"}" needs a sort key, e.g. "sorted by price descending".`);
    f.sort.dir = sortDir;
  }
  if (not || without) throw new NotUnderstood(`I could not tell what "${not ? "not" : "without"}" applies to here.`);
  if (or) throw new NotUnderstood(`"or" is only understood between values of one column ("France or Spain").`);
  if (distinct) throw new NotUnderstood(`"distinct" is only understood in a count ("number of distinct countries").`);
  if (group) throw new NotUnderstood(`I could not tell what to group by.`, ['Say e.g. "number of orders by status".']);
  if (contains) throw new NotUnderstood(`I could not tell what text to look for.`, ["Put the text in quotes, e.g. \"name contains 'lamp'\"."]);
  if (sup && !f.rank) throw new NotUnderstood(`I could not tell what "${sup.dir === "desc" ? "highest" : "lowest"}" applies to.`, ['Say e.g. "the 5 most expensive products".']);
  if (rankConcept) {
    // "best-selling products": the units column of the one table that records their sales; "best rated": the average rating.
    const { words, fn: how, own: ownAllowed } = RANK_CONCEPTS[rankConcept];
    const subject = f.mentions[0];
    const like = (t: string) => index.tables.get(t)!.columns.filter((c) => (c.kind === "integer" || c.kind === "number") && !c.references && !c.isPrimaryKey && words.some((w) => [c.name, ...c.synonyms].some((n) => tokenStems(n).pop() === stem(w)))).map((c) => ({ table: t, column: c.name }));
    const own = subject && ownAllowed ? like(subject) : [];
    const hits = own.length ? own : subject ? index.edges.filter((e) => e.to === subject).flatMap((e) => like(e.from)) : [];
    if (hits.length !== 1 || f.rank!.by) throw new NotUnderstood(`I do not know which column of ${subject ?? "these rows"} or its related tables "${rankConcept}" means here.`, ['Say "top 5 … by <column>".']);
    if (hits[0].table === subject) f.rank!.concept = `column:${hits[0].table}.${hits[0].column}`;
    else f.rank!.by = { kind: "agg", fn: how, ...hits[0] };
  }
  if (fn) throw new NotUnderstood(`I could not tell what to ${fn === "count" ? "count" : `take the ${fn} of`}.`);
  if (bound) {
    const b = bound as { op: string; values: number[]; concept?: string };
    addFilter({ kind: "cmp", table: "", column: "", op: b.op, values: b.values, concept: b.concept });
  }
  if (cmp) throw new NotUnderstood("A comparison is missing its number.", ['Say "price over 100".']);
  if (pendingNum !== null && !f.rank && !f.recency) throw new NotUnderstood(`I do not know what the number ${pendingNum} refers to.`);
  if (pendingNum !== null && f.rank && f.rank.n === null) f.rank.n = pendingNum;
  if (pendingNum !== null && f.recency && f.recency.n === null) f.recency.n = pendingNum;
  return f;
}

// ---------------------------------------------------------------------------------------------

interface Rendered {
  sql: string;
  interpretation: string;
  tables: string[];
  confidence: number;
}

function table(index: SchemaIndex, name: string): CatalogTable {
  return index.tables.get(name)!;
}

function isDate(c: CatalogColumn): boolean {
  return c.kind === "timestamp" || c.kind === "date" || isYearColumn(c);
}

/** An integer column holding a calendar year ("published_year", "year"): time ranges compare whole years. */
function isYearColumn(c: CatalogColumn): boolean {
  return c.kind === "integer" && !c.isPrimaryKey && !c.references && splitWordsOf(c.name).pop() === "year";
}

function splitWordsOf(name: string): string[] {
  return name.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/).filter(Boolean);
}

const isDateLike = isDate;

/** The table's main date column: the only one, else the one named like the table, else "created". */
function mainDate(t: CatalogTable): CatalogColumn | null {
  const dates = t.columns.filter(isDate);
  if (dates.length <= 1) return dates[0] ?? null;
  const tstems = new Set(tokenStems(t.name));
  const required = dates.filter((c) => !c.nullable);
  // Else the only date every row has: an event's time is never missing, a later milestone ("returned_at") may be.
  return dates.find((c) => tokenStems(c.name).some((s) => tstems.has(s))) ?? dates.find((c) => /creat/.test(c.name)) ?? (required.length === 1 ? required[0] : null);
}

function labelColumn(t: CatalogTable): CatalogColumn | null {
  return t.columns.find((c) => /^(name|title|label|full_name)$/i.test(c.name)) ?? t.columns.find((c) => c.kind === "text" && c.isUnique) ?? null;
}

/** The table's numeric column for a concept ("price": price, else cost, fee, …), by name or synonym. */
function conceptColumn(t: CatalogTable, concept: string): CatalogColumn | null {
  for (const w of CONCEPT_WORDS[concept] ?? []) {
    const c = t.columns.find((x) => [x.name, ...x.synonyms].some((n) => tokenStems(n).includes(stem(w))) && (x.kind === "number" || x.kind === "integer") && !x.references && !x.isPrimaryKey);
    if (c) return c;
  }
  return null;
}

function numericMeasureColumns(t: CatalogTable): CatalogColumn[] {
  return t.columns.filter((c) => (c.kind === "number" || c.kind === "integer") && !c.isPrimaryKey && !c.references);
}

function describeValue(index: SchemaIndex, f: Filter & { kind: "cmp" }): string {
  const c = col(table(index, f.table), f.column)!;
  const v = f.values.map((x) => (typeof x === "string" && /^[A-Z]{2}$/.test(x) && /countr|iso 3166/i.test(`${c.name} ${c.description}`) && COUNTRY_NAME[x] ? `${x} (${COUNTRY_NAME[x]})` : String(x)));
  const opWord: Record<string, string> = { "=": "is", "<>": "is not", in: "is one of", ">": "is over", "<": "is under", ">=": "is at least", "<=": "is at most", between: "is between" };
  return `${f.table}.${f.column} ${opWord[f.op] ?? f.op} ${f.op === "between" ? v.join(" and ") : v.join(", ")}`;
}

function describeOp(op: string): string {
  return ({ ">": "is over", "<": "is under", ">=": "is at least", "<=": "is at most", "=": "is" } as Record<string, string>)[op] ?? op;
}

function valueSql(c: CatalogColumn, v: string | number): string {
  if (typeof v === "number") return String(v);
  if (c.kind === "boolean") return v === "true" ? "TRUE" : "FALSE";
  return lit(v);
}

function timeSql(col: string, c: CatalogColumn, r: TimeRange): string[] {
  const v = (d: Date) => lit(c.kind === "date" ? d.toISOString().slice(0, 10) : d.toISOString());
  const out: string[] = [];
  if (isYearColumn(c)) {
    // A year number can only be cut at the start of a year.
    const yearOf = (d: Date) => {
      if (d.getUTCMonth() || d.getUTCDate() !== 1 || d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds()) throw new NotUnderstood(`${c.name} holds whole years, so "${r.phrase}" cannot apply to it.`, ['Ask for whole years, e.g. "in 2020" or "before 1950".']);
      return d.getUTCFullYear();
    };
    if (r.end && r.endInclusive) throw new NotUnderstood(`${c.name} holds whole years, so "${r.phrase}" cannot apply to it.`);
    if (r.start) out.push(`${col} >= ${yearOf(r.start)}`);
    if (r.end) out.push(`${col} < ${yearOf(r.end)}`);
    return out;
  }
  if (r.start) out.push(`${col} >= ${v(r.start)}`);
  if (r.end) out.push(`${col} ${r.endInclusive ? "<=" : "<"} ${v(r.end)}`);
  return out;
}

export function render(index: SchemaIndex, f: Frame, time: TimeRange | null, defaultLimit: number, nowMs = Date.now()): Rendered {
  let confidence = 0.9;
  const words: string[] = [];
  for (const n of [f.rank?.n, f.recency?.n]) if (n !== null && n !== undefined && (!Number.isInteger(n) || n < 1)) throw new NotUnderstood(`"${n}" is not a number of rows.`, ['Say e.g. "top 5 …".']);
  // --- Decide the subject (rows listed or grouped) and the fact table (rows measured). ---
  const rankBy = f.rank?.by ?? null;
  if ((f.rank || f.recency) && f.groups.length) throw new NotUnderstood("Top or latest rows within each group are not supported yet.", ["Ask for one group at a time, e.g. \"most expensive product in electronics\"."]);
  for (const x of f.filters)
    if (x.kind === "cmp" && !x.table) {
      const t = f.mentions[0] ?? (f.measure?.kind === "count" || f.measure?.kind === "agg" ? (f.measure.table ?? undefined) : undefined);
      const byConcept = t && x.concept ? conceptColumn(table(index, t), x.concept) : null;
      const nums = byConcept ? [byConcept] : t && !x.concept ? numericMeasureColumns(table(index, t)) : [];
      if (nums.length !== 1) throw new NotUnderstood(`I do not know which column of ${t ?? "the table"} "${x.op} ${x.values.join(" and ")}" applies to.`, ['Name the column, e.g. "with price over 100".']);
      x.table = t;
      x.column = nums[0].name;
      confidence -= 0.05;
    }
  let measure: Measure | null = rankBy ?? f.measure;
  const subject = f.mentions[0] ?? null;
  const columnGroup = f.rank?.columnGroup ?? null;
  let fact: string | null = null;
  if (measure?.kind === "metric") fact = measure.metric.table;
  else if (measure?.kind === "agg") fact = measure.table;
  else if (measure?.kind === "count") fact = measure.table ?? subject;
  if (measure?.kind === "count" && !measure.table) measure = { ...measure, table: fact };
  if (!fact) fact = subject ?? (columnGroup?.table ?? null);
  if (!fact) {
    const tabs = new Set(f.filters.map((x) => x.table).filter(Boolean));
    if (tabs.size === 1) fact = [...tabs][0];
  }
  if (!fact) throw new NotUnderstood("I could not tell which table the question is about.", ["Name what you want listed or counted, e.g. \"orders\" or \"customers\"."]);
  if (f.mentions.length > 1 && !measure && !f.groups.length) confidence -= 0.1;

  // Ranking entities by a measure of another table ("top 5 customers by revenue") groups by the entity.
  // "average quantity per order item": one group per measured row is the plain average over the rows.
  const perOwnRow = (g: Group) => g.kind === "table" && measure?.kind === "agg" && (measure.fn === "avg" || measure.fn === "min" || measure.fn === "max") && g.table === measure.table && !f.rank;
  const groups: Group[] = f.groups.filter((g) => !perOwnRow(g));
  const ranked = !!(f.rank && rankBy);
  if (ranked && subject && subject !== fact) groups.unshift({ kind: "table", table: subject });
  if (ranked && !subject && columnGroup) groups.unshift({ kind: "column", ...columnGroup });
  // "customers with the fewest orders": rows with none would not appear in a join, and they are the answer.
  if (ranked && f.rank!.dir === "asc" && rankBy?.kind === "count" && groups.some((g) => g.kind === "table" && g.table !== (rankBy.table ?? fact)))
    throw new NotUnderstood(`The ${groups.map((g) => (g.kind === "table" ? g.table : "")).filter(Boolean).join(", ")} with the fewest ${rankBy.table ?? fact} may have none at all; ranking them lowest first is not supported.`, [`Ask e.g. "${groups.find((g) => g.kind === "table")!.kind === "table" ? (groups.find((g) => g.kind === "table") as { table: string }).table : ""} without ${rankBy.table ?? fact}".`]);
  if (ranked && groups.length === 0 && rankBy && rankBy.kind === "count") throw new NotUnderstood("Ranking needs the things to rank, e.g. \"top 5 customers by number of orders\".");
  if (!measure && groups.length) measure = { kind: "count", table: fact };
  const aggregate = !!measure && !(ranked && rankBy?.kind === "agg" && rankBy.table === fact && groups.length === 0);
  if (aggregate && ranked && rankBy?.kind === "agg" && f.rankUncombined === `${rankBy.table}.${rankBy.column}`)
    throw new NotUnderstood(`Ranking by ${f.rankUncombined} over several rows each: say whether you mean its total, average, minimum or maximum.`, [`Say e.g. "top 5 … by average ${rankBy.column}".`]);
  if (!aggregate && ranked && rankBy?.kind === "agg") {
    f.rank!.concept = `column:${rankBy.table}.${rankBy.column}`;
    measure = null;
  }
  if (!measure && groups.length) measure = { kind: "count", table: fact };

  // --- The root of the join tree: the fact table, or a child that reaches every other table forward. ---
  const needed = new Set<string>();
  for (const x of f.filters) if (x.kind !== "absent" && x.kind !== "having" && x.table) needed.add(x.table);
  for (const g of groups) if (g.kind !== "bucket") needed.add(g.table);
  if (measure?.kind === "metric") for (const c of measure.metric.conditions) void c, needed.add(measure.metric.table);
  const needDate = !!time || !!f.recency || groups.some((g) => g.kind === "bucket");
  if (f.dateHint && needDate) needed.add(f.dateHint.table);
  // "terminated employees": a date that may be empty, named with no time range, is a condition this translator cannot state.
  if (f.dateHint && !needDate && col(table(index, f.dateHint.table), f.dateHint.column)!.nullable)
    throw new NotUnderstood(`I could not tell what to do with ${f.dateHint.table}.${f.dateHint.column} here (it may be empty).`, [`Say e.g. "${f.dateHint.table} without ${f.dateHint.column.replace(/_/g, " ")}" or give a time range.`]);
  let root = fact;
  let rollupExpr: string | null = null;
  let countDistinctPk: string | null = null;
  const probe = new JoinTree(index, root);
  const unreachable = [...needed].filter((t) => !probe.reachable(t));
  if (unreachable.length) {
    if (!aggregate) throw new NotUnderstood(`Listing ${fact} with conditions on ${unreachable.join(", ")} would need a path that repeats rows.`, ["Ask for a count or total instead."]);
    const children = index.edges.filter((e) => e.to === fact);
    const viable = children.filter((e) => {
      const t = new JoinTree(index, e.from);
      return [...needed, fact!].every((n) => t.reachable(n));
    });
    if (viable.length !== 1) throw new NotUnderstood(`I found no single foreign-key path from ${fact} to ${unreachable.join(", ")}.`);
    const child = viable[0];
    const mcol = measure?.kind === "metric" ? measure.metric.column : measure?.kind === "agg" ? measure.column : null;
    const fn = measure?.kind === "metric" ? measure.metric.fn : measure?.kind === "agg" ? measure.fn : "count";
    if (fn === "count") countDistinctPk = fact;
    else if (fn === "min" || fn === "max") {
      // Repeated rows do not change a minimum or maximum.
    } else {
      const ru = index.rollups.find((r) => r.table === fact && r.column === mcol && r.child === child.from);
      if (!ru || fn !== "sum") throw new NotUnderstood(`A ${fn} of ${fact}.${mcol} split by ${unreachable.join(", ")} would count ${fact} rows more than once, and its doc comment gives no per-${child.from} amount.`);
      rollupExpr = ru.expr;
      words.push(`(${fact}.${mcol} split by ${unreachable.join(", ")} uses ${child.from} line amounts: ${ru.expr})`);
    }
    root = child.from;
  }
  const jt = new JoinTree(index, root);
  const A = (t: string) => jt.alias(t);
  const C = (t: string, c: string) => `${A(t)}.${q(c)}`;
  const where: string[] = [];
  const cond: string[] = [];

  // --- Filters. ---
  const subjAlias = () => A(subject ?? fact!);
  for (const x of f.filters) {
    if (x.kind === "cmp") {
      const c = col(table(index, x.table), x.column)!;
      if (typeof x.values[0] === "number" && c.kind !== "integer" && c.kind !== "number")
        throw new NotUnderstood(`${x.table}.${x.column} is not a number, so "${x.op} ${x.values.join(" and ")}" cannot apply to it.`);
      const lhs = C(x.table, x.column);
      if (x.op === "in") where.push(`${lhs} IN (${x.values.map((v) => valueSql(c, v)).join(", ")})`);
      else if (x.op === "between") where.push(`${lhs} BETWEEN ${x.values[0]} AND ${x.values[1]}`);
      else if (c.kind === "boolean") where.push(x.values[0] === "true" ? lhs : `NOT ${lhs}`);
      else where.push(`${lhs} ${x.op} ${valueSql(c, x.values[0])}`);
      cond.push(describeValue(index, x));
    } else if (x.kind === "like") {
      const t = x.table || subject || fact;
      const cname = x.column || labelColumn(table(index, t))?.name;
      if (!cname) throw new NotUnderstood(`Which column of ${t} should contain "${x.text}"?`);
      const c = col(table(index, t), cname)!;
      if (c.kind !== "text") throw new NotUnderstood(`${t}.${cname} is not text, so it cannot contain "${x.text}".`);
      const esc = x.text.replace(/[\\%_]/g, (m) => `\\${m}`);
      const pat = x.mode === "named" ? esc : x.mode === "starts" ? `${esc}%` : x.mode === "ends" ? `%${esc}` : `%${esc}%`;
      where.push(`${C(t, cname)} ${x.negated ? "NOT ILIKE" : "ILIKE"} ${lit(pat)}`);
      cond.push(`${t}.${cname} ${x.negated ? "does not " : ""}${x.mode === "named" ? (x.negated ? "equal (ignoring case)" : "is (ignoring case)") : x.mode === "starts" ? (x.negated ? "start with" : "starts with") : x.mode === "ends" ? (x.negated ? "end with" : "ends with") : x.negated ? "contain" : "contains"} "${x.text}"`);
    } else if (x.kind === "pred") {
      const e = `${C(x.table, x.left)} ${x.op} ${C(x.table, x.right)}`;
      where.push(x.negated ? `NOT (${e})` : e);
      cond.push(`${x.negated ? "not " : ""}${x.label} (${x.table}.${x.left} ${x.op} ${x.table}.${x.right})`);
    } else if (x.kind === "null") {
      where.push(`${C(x.table, x.column)} IS NULL`);
      cond.push(`${x.table}.${x.column} is empty`);
    } else {
      const s = subject ?? fact;
      const fks = index.edges.filter((e) => e.from === x.table && e.to === s);
      if (fks.length !== 1) throw new NotUnderstood(`${x.table} is not linked to ${s} by exactly one foreign key.`);
      const st = table(index, s);
      const inner = `${q(x.table)}_x`;
      const tsql = jt["index"] ? (table(index, x.table).schema !== "public" ? `${q(table(index, x.table).schema)}.${q(x.table)}` : q(x.table)) : q(x.table);
      const link = `${inner}.${q(fks[0].fromColumn)} = ${subjAlias()}.${q(fks[0].toColumn || st.primaryKey[0])}`;
      if (x.kind === "absent") {
        where.push(`NOT EXISTS (SELECT 1 FROM ${tsql} ${inner} WHERE ${link})`);
        cond.push(`it has no ${x.table}`);
      } else {
        where.push(`(SELECT count(*) FROM ${tsql} ${inner} WHERE ${link}) ${x.op} ${x.n}`);
        cond.push(`it has ${x.op} ${x.n} ${x.table}`);
      }
    }
  }
  if (measure?.kind === "metric")
    for (const c of measure.metric.conditions) {
      const lhs = C(measure.metric.table, c.column);
      where.push(c.op === "in" || c.op === "not in" ? `${lhs} ${c.op.toUpperCase()} (${c.values.map(lit).join(", ")})` : `${lhs} ${c.op} ${lit(c.values[0])}`);
    }

  // --- Time range on the explicit date column, else the main date column of the fact/subject or its nearest parent. ---
  const timeTable = measure ? fact : (subject ?? fact);
  let dateCol: { table: string; column: CatalogColumn } | null = f.dateHint ? { table: f.dateHint.table, column: col(table(index, f.dateHint.table), f.dateHint.column)! } : null;
  if (!needDate) dateCol = null;
  if (!dateCol && needDate) {
    const own = mainDate(table(index, timeTable));
    if (own) dateCol = { table: timeTable, column: own };
    else if (table(index, timeTable).columns.some(isDate))
      throw new NotUnderstood(`${timeTable} has several date columns; which one should "${time?.phrase ?? "latest"}" apply to?`, [`Name the date column, e.g. "${timeTable} ${table(index, timeTable).columns.filter(isDate).map((c) => c.name.replace(/_/g, " "))[0]} ${time?.phrase ?? ""}".`]);
    else {
      // The nearest parent with a date, not counting the things being grouped or listed (a line's date is its order's, not its product's).
      // Tables on the way to a grouped table are dimensions too ("quantity sold by category": a line's product is not its sale).
      const dimEnds = [...groups.flatMap((g) => (g.kind === "bucket" ? [] : [g.table])), ...(subject && subject !== timeTable ? [subject] : [])];
      const dims = new Set(dimEnds);
      for (const d of dimEnds) {
        try {
          for (const e of forwardPath(index, timeTable, d) ?? []) dims.add(e.to);
        } catch {
          /* ambiguous path: no extra dimensions */
        }
      }
      const parents = index.edges.filter((e) => e.from === timeTable && !dims.has(e.to)).map((e) => e.to).filter((t) => mainDate(table(index, t)));
      if (parents.length !== 1) throw new NotUnderstood(`${timeTable} has no date column to apply "${time?.phrase ?? "latest"}" to.`);
      dateCol = { table: parents[0], column: mainDate(table(index, parents[0]))! };
    }
  }
  if (dateCol && !isDate(dateCol.column)) throw new NotUnderstood(`${dateCol.table}.${dateCol.column.name} is not a date.`);
  if (f.eventVerb && dateCol && !f.dateHint && dateCol.table === (subject ?? fact) && dateCol.table === fact)
    throw new NotUnderstood(`"sold"/"bought" with a time range would use ${dateCol.table}.${dateCol.column.name}, which is not when a sale happened.`, ["Ask about the sales table instead, e.g. \"order items last month\"."]);
  // A definition (revenue, income) over a period that has not happened yet is a forecast, not a query.
  if (time && measure?.kind === "metric" && time.start && time.start.getTime() > nowMs)
    throw new NotUnderstood(`"${time.phrase}" is in the future; ${measure.metric.name} there would be a forecast.`, ["Ask about a past period."]);
  if (time && dateCol) {
    where.push(...timeSql(C(dateCol.table, dateCol.column.name), dateCol.column, time));
    cond.push(`${dateCol.table}.${dateCol.column.name} ${describeRange(time)} ("${time.phrase}")`);
  }

  // --- SELECT list. ---
  const select: string[] = [];
  const groupBy: string[] = [];
  const orderBy: string[] = [];
  let limit: number | null = defaultLimit;
  let what = "";
  let having = "";
  const measureSql = (): { sql: string; label: string; name: string } => {
    const m = measure!;
    if (m.kind === "count") {
      if (m.distinctColumn) return { sql: `count(DISTINCT ${C(m.distinctColumn.table, m.distinctColumn.column)})`, label: `number of distinct ${m.distinctColumn.column} values of ${m.distinctColumn.table}`, name: `distinct_${m.distinctColumn.column}` };
      const t = m.table ?? fact!;
      const pk = table(index, t).primaryKey;
      if (countDistinctPk || t !== root) {
        if (pk.length !== 1) throw new NotUnderstood(`${t} has no single-column primary key to count.`);
        return { sql: `count(DISTINCT ${C(t, pk[0])})`, label: `number of ${t}`, name: `${t}_count` };
      }
      return { sql: "count(*)", label: `number of ${t}`, name: `${t}_count` };
    }
    if (m.kind === "agg") return { sql: `${m.fn}(${C(m.table, m.column)})`, label: `${{ sum: "total", avg: "average", min: "minimum", max: "maximum" }[m.fn]} ${m.table}.${m.column}`, name: `${m.fn}_${m.column}` };
    const met = m.metric;
    const outer = m.fn && m.fn !== "sum" ? m.fn : null;
    if (outer) throw new NotUnderstood(`"${met.name}" is already a ${met.fn}; ${outer} of it is not supported.`);
    const expr = met.fn === "count" ? (root === met.table ? "count(*)" : `count(DISTINCT ${C(met.table, table(index, met.table).primaryKey[0])})`) : rollupExpr ? `sum(${rollupExpr.replace(/[A-Za-z_]\w*/g, (id) => `${A(root)}.${q(id)}`)})` : `${met.fn}(${C(met.table, met.column!)})`;
    const condText = met.conditions.map((c) => `${c.column} ${c.op} ${c.values.join("/")}`).join(", ");
    return { sql: expr, label: `${met.name} (${met.fn} of ${met.table}${met.column ? "." + met.column : ""}${condText ? ` where ${condText}` : ""})`, name: met.name.replace(/\W+/g, "_") };
  };

  if (measure && aggregate) {
    const m = measureSql();
    for (const g of groups) {
      if (g.kind === "bucket") {
        if (isYearColumn(dateCol!.column)) throw new NotUnderstood(`${dateCol!.table}.${dateCol!.column.name} holds years; group by it directly.`);
        const e = `date_trunc('${g.unit}', ${C(dateCol!.table, dateCol!.column.name)})`;
        select.push(`${e} AS ${g.unit}`);
        groupBy.push(e);
        orderBy.push(e);
        words.push(`per ${g.unit} of ${dateCol!.table}.${dateCol!.column.name}`);
      } else if (g.kind === "column") {
        select.push(C(g.table, g.column));
        groupBy.push(C(g.table, g.column));
        words.push(`per ${g.table}.${g.column}`);
      } else {
        const t = table(index, g.table);
        if (t.primaryKey.length !== 1) throw new NotUnderstood(`${g.table} has no single-column primary key to group by.`);
        const keys = [t.primaryKey[0], labelColumn(t)?.name].filter((x): x is string => !!x && x !== undefined);
        for (const k of [...new Set(keys)]) {
          select.push(C(g.table, k));
          groupBy.push(C(g.table, k));
        }
        words.push(`per ${g.table}`);
      }
    }
    select.push(`${m.sql} AS ${q(m.name)}`);
    what = m.label;
    if (f.having) {
      if (!groups.length || ranked) throw new NotUnderstood("A count condition is only understood on groups, e.g. \"genres with more than 5 books\".");
      having = `HAVING ${m.sql} ${f.having.op} ${f.having.n}`;
      words.push(`keeping groups whose ${m.label} ${describeOp(f.having.op)} ${f.having.n}`);
    }
    if (ranked) {
      orderBy.length = 0;
      orderBy.push(`${q(m.name)} ${f.rank!.dir.toUpperCase()}`, ...groupBy);
      limit = f.rank!.n ?? (f.subjectSingular ? 1 : 10);
      if (f.rank!.n === null) confidence -= 0.1;
      words.push(`${f.rank!.dir === "desc" ? "highest" : "lowest"} ${limit} first`);
    } else if (!groups.length) limit = null;
    else orderBy.push(...groupBy.filter((g) => !orderBy.includes(g)));
    if (f.sort) {
      // Sorting groups is only understood by one of the grouping columns.
      const key = C(f.sort.table, f.sort.column);
      if (ranked || !groupBy.includes(key)) throw new NotUnderstood(`Sorting these groups by ${f.sort.table}.${f.sort.column} is not supported.`);
      orderBy.splice(0, orderBy.length, `${key} ${f.sort.dir.toUpperCase()}`, ...groupBy.filter((g) => g !== key));
    }
  } else {
    // Listing rows of the subject, maybe ordered by a column or by recency.
    const s = table(index, subject ?? fact);
    if (!subject && fact && !f.mentions.length) confidence -= 0.1;
    for (const c of s.columns) select.push(C(s.name, c.name));
    what = `${s.name} rows`;
    if (f.rank) {
      let ordCol: { table: string; column: string } | null = null;
      const concept = f.rank.concept ?? "";
      if (concept.startsWith("column:")) {
        const [t, c] = concept.slice(7).split(".");
        ordCol = { table: t, column: c };
      } else if (concept && CONCEPT_WORDS[concept]) {
        const c = conceptColumn(s, concept);
        if (c) ordCol = { table: s.name, column: c.name };
      } else if (concept === "") {
        const nums = numericMeasureColumns(s);
        const sized = nums.filter((c) => CONCEPT_WORDS.size.some((w) => tokenStems(c.name).includes(stem(w))));
        const pick = nums.length === 1 ? nums[0] : sized.length === 1 ? sized[0] : null;
        if (pick) ordCol = { table: s.name, column: pick.name };
      }
      if (!ordCol) throw new NotUnderstood(`I do not know what to rank ${s.name} by.`, [`Say "top 5 ${s.name} by <column>".`]);
      orderBy.push(`${C(ordCol.table, ordCol.column)} ${f.rank.dir.toUpperCase()}`);
      limit = f.rank.n ?? (f.subjectSingular ? 1 : defaultLimit);
      words.push(`ordered by ${ordCol.table}.${ordCol.column} ${f.rank.dir === "desc" ? "descending" : "ascending"}`);
    } else if (f.recency) {
      orderBy.push(`${C(dateCol!.table, dateCol!.column.name)} ${f.recency.dir.toUpperCase()}`);
      limit = f.recency.n ?? (f.subjectSingular ? 1 : defaultLimit);
      words.push(`${f.recency.dir === "desc" ? "newest" : "oldest"} first by ${dateCol!.table}.${dateCol!.column.name}`);
    }
    if (f.sort) {
      if (f.rank || f.recency) throw new NotUnderstood("A ranking and a sort order together are not supported.");
      orderBy.push(`${C(f.sort.table, f.sort.column)} ${f.sort.dir.toUpperCase()}`);
      words.push(`sorted by ${f.sort.table}.${f.sort.column} ${f.sort.dir === "desc" ? "descending" : "ascending"}`);
    }
    if (s.primaryKey.length) orderBy.push(...s.primaryKey.map((k) => C(s.name, k)));
  }
  // Every table the question named must have a part in the query: silently dropping one would answer another question.
  const inQuery = new Set([...jt.aliases.keys(), ...f.filters.filter((x) => x.kind === "absent" || x.kind === "having").map((x) => x.table)]);
  if (aggregate && f.conjoined.size) throw new NotUnderstood(`"and ${[...f.conjoined].join(", ")}" asks for a second measure or list; one per question is supported.`, ["Ask for each separately."]);
  let dropped = f.mentions.filter((t) => !inQuery.has(t));
  // "products with reviews", "doctors who have appointments": a table that references the listed one, with no condition of its own, means "has at least one".
  const presentTables: string[] = [];
  const s0 = subject ?? fact!;
  for (const t of dropped) {
    const fks = index.edges.filter((e) => e.from === t && e.to === s0);
    if (t === s0 || time || f.conjoined.has(t) || fks.length !== 1 || table(index, s0).primaryKey.length !== 1 || !jt.aliases.has(s0)) continue;
    const inner = `${q(t)}_x`;
    where.push(`EXISTS (SELECT 1 FROM ${tableSql(table(index, t))} ${inner} WHERE ${inner}.${q(fks[0].fromColumn)} = ${A(s0)}.${q(fks[0].toColumn || table(index, s0).primaryKey[0])})`);
    cond.push(`it has at least one of ${t}`);
    presentTables.push(t);
  }
  dropped = dropped.filter((t) => !presentTables.includes(t));
  if (dropped.length) throw new NotUnderstood(`I could not relate ${dropped.join(", ")} to the rest of the question.`);
  const foreign = [...f.unusedColumns].filter((c) => !c.startsWith(`${subject ?? fact}.`));
  if (foreign.length) throw new NotUnderstood(`I could not tell what to do with ${foreign.join(", ")} in this question.`);
  if (time && f.filters.some((x) => x.kind === "having" || x.kind === "absent") && !f.dateHint)
    throw new NotUnderstood(`"${time.phrase}" could apply to the listed rows or to the related rows they are counted by.`, ["Ask in two steps."]);
  if (aggregate && f.unusedColumns.size) throw new NotUnderstood(`I could not tell what to do with ${[...f.unusedColumns].join(", ")} in this question.`);
  const sql = [
    `SELECT ${select.join(", ")}`,
    `FROM ${jt.from()}`,
    where.length ? `WHERE ${where.join(" AND ")}` : "",
    groupBy.length ? `GROUP BY ${groupBy.join(", ")}` : "",
    having,
    orderBy.length ? `ORDER BY ${[...new Set(orderBy)].join(", ")}` : "",
    limit !== null ? `LIMIT ${limit}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const interp = [what.charAt(0).toUpperCase() + what.slice(1), ...words, cond.length ? `where ${cond.join(" and ")}` : "", limit !== null ? `(at most ${limit} rows)` : ""].filter(Boolean).join(" ");
  return { sql, interpretation: interp + ".", tables: [...jt.aliases.keys(), ...f.filters.filter((x) => x.kind === "absent" || x.kind === "having").map((x) => x.table), ...presentTables].filter((v, i, a) => a.indexOf(v) === i), confidence };
}

export function understand(index: SchemaIndex, question: string, now: Date): { frame: Frame; time: TimeRange | null } {
  const quotes: string[] = [];
  let text = question.replace(/(^|[\s(:=])(?:'([^']+)'|"([^"]+)"|“([^”]+)”)(?=$|[\s,.?!;:)])/g, (_m, pre: string, a?: string, b?: string, c?: string) => {
    quotes.push((a ?? b ?? c)!);
    return `${pre}\u0001${quotes.length - 1} `;
  });
  const t = extractTimeRange(text, now);
  if (t.ambiguous) throw new NotUnderstood("The question names more than one time range.", ["Ask about one time range at a time."]);
  text = t.rest;
  const toks = tokenize(text, quotes);
  // Questions people ask fit in a sentence; a wall of text is not something to guess at.
  if (toks.length > MAX_TOKENS) throw new NotUnderstood(`The question has ${toks.length} words; the offline translator reads at most ${MAX_TOKENS}.`, ["Ask one short question at a time."]);
  const items = scan(index, toks);
  const frame = buildFrame(index, items, !!t.range, question);
  frame.eventVerb = /\b(sold|bought|purchased|sells|selling)\b/i.test(text);
  if (t.range) frame.understood.push(t.range.phrase);
  return { frame, time: t.range };
}
