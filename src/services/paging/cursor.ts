/**
 * Opaque keyset cursors: base64url(JSON [list, ...key values as text]). A cursor
 * names the list it was made for, so one list's cursor is refused by another;
 * its values are the row's sort keys exactly as PostgreSQL printed them, so
 * bigints and microsecond timestamps survive the round trip.
 */
import { BadUserInputError } from "../errors.js";

export type KeyType = "int" | "bigint" | "text" | "uuid" | "timestamptz";

const INT32 = 2_147_483_647n;
const INT64 = 9_223_372_036_854_775_807n;

/** Whether a cursor value can be cast to the key's SQL type; checked here so a forged cursor never reaches SQL as an error. */
const valid: Record<KeyType, (v: string) => boolean> = {
  int: (v) => /^-?\d{1,10}$/.test(v) && BigInt(v) <= INT32 && BigInt(v) >= -INT32 - 1n,
  bigint: (v) => /^-?\d{1,19}$/.test(v) && BigInt(v) <= INT64 && BigInt(v) >= -INT64 - 1n,
  text: () => true,
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  // As the keyset SQL prints them: UTC, microseconds, e.g. 2026-01-02T03:04:05.123456Z.
  timestamptz: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v) && !Number.isNaN(Date.parse(v)),
};

export function encodeCursor(list: string, values: string[]): string {
  return Buffer.from(JSON.stringify([list, ...values]), "utf8").toString("base64url");
}

function badCursor(arg: string, cursor: string, why: string, list: string): BadUserInputError {
  const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
  const advice = arg === "before" ? "pageInfo.startCursor" : "pageInfo.endCursor";
  return new BadUserInputError(
    `${arg} is not a valid cursor ("${shown}": ${why}). Pass ${advice} (or an edge's cursor) from a previous page of ${list}, unchanged.`,
    { problems: [{ field: arg, message: why }] },
  );
}

/** The key values a cursor of `list` holds; BAD_USER_INPUT for anything this API did not issue for that list. */
export function decodeCursor(arg: "after" | "before", cursor: string, list: string, types: readonly KeyType[]): string[] {
  const foreign = "not a cursor issued by this API";
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor(arg, cursor, foreign, list);
  }
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === "string")) throw badCursor(arg, cursor, foreign, list);
  const [owner, ...values] = parsed as string[];
  if (owner !== list) throw badCursor(arg, cursor, `it was made for ${owner}, not for ${list}`, list);
  if (values.length !== types.length || !values.every((v, i) => valid[types[i]!](v))) throw badCursor(arg, cursor, foreign, list);
  return values;
}
