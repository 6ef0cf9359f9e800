/**
 * Checks `first`/`after`/`last`/`before` and turns them into a window: which
 * way to read, how many rows, and the cursors' key values. A size outside
 * 1..MAX_PAGE_SIZE is refused, never clamped.
 */
import { BadUserInputError } from "../errors.js";
import { decodeCursor, type KeyType } from "./cursor.js";
import { DEFAULT_PAGE_SIZE, type PageArgs, type PageLimits } from "./types.js";

export interface PageWindow {
  /** True when paging with `last`: the rows nearest `before` (or the end), returned in list order. */
  backward: boolean;
  size: number;
  /** Key values of the `after` cursor: only rows past it. */
  after: string[] | null;
  /** Key values of the `before` cursor: only rows ahead of it. */
  before: string[] | null;
}

function checkSize(arg: "first" | "last", n: number, max: number): void {
  if (Number.isInteger(n) && n >= 1 && n <= max) return;
  const onward = arg === "first" ? "page on with after: pageInfo.endCursor" : "page back with before: pageInfo.startCursor";
  throw new BadUserInputError(`${arg} must be between 1 and ${max} (MAX_PAGE_SIZE); got ${n}. Ask for at most ${max} and ${onward}.`, {
    problems: [{ field: arg, message: `must be between 1 and ${max}` }],
    maxPageSize: max,
  });
}

/** The window a list reads; `list` names the list in cursors and messages, `keys` are the types of its sort keys. */
export function pageWindow(args: PageArgs, limits: PageLimits, list: string, keys: readonly KeyType[]): PageWindow {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first !== null && last !== null) {
    throw new BadUserInputError(`Pass first or last, not both (got first: ${first}, last: ${last}): first pages forward after a cursor, last pages backward before one.`, {
      problems: [{ field: "last", message: "not allowed together with first" }],
    });
  }
  if (first !== null) checkSize("first", first, limits.maxPageSize);
  if (last !== null) checkSize("last", last, limits.maxPageSize);
  return {
    backward: last !== null,
    size: first ?? last ?? Math.min(limits.defaultPageSize ?? DEFAULT_PAGE_SIZE, limits.maxPageSize),
    after: args.after != null ? decodeCursor("after", args.after, list, keys) : null,
    before: args.before != null ? decodeCursor("before", args.before, list, keys) : null,
  };
}
