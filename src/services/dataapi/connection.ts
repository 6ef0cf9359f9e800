/**
 * Relay connections: `XConnection { nodes, edges { cursor node }, pageInfo,
 * totalCount }` per table (reusing the host schema's PageInfo), the paging
 * arguments, and the one SQL expression that answers a page: the rows of the
 * page (one more than asked, to know whether another page follows) numbered
 * in order, each row's JSON built only for the rows kept, aggregated by
 * PostgreSQL. totalCount and the "is there a page before" checks are
 * computed only when selected.
 */
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLOutputType,
} from "graphql";
import { BadUserInputError } from "../errors.js";
import type { ApiTable, OrderTerm } from "./api-model.js";
import { cursorSql, decodeCursor } from "./cursor.js";
import { filterSql } from "./filter.js";
import { keysetCondition, orderBySql, resolveOrdering, type Ordering } from "./order-by.js";
import { collectFields, type RequestScope, type SelectedField } from "./selection.js";
import { and, col, jsonObject, SqlBuilder } from "./sql.js";

export function buildConnectionTypes(table: ApiTable, pageInfoType: GraphQLOutputType): { connection: GraphQLObjectType; edge: GraphQLObjectType } {
  const n = table.named;
  const edge = new GraphQLObjectType({
    name: n.edgeName,
    description: `One ${n.typeName} in a list, with its position.`,
    fields: () => ({
      cursor: { type: new GraphQLNonNull(GraphQLString), description: "Opaque position of this row; pass it as `after` (or `before`) to page from here." },
      node: { type: new GraphQLNonNull(table.type) },
    }),
  });
  const connection = new GraphQLObjectType({
    name: n.connectionName,
    description: `A page of ${n.typeName} rows.`,
    fields: () => ({
      nodes: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(table.type))), description: "The rows of this page, in order." },
      edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))), description: "The rows of this page with their cursors." },
      pageInfo: { type: new GraphQLNonNull(pageInfoType) },
      totalCount: { type: new GraphQLNonNull(GraphQLInt), description: "How many rows match the filter, over all pages." },
    }),
  });
  return { connection, edge };
}

export function connectionArgs(table: ApiTable, limits: PageLimits): GraphQLFieldConfigArgumentMap {
  const args: GraphQLFieldConfigArgumentMap = {
    first: { type: GraphQLInt, description: `The first n rows (after \`after\`); at most ${limits.maxPageSize}. Default ${limits.defaultPageSize} when neither first nor last is given.` },
    after: { type: GraphQLString, description: "Start after this cursor." },
    last: { type: GraphQLInt, description: `The last n rows (before \`before\`); at most ${limits.maxPageSize}.` },
    before: { type: GraphQLString, description: "End before this cursor." },
    filter: { type: table.filterType, description: "Only rows matching this filter." },
  };
  if (table.orderByType) {
    args.orderBy = { type: new GraphQLList(new GraphQLNonNull(table.orderByType)), description: `Order of the rows; ties and the default are ${table.named.rowKey ? `by ${table.named.rowKey.join(", ")} ascending` : "by every orderable column"}.` };
  }
  return args;
}

export interface PageLimits {
  maxPageSize: number;
  defaultPageSize: number;
}

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  filter?: Record<string, unknown> | null;
  orderBy?: OrderTerm[] | null;
}

export interface PageContext extends PageLimits {
  q: SqlBuilder;
  scope: RequestScope;
  /** JSON of one row of `table` aliased `alias` for a selection (compile.ts). */
  rowJson(table: ApiTable, alias: string, selection: Map<string, SelectedField>, path: string): string;
}

function pageSize(args: PageArgs, limits: PageLimits, path: string): { size: number; backward: boolean } {
  const problem = (arg: string, message: string) => new BadUserInputError(`${path}(${arg}): ${message}`, { problems: [{ field: `${path}.${arg}`, message }], maxPageSize: limits.maxPageSize });
  const has = (v: unknown) => v !== null && v !== undefined;
  if (has(args.first) && has(args.last)) throw problem("first, last", "give first or last, not both");
  for (const arg of ["first", "last"] as const) {
    const v = args[arg];
    if (!has(v)) continue;
    if (v! < 0) throw problem(arg, `${arg} must be 0 or more, got ${v}`);
    if (v! > limits.maxPageSize) {
      throw problem(arg, `${arg}: ${v} is more than the maximum page size ${limits.maxPageSize}; ask for at most ${limits.maxPageSize} and continue with ${arg === "first" ? "after: pageInfo.endCursor" : "before: pageInfo.startCursor"}`);
    }
  }
  if (has(args.last)) return { size: args.last!, backward: true };
  return { size: has(args.first) ? args.first! : limits.defaultPageSize, backward: false };
}

const I = `"__kz_i"`;
const C = `"__kz_c"`;
const N = `"__kz_n"`;

/**
 * The JSON of one connection over `table`: `correlate(alias)` joins it to a parent row (a relation
 * connection) or is null (a root list).
 */
