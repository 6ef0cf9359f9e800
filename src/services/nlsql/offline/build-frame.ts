/** Turns the scanned items of a question into a frame, refusing whatever it cannot place. */
import { ADDITIVE_WORDS, AVERAGED_WORDS, RANK_CONCEPTS, splitWords, stem, lemma, type AggFn } from "./lexicon.js";
import { isDate, labelColumn } from "./catalog-columns.js";
import { type Filter, type Frame, type Item, type Measure, NotUnderstood } from "./frame.js";
import { OPS } from "./scan.js";
import { col, type Ref, type SchemaIndex, tokenStems } from "./schema-index.js";

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

export function buildFrame(index: SchemaIndex, items: Item[], hasTime = false, questionText = ""): Frame {
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
      const verbDate = it.refs.find((x): x is Ref & { t: "column" } => x.t === "column" && x.table === r.table && isDate(col(index.tables.get(x.table)!, x.column)!));
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
    if (bound && !isDate(c)) {
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
    const eventTable = isDate(c) && !c.nullable && column.table !== f.mentions[0] ? column.table : null;
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
    if (isDate(c)) f.dateHint = column;
    else if (f.mentions.length === 0 && !f.measure && (c.kind === "text" || c.kind === "enum") && !contains && items[i + 1]?.k !== "quote" && f.rank) {
      // "top 3 countries by …": the ranked things are values of a column.
      f.rank.columnGroup = column;
      f.subjectSingular = !!it.singular;
      lastColumn = column;
      lastColumnIdx = i;
      continue;
    }
    if (!isDate(c)) f.unusedColumns.add(`${column.table}.${column.column}`);
    // "what countries are our customers in": a question about a categorical column's values, named before its table.
    if (!isDate(c) && !f.mentions.length && (c.enumValues || c.knownValues) && /^\s*(what|which)\b/i.test(questionText)) valuesAsked = `${column.table}.${column.column}`;
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
