/**
 * Cursor pagination over Prisma, ordered by one field plus id as the
 * tie-breaker. A cursor is base64url(JSON [sortField, id]) and only valid for
 * the same ordering. Positions are resolved by Prisma's own cursor (the row's
 * stored values, compared in SQL), so microsecond timestamps and numeric
 * values never lose precision in a round-trip through JavaScript. A cursor
 * whose row was deleted yields an empty page.
 */
import { BadUserInputError } from "../errors.js";
import type { Direction, Page } from "./types.js";

export interface SortSpec {
  /** Prisma field name, e.g. "orderedAt". */
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

type OrderBy = Array<Record<string, "asc" | "desc">>;

export interface PaginateArgs<R extends Row, T> {
  request: PageRequest;
  maxPageSize: number;
  sort: SortSpec;
  where: Record<string, unknown>;
  findMany(args: { where: Record<string, unknown>; orderBy: OrderBy; take: number; cursor?: { id: number }; skip?: number }): Promise<R[]>;
  count(args: { where: Record<string, unknown> }): Promise<number>;
  map(row: R): T;
}

/** Fetches one page (first + 1 rows, to know whether there is a next page); totalCount is counted only when read. */
export async function paginate<R extends Row, T>(a: PaginateArgs<R, T>): Promise<Page<T>> {
  checkFirst(a.request.first, a.maxPageSize);
  const afterId = a.request.after ? decodeCursor(a.request.after, a.sort) : null;
  const dir = a.sort.direction === "ASC" ? "asc" : "desc";
  const orderBy: OrderBy = a.sort.field === "id" ? [{ id: dir }] : [{ [a.sort.field]: dir }, { id: dir }];
  const rows = await a.findMany({
    where: a.where,
    orderBy,
    take: a.request.first + 1,
    ...(afterId !== null && { cursor: { id: afterId }, skip: 1 }),
  });
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
      counted ??= a.count({ where: a.where });
      return counted;
    },
  };
}
