/**
 * Opaque cursors: base64 of a JSON array [ordering signature, values…] where
 * each value is the PostgreSQL text of an order column (exact for every type),
 * or ["…", "@", position] for positional cursors of lists without a key.
 * PostgreSQL writes them; decoding checks they belong to the same list and
 * ordering before their values become parameters.
 */
import { BadUserInputError } from "../errors.js";
import { quoteLiteral } from "./sql.js";

/** SQL text of a cursor from its parts (each an SQL expression of type text). */
export function cursorSql(signature: string, parts: string[]): string {
  // base64 breaks lines every 76 characters; a cursor is one line.
  return `translate(encode(convert_to(json_build_array(${[quoteLiteral(signature), ...parts].join(", ")})::text, 'UTF8'), 'base64'), E'\\n', '')`;
}

export type DecodedCursor = { kind: "keyset"; values: Array<string | null> } | { kind: "position"; position: number };

export function decodeCursor(cursor: string, signature: string, keyset: boolean, valueCount: number, argPath: string): DecodedCursor {
  const refuse = (why: string) =>
    new BadUserInputError(`${argPath}: ${why}. Pass a cursor this list returned (edges.cursor or pageInfo.endCursor/startCursor) with the same orderBy.`, {
      problems: [{ field: argPath, message: why }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
  } catch {
    throw refuse("not a cursor");
  }
  if (!Array.isArray(parsed) || parsed[0] !== signature) {
    throw refuse(Array.isArray(parsed) && typeof parsed[0] === "string" ? "the cursor belongs to another list or ordering" : "not a cursor");
  }
  if (!keyset) {
    const pos = Number(parsed[2]);
    if (parsed[1] !== "@" || parsed.length !== 3 || !Number.isSafeInteger(pos) || pos < 0) throw refuse("not a cursor of this list");
    return { kind: "position", position: pos };
  }
  const values = parsed.slice(1);
  if (values.length !== valueCount || values.some((v) => v !== null && typeof v !== "string")) throw refuse("not a cursor of this list");
  return { kind: "keyset", values: values as Array<string | null> };
}