export function connectionSql(table: ApiTable, args: PageArgs, field: SelectedField, ctx: PageContext, correlate: ((alias: string) => string[]) | null, path: string): string {
  const { q, scope } = ctx;
  const { size, backward } = pageSize(args, ctx, path);
  const ordering = resolveOrdering(table, args.orderBy);

  const sel = collectFields(table.connectionType, field.nodes, scope);
  const edgeSel = sel.get("edges") ? collectFields(table.edgeType, sel.get("edges")!.nodes, scope) : null;
  const pageInfoType = (table.connectionType.getFields().pageInfo!.type as GraphQLNonNull<GraphQLObjectType>).ofType;
  const pageSel = sel.get("pageInfo") ? collectFields(pageInfoType, sel.get("pageInfo")!.nodes, scope) : null;
  const nodeNodes = [...(sel.get("nodes")?.nodes ?? []), ...(edgeSel?.get("node")?.nodes ?? [])];
  const wantRows = nodeNodes.length > 0;
  const wantCursor = Boolean(edgeSel?.has("cursor") || pageSel?.has("startCursor") || pageSel?.has("endCursor"));
  const needPage = wantRows || wantCursor || Boolean(pageSel?.has("hasNextPage") || pageSel?.has("hasPreviousPage"));

  const c = "c";
  // Nothing but __typename selected: the filter is still checked, but its parameters must not reach the statement.
  if (!needPage && !sel.has("totalCount")) {
    filterSql(table, args.filter, c, new SqlBuilder(), `${path}(filter)`);
    resolvePlan(table, ordering, args, size, backward, () => "TRUE", () => "0", { ...ctx, q: new SqlBuilder() }, path);
    return jsonObject([]);
  }
  const base = and([...(correlate ? correlate(c) : []), filterSql(table, args.filter, c, q, `${path}(filter)`)]);
  const countSql = () => `(SELECT count(*) FROM ${table.sqlName} ${c} WHERE ${base})`;

  // Built even when no row is selected: it checks the cursors, which are wrong whatever is selected.
  const plan = resolvePlan(table, ordering, args, size, backward, () => base, countSql, ctx, path);
  if (needPage) {
    const r = q.alias("r");
    const p = q.alias("p");
    // Parameters are allocated on first use: PostgreSQL refuses a statement with a parameter it never meets.
    let limitParam: string | null = null;
    const limit = () => (limitParam ??= q.int(size));
    const cols = [`row_number() OVER () AS ${I}`];
    if (wantCursor) cols.push(`${plan.cursor(r)} AS ${C}`);
    if (wantRows) {
      const nodeSel = collectFields(table.type, nodeNodes, scope);
      cols.push(`CASE WHEN row_number() OVER () <= ${limit()} THEN ${ctx.rowJson(table, r, nodeSel, `${path}.nodes`)} END AS ${N}`);
    }
    const kept = () => `FILTER (WHERE ${p}.${I} <= ${limit()})`;
    const inOrder = `ORDER BY ${p}.${I}${backward && plan.reversed ? " DESC" : ""}`;
    const inReverse = `ORDER BY ${p}.${I}${backward && plan.reversed ? "" : " DESC"}`;
    const pageOut: Array<[string, string]> = [];
    if (sel.has("nodes")) pageOut.push(["nodes", `coalesce(json_agg(${p}.${N} ${inOrder}) ${kept()}, '[]'::json)`]);
    if (edgeSel) {
      const e: Array<[string, string]> = [];
      if (edgeSel.has("cursor")) e.push(["cursor", `${p}.${C}`]);
      if (edgeSel.has("node")) e.push(["node", `${p}.${N}`]);
      pageOut.push(["edges", `coalesce(json_agg(${jsonObject(e)} ${inOrder}) ${kept()}, '[]'::json)`]);
    }
    if (pageSel) {
      const info: Array<[string, string]> = [];
      const more = `count(*) > ${limit()}`;
      if (pageSel.has("hasNextPage")) info.push(["hasNextPage", plan.beyondEnd() ?? more]);
      if (pageSel.has("hasPreviousPage")) info.push(["hasPreviousPage", plan.beforeStart() ?? more]);
      if (pageSel.has("startCursor")) info.push(["startCursor", `(array_agg(${p}.${C} ${inOrder}) ${kept()})[1]`]);
      if (pageSel.has("endCursor")) info.push(["endCursor", `(array_agg(${p}.${C} ${inReverse}) ${kept()})[1]`]);
      pageOut.push(["pageInfo", jsonObject(info)]);
    }
    if (sel.has("totalCount")) pageOut.push(["totalCount", countSql()]);
    return `(SELECT ${jsonObject(pageOut)} FROM (SELECT ${cols.join(", ")} FROM ${plan.from(r)}) ${p})`;
  }
  return jsonObject([["totalCount", countSql()]]);
}

