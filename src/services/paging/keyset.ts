/**
 * Keyset paging over one table in plain SQL: a list declares its table, columns,
 * filter and a unique sort order, and gets Relay connections with exact
 * hasNextPage/hasPreviousPage, both directions and a lazy totalCount. Positions
 * are compared in SQL on the columns themselves (never on their text), so a
 * cursor continues exactly where its row was, even if that row is gone since.
 */
import type { SqlRunner } from "../db/index.js";
import { quoteIdent } from "../db/index.js";
import { encodeCursor, type KeyType } from "./cursor.js";
import { pageWindow } from "./page-window.js";
import type { ConnectionShape, PageArgs, PageLimits } from "./types.js";

export interface SortKey {
  /** A NOT NULL column of the table. The last key must make the order unique (a primary key). */
  column: string;
  type: KeyType;
  descending?: boolean;
}

export interface KeysetList<Row, Node> {
  /** Names the list in cursors and messages, e.g. "jobs"; a cursor is only valid for the list that made it. */
  name: string;
  /** The table to read (FROM). */
  table: string;
  /** The select list, over the table's columns unqualified. */
  select: string;
  /** Filter conditions (ANDed) with placeholders $1… over `params`. */
  where?: string[];
  params?: unknown[];
  order: SortKey[];
  map(row: Row): Node;
}

const ROW = "page_row";
const KEY_ALIAS = "__page_key_";
const sqlTypes: Record<KeyType, string> = { int: "integer", bigint: "bigint", text: "text", uuid: "uuid", timestamptz: "timestamptz" };

const col = (k: SortKey) => `${ROW}.${quoteIdent(k.column)}`;

/** A key as the cursor holds it: a timestamp in UTC with its microseconds whatever the session's DateStyle, the rest as PostgreSQL prints them. */
function keyText(k: SortKey): string {
  return k.type === "timestamptz" ? `to_char(${col(k)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `${col(k)}::text`;
}

/**
 * The rows past a position (`side` "after") or ahead of it ("before") in list order, optionally including the
 * position itself. One row comparison when every key runs the same way (it can use a matching index), else
 * the expanded lexicographic form.
 */
function positionSql(order: SortKey[], values: string[], side: "after" | "before", inclusive: boolean, params: unknown[]): string {
  const refs = order.map((k, i) => {
    params.push(values[i]);
    return `$${params.length}::${sqlTypes[k.type]}`;
  });
  const op = (k: SortKey) => ((side === "after") !== Boolean(k.descending) ? ">" : "<");
  const eq = inclusive ? "=" : "";
  if (order.every((k) => op(k) === op(order[0]!))) {
    return `(${order.map(col).join(", ")}) ${op(order[0]!)}${eq} (${refs.join(", ")})`;
  }
  const terms = order.map((k, i) => [...order.slice(0, i).map((p, j) => `${col(p)} = ${refs[j]}`), `${col(k)} ${op(k)} ${refs[i]}`].join(" AND "));
  if (inclusive) terms.push(order.map((k, j) => `${col(k)} = ${refs[j]}`).join(" AND "));
  return `(${terms.map((t) => `(${t})`).join(" OR ")})`;
}

const whereSql = (conds: string[]) => (conds.length ? ` WHERE ${conds.join(" AND ")}` : "");

/** Whether any row of the filter lies at or beyond the position on that side. */
async function anyAt<R, N>(db: SqlRunner, list: KeysetList<R, N>, values: string[], side: "after" | "before"): Promise<boolean> {
  const params = [...(list.params ?? [])];
  const conds = [...(list.where ?? []), positionSql(list.order, values, side, true, params)];
  const res = await db.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${list.table} AS ${ROW}${whereSql(conds)}) AS found`, params);
  return res.rows[0]!.found === true;
}

/** A lazily computed value: the query runs the first time the field is read, once. */
function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** One page of a list as a Relay connection. */
export async function keysetPage<Row extends object, Node>(db: SqlRunner, list: KeysetList<Row, Node>, args: PageArgs, limits: PageLimits): Promise<ConnectionShape<Node>> {
  const keyTypes = list.order.map((k) => k.type);
  const w = pageWindow(args, limits, list.name, keyTypes);
  const params = [...(list.params ?? [])];
  const conds = [...(list.where ?? [])];
  if (w.after) conds.push(positionSql(list.order, w.after, "after", false, params));
  if (w.before) conds.push(positionSql(list.order, w.before, "before", false, params));
  const orderBy = list.order.map((k) => `${col(k)} ${Boolean(k.descending) !== w.backward ? "DESC" : "ASC"}`).join(", ");
  const keys = list.order.map((k, i) => `${keyText(k)} AS ${KEY_ALIAS}${i}`).join(", ");
  const res = await db.query<Row>(`SELECT ${list.select}, ${keys} FROM ${list.table} AS ${ROW}${whereSql(conds)} ORDER BY ${orderBy} LIMIT ${w.size + 1}`, params);

  const more = res.rows.length > w.size;
  const rows = more ? res.rows.slice(0, w.size) : res.rows;
  if (w.backward) rows.reverse();
  const edges = rows.map((row) => {
    const keyed = row as Record<string, unknown>;
    const values = list.order.map((_, i) => {
      const v = keyed[`${KEY_ALIAS}${i}`];
      delete keyed[`${KEY_ALIAS}${i}`];
      return String(v);
    });
    return { cursor: encodeCursor(list.name, values), node: list.map(row) };
  });

  // The side the page was read towards is known from the extra row; the other side is asked only when selected.
  const after = w.after;
  const before = w.before;
  const previous = w.backward ? more : after ? lazy(() => anyAt(db, list, after, "before")) : false;
  const next = !w.backward ? more : before ? lazy(() => anyAt(db, list, before, "after")) : false;
  const count = lazy(async () => {
    const r = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${list.table} AS ${ROW}${whereSql(list.where ?? [])}`, list.params ?? []);
    return Number(r.rows[0]!.n);
  });
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      get hasNextPage() {
        return typeof next === "function" ? next() : next;
      },
      get hasPreviousPage() {
        return typeof previous === "function" ? previous() : previous;
      },
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return count();
    },
  };
}
