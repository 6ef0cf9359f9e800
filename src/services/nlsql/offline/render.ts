/** Renders a frame as one SELECT, with a plain-English restatement of what it does. */
import type { CatalogColumn } from "../../catalog/types.js";
import { conceptColumn, isDate, isYearColumn, labelColumn, mainDate, numericMeasureColumns, table } from "./catalog-columns.js";
import { type Filter, type Frame, type Group, type Measure, NotUnderstood } from "./frame.js";
import { CONCEPT_WORDS, COUNTRY_NAME, stem } from "./lexicon.js";
import { col, type SchemaIndex, tokenStems } from "./schema-index.js";
import { forwardPath, JoinTree, lit, q, tableSql } from "./sql-builder.js";
import { describeRange, type TimeRange } from "./time-range.js";

export interface Rendered {
  sql: string;
  interpretation: string;
  tables: string[];
  confidence: number;
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
  // A metric with conditions (revenue: paid orders only) filters on its own table, which must then be joined.
  if (measure?.kind === "metric" && measure.metric.conditions.length > 0) needed.add(measure.metric.table);
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
      const tsql = tableSql(table(index, x.table));
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