function resolvePlan(table: ApiTable, ordering: Ordering, args: PageArgs, size: number, backward: boolean, base: () => string, count: () => string, ctx: PageContext, path: string): Plan {
  return ordering.keyset ? keysetPlan(table, ordering, args, size, backward, base, ctx, path) : positionalPlan(table, ordering, args, size, backward, base, count, ctx, path);
}

interface Plan {
  /** FROM text producing the page's rows in order, aliased as given. */
  from(alias: string): string;
  cursor(alias: string): string;
  /** The rows were fetched in reverse (keyset `last`): aggregate in descending row number. */
  reversed: boolean;
  /** SQL boolean: rows exist after the page's end; null = "fetched more than the page" (count(*) > limit). */
  beyondEnd(): string | null;
  /** SQL boolean: rows exist before the page's start; null = "fetched more than the page". */
  beforeStart(): string | null;
}

function keysetPlan(table: ApiTable, ordering: Ordering, args: PageArgs, size: number, backward: boolean, base: () => string, ctx: PageContext, path: string): Plan {
  const { q } = ctx;
  const c = "c";
  const decode = (arg: "after" | "before") => {
    const v = args[arg];
    if (v === null || v === undefined) return null;
    const d = decodeCursor(v, ordering.signature, true, ordering.terms.length, `${path}(${arg})`);
    const values = d.kind === "keyset" ? d.values : [];
    let params: string[] | null = null;
    return { values, params: () => (params ??= values.map((x) => q.param(x))) };
  };
  const after = decode("after");
  const before = decode("before");
  const afterCond = (alias: string) => (after ? keysetCondition(ordering, alias, after.values, after.params(), "after") : null);
  const beforeCond = (alias: string) => (before ? keysetCondition(ordering, alias, before.values, before.params(), "before") : null);
  const exists = (cond: string) => `EXISTS (SELECT 1 FROM ${table.sqlName} ${c} WHERE ${and([base(), `NOT (${cond})`])})`;
  return {
    from: (alias) => `(SELECT ${c}.* FROM ${table.sqlName} ${c} WHERE ${and([base(), afterCond(c), beforeCond(c)])} ${orderBySql(ordering, c, backward)} LIMIT ${q.int(size + 1)}) ${alias}`,
    cursor: (alias) => cursorSql(ordering.signature, ordering.terms.map((t) => `(${col(alias, t.column)})::text`)),
    reversed: backward,
    // Forward: a next page = more rows than the page; backward: rows at or after `before`. Mirrored for the previous page.
    beyondEnd: () => (backward ? (before ? exists(beforeCond(c)!) : "FALSE") : null),
    beforeStart: () => (backward ? null : after ? exists(afterCond(c)!) : "FALSE"),
  };
}

function positionalPlan(table: ApiTable, ordering: Ordering, args: PageArgs, size: number, backward: boolean, base: () => string, count: () => string, ctx: PageContext, path: string): Plan {
  const { q } = ctx;
  const c = "c";
  const position = (arg: "after" | "before") => {
    const v = args[arg];
    if (v === null || v === undefined) return null;
    const d = decodeCursor(v, ordering.signature, false, 0, `${path}(${arg})`);
    return d.kind === "position" ? d.position : 0;
  };
  const k = position("after") ?? 0;
  const b = position("before");
  const o = q.alias("o");
  let offset: () => string;
  let fetch: number;
  let beyondEnd: () => string | null;
  let beforeStart: () => string | null;
  if (!backward) {
    // Within `before`, the window ends at b - 1: no extra row is fetched past it.
    const window = b === null ? Infinity : Math.max(0, b - 1 - k);
    fetch = Math.min(size + 1, window);
    offset = () => q.int(k);
    beyondEnd = () => null;
    beforeStart = () => (k > 0 ? "TRUE" : "FALSE");
  } else if (b !== null) {
    const start = Math.max(k + 1, b - size);
    fetch = Math.max(0, b - start);
    offset = () => q.int(start - 1);
    beyondEnd = () => `${count()} >= ${q.int(b)}`;
    beforeStart = () => (start - 1 > k ? "TRUE" : "FALSE");
  } else {
    fetch = size;
    offset = () => `GREATEST(${q.int(k)}, ${count()} - ${q.int(size)})`;
    beyondEnd = () => "FALSE";
    beforeStart = () => `${count()} - ${q.int(size)} > ${q.int(k)}`;
  }
  return {
    // The offset is computed once in a lateral row, not per page row.
    from: (alias) => `(SELECT ${offset()} AS off) ${o} CROSS JOIN LATERAL (SELECT ${c}.* FROM ${table.sqlName} ${c} WHERE ${base()} ${orderBySql(ordering, c)} OFFSET ${o}.off LIMIT ${q.int(fetch)}) ${alias}`,
    cursor: () => cursorSql(ordering.signature, [`'@'`, `(${o}.off + row_number() OVER ())::text`]),
    reversed: false,
    beyondEnd,
    beforeStart,
  };
}
