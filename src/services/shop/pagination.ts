/**
 * Cursor pagination in plain SQL, ordered by one field plus id as the
 * tie-breaker. A cursor is base64url(JSON [sortField, id]) and only valid for
 * the same ordering. Positions are resolved from the cursor row's stored
 * values, compared in SQL, so microsecond timestamps and numeric values never
 * lose precision in a round-trip through JavaScript. A cursor whose row was
 * deleted yields an empty page.
 */
import type { SqlRunner } from "../db/index.js";
import { BadUserInputError } from "../errors.js";
import type { Direction, Page } from "./types.js";

export interface SortSpec {
  /** Field name (columns.ts), e.g. "orderedAt". */
  field: string;
  direction: Direction;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

type Row = { id: number };

/** `first` must be 1..max: asking for more is an error, never a silent clamp. */
export function checkFirst(first: number, maxPageSize: number, argName = "first"): void {
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw new BadUserInputError(
      `${argName} must be between 1 and ${maxPageSize} (MAX_PAGE_SIZE); got ${first}. Ask for at most ${maxPageSize} and page on with after: pageInfo.endCursor.`,
      { problems: [{ field: argName, message: `must be between 1 and ${maxPageSize}` }], maxPageSize },
    );
  }
}

export function encodeCursor(row: Row, spec: SortSpec): string {
  return Buffer.from(JSON.stringify([spec.field, row.id])).toString("base64url");
}

function badCursor(cursor: string, why: string): BadUserInputError {
  const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
  return new BadUserInputError(
    `after is not a valid cursor ("${shown}": ${why}). Pass pageInfo.endCursor (or an edge's cursor) from a previous page of the same query, unchanged.`,
    { problems: [{ field: "after", message: why }] },
  );
}

/** The row id a cursor made for `spec` points at; throws BAD_USER_INPUT for anything else. */
export function decodeCursor(cursor: string, spec: SortSpec): number {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor(cursor, "not a cursor issued by this API");
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw badCursor(cursor, "not a cursor issued by this API");
  const [field, id] = parsed as [unknown, unknown];
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1) throw badCursor(cursor, "not a cursor issued by this API");
  if (field !== spec.field) throw badCursor(cursor, `it was made for ordering by ${String(field)}, this query orders by ${spec.field}`);
  return id;
}

/** The conditions of a list query, with their parameters numbered as they are added. */
export class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds one condition; `param(v)` gives the placeholder of a new parameter holding v. */
  add(build: (param: (value: unknown) => string) => string): void {
    this.parts.push(
      build((value) => {
        this.params.push(value);
        return `$${this.params.length}`;
      }),
    );
  }
}

/** `%text%` for ILIKE, with the pattern characters of `text` matched literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface PaginateArgs<R extends Row, T> {
  request: PageRequest;
  maxPageSize: number;
  sort: SortSpec;
  /** The table read, its columns by field name (sort fields are among them), and what to select. */
  table: string;
  columns: Readonly<Record<string, string>>;
  select: string;
  where: Conditions;
  query: SqlRunner["query"];
  map(row: R): T;
}

/**
 * Fetches one page (first + 1 rows, to know whether there is a next page); totalCount is counted only when read.
 * After a cursor, rows follow the cursor row's stored values in SQL (`(sort, id) > (SELECT sort, id …)`), as
 * Prisma's cursors did: a cursor whose row was deleted gives an empty page.
 */
export async function paginate<R extends Row, T>(a: PaginateArgs<R, T>): Promise<Page<T>> {
  checkFirst(a.request.first, a.maxPageSize);
  const afterId = a.request.after ? decodeCursor(a.request.after, a.sort) : null;
  const dir = a.sort.direction === "ASC" ? "ASC" : "DESC";
  const column = a.columns[a.sort.field];
  if (!column) throw new Error(`${a.table} has no sort field ${a.sort.field}`);
  const key = column === "id" ? "id" : `${column}, id`;
  const where = new Conditions();
  where.parts.push(...a.where.parts);
  where.params.push(...a.where.params);
  const filtered = where.parts.length ? `WHERE ${where.parts.join(" AND ")}` : "";
  if (afterId !== null) where.add((p) => `(${key}) ${dir === "ASC" ? ">" : "<"} (SELECT ${key} FROM ${a.table} WHERE id = ${p(afterId)}::int)`);
  const limit = where.params.length + 1;
  const { rows } = await a.query<R>(
    `SELECT ${a.select} FROM ${a.table} ${where.parts.length ? `WHERE ${where.parts.join(" AND ")}` : ""} ORDER BY ${column === "id" ? `id ${dir}` : `${column} ${dir}, id ${dir}`} LIMIT $${limit}::int`,
    [...where.params, a.request.first + 1],
  );
  const pageRows = rows.slice(0, a.request.first);
  const edges = pageRows.map((r) => ({ cursor: encodeCursor(r, a.sort), node: a.map(r) }));
  let counted: Promise<number> | undefined;
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: rows.length > a.request.first,
      hasPreviousPage: afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      counted ??= a.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${a.table} ${filtered}`, a.where.params).then((r) => r.rows[0]!.n);
      return counted;
    },
  };
}
