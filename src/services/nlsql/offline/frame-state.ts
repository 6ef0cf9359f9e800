/** What the frame builder carries from one item of the question to the next. */
import { ADDITIVE_WORDS, AVERAGED_WORDS, stem, type AggFn } from "./lexicon.js";
import { type Filter, type Frame, type Item, type Measure, NotUnderstood } from "./frame.js";
import { col, type Ref, type SchemaIndex, tokenStems } from "./schema-index.js";

export interface FrameState {
  readonly index: SchemaIndex;
  readonly items: Item[];
  /** A time range was found in the question (it is taken out before scanning). */
  readonly hasTime: boolean;
  readonly questionText: string;
  readonly frame: Frame;
  /** Tables the question names unambiguously, in order: they decide among same-phrase references. */
  readonly focus: string[];
  /** An aggregate word ("number of", "average") waiting for what it applies to. */
  fn: AggFn | "count" | null;
  /** "by" or "per" waiting for what to group (or, after a ranking, rank) by. */
  group: "by" | "group" | null;
  without: boolean;
  not: boolean;
  or: boolean;
  distinct: boolean;
  /** A comparison word ("over", "between") waiting for its number. */
  cmp: string | null;
  /** A comparison with its number(s), waiting for its column. */
  bound: { op: string; values: number[]; concept?: string } | null;
  /** "cheaper than": the comparison names a kind of column (price), found on the subject later. */
  cmpConcept: string | undefined;
  contains: string | null;
  /** The last column named that has no role yet, and its item's index. */
  lastColumn: { table: string; column: string } | null;
  lastColumnIdx: number;
  /** The column right before a comparison word ("total greater than 250"): what is compared. */
  cmpCol: { table: string; column: string } | null;
  /** The last item was a grouping: "and" after it adds another grouping ("by channel and status"). */
  lastWasGroup: boolean;
  /** A number not yet placed: a row count for a ranking that follows, or a column's value. */
  pendingNum: number | null;
  /** A superlative ("most", "cheapest") and the kind of column it names ("" when it names none). */
  sup: { dir: "desc" | "asc"; concept: string } | null;
  lastFilter: Filter | null;
  /** Tables grouped with "by" ("books by authors"): a later condition on them makes "by" ambiguous (grouped by, or written by?). */
  readonly byTables: Set<string>;
  /** The event table of "never borrowed": a following mention of it or its parent ("a book") is the verb's object, not a new table. */
  absorb: string | null;
  /** "genres with more than 5 books": waits for the counted table. */
  pendingHaving: { op: string; n: number } | null;
  /** "best-selling", "best rated": ranked by a kind of column, resolved once the subject is known. */
  rankConcept: string | null;
  /** The words that set the aggregate: "total orders" counts them, "how much … products" does not. */
  fnText: string;
  /** "cost(s)/costing" as a verb: only understood before a comparison ("that cost over 300"). */
  verbPrice: boolean;
  /** The absence came from a negated verb ("do not", "haven't"): before a value it is a plain "not". */
  negVerb: boolean;
  /** Index of the item that last became the measure (or the ranking measure). */
  measureItem: number;
  /** "what countries …": the distinct values of a column may be what is asked. */
  valuesAsked: string | null;
  /** "sorted by": the next column is the sort key; "ordered by" only when a column of a named table follows (else it may mean "bought by"). */
  sortPending: "sure" | "column-only" | null;
  sortDir: "asc" | "desc" | null;
}

export function newFrameState(index: SchemaIndex, items: Item[], hasTime: boolean, questionText: string, focus: string[]): FrameState {
  const frame: Frame = { mentions: [], measure: null, groups: [], rank: null, recency: null, filters: [], dateHint: null, understood: [], subjectSingular: false, unusedColumns: new Set(), eventVerb: false, having: null, rankUncombined: null, sort: null, conjoined: new Set() };
  return {
    index, items, hasTime, questionText, frame, focus,
    fn: null, group: null, without: false, not: false, or: false, distinct: false, cmp: null, bound: null, cmpConcept: undefined, contains: null,
    lastColumn: null, lastColumnIdx: -1, cmpCol: null, lastWasGroup: false, pendingNum: null, sup: null, lastFilter: null, byTables: new Set<string>(),
    absorb: null, pendingHaving: null, rankConcept: null, fnText: "", verbPrice: false, negVerb: false, measureItem: -1, valuesAsked: null, sortPending: null, sortDir: null,
  };
}

/** A column named and then given a role is no longer left over. */
export function markUsed(s: FrameState, c: { table: string; column: string } | null): void {
  if (c) s.frame.unusedColumns.delete(`${c.table}.${c.column}`);
}

export function takePendingNumber(s: FrameState): number | null {
  const n = s.pendingNum;
  s.pendingNum = null;
  return n;
}

/**
 * Ends a phrase: clears the words that only qualify what follows them. `keepFn`: a filter between an aggregate word
 * and its table keeps the aggregate ("number of enterprise clients"). A negation, "or" or "distinct" still pending
 * here was not applied to anything: dropping it would answer another question.
 */
export function endPhrase(s: FrameState, keepFn = false): void {
  if (s.not || s.without) throw new NotUnderstood(`I could not tell what "${s.not ? "not" : "without"}" applies to here.`, ["Put the negation right before a value, e.g. \"orders not delivered\"."]);
  if (s.or) throw new NotUnderstood(`"or" is only understood between values of one column ("France or Spain").`);
  if (s.distinct) throw new NotUnderstood(`"distinct" is only understood in a count ("number of distinct countries").`);
  if (!keepFn) s.fn = null;
  // "products under 100 in toys": a comparison still waiting for its column is kept, for the render to place or refuse.
  const b = s.bound as { op: string; values: number[]; concept?: string } | null;
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

export function addFilter(s: FrameState, x: Filter): void {
  if (s.or) throw new NotUnderstood(`"or" is only understood between values of one column ("France or Spain").`);
  s.frame.filters.push(x);
  s.lastFilter = x;
}

/** What a reference measures under the pending aggregate word; null when it is no measure. */
export function measureOf(s: FrameState, r: Ref): Measure | null {
  if (r.t === "metric") return { kind: "metric", metric: r.metric, fn: s.fn ?? undefined };
  if (r.t === "table" && s.fn === "count") return { kind: "count", table: r.table };
  if (r.t === "column") {
    const c = col(s.index.tables.get(r.table)!, r.column)!;
    if (s.fn === "count") return { kind: "count", table: r.table, distinctColumn: { table: r.table, column: r.column } };
    if (s.fn && (c.kind === "integer" || c.kind === "number" || ((s.fn === "min" || s.fn === "max") && (c.kind === "timestamp" || c.kind === "date"))))
      return { kind: "agg", fn: s.fn, table: r.table, column: r.column };
    if (!s.fn && s.group === "by" && (c.kind === "integer" || c.kind === "number") && (s.frame.rank || s.sup)) {
      // "top 5 products by quantity" adds up; "by rating" averages; "by price" across rows is ambiguous.
      const names = [c.name, ...c.synonyms].flatMap((n) => tokenStems(n));
      const how = AVERAGED_WORDS.some((w) => names.includes(stem(w))) ? "avg" : ADDITIVE_WORDS.some((w) => names.includes(stem(w))) ? "sum" : null;
      if (how) return { kind: "agg", fn: how, table: r.table, column: r.column };
      s.frame.rankUncombined = `${r.table}.${r.column}`;
      return { kind: "agg", fn: "sum", table: r.table, column: r.column };
    }
  }
  return null;
}
