/**
 * What a failed data-API statement means to the caller: a value PostgreSQL
 * refused (class 22) or a constraint it violated (class 23) is the caller's
 * to fix, `BAD_USER_INPUT` naming the field and the constraint; a lost
 * connection is DATABASE_UNAVAILABLE; anything else stays unexpected.
 */
import { BadUserInputError, GatewayError, toGatewayError } from "../errors.js";
import type { ApiTable } from "./api-model.js";

interface PgError {
  code?: string;
  message?: string;
  detail?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

const VIOLATION: Record<string, string> = {
  "23505": "unique",
  "23503": "foreign key",
  "23502": "not-null",
  "23514": "check",
  "23P01": "exclusion",
};

/** The GraphQL field names of the columns an error names (NOT NULL's column, a key's columns in its detail). */
function fieldsOf(table: ApiTable | null, e: PgError): string[] {
  const cols: string[] = [];
  if (e.column) cols.push(e.column);
  const m = /^Key \((.+?)\)=/.exec(e.detail ?? "");
  if (m) cols.push(...m[1]!.split(",").map((s) => s.trim().replace(/^"(.*)"$/, "$1")));
  if (!cols.length && e.constraint && table) {
    const k = [table.named.table.primaryKey, ...table.named.table.uniques].find((u) => u?.name === e.constraint) ?? table.named.table.foreignKeys.find((f) => f.name === e.constraint);
    if (k) cols.push(...k.columns);
  }
  return cols.map((c) => table?.named.columns.find((x) => x.column.name === c)?.fieldName ?? c);
}

export function toDataApiError(err: unknown, table: ApiTable | null, path: string): unknown {
  if (err instanceof GatewayError) return err;
  const mapped = toGatewayError(err);
  if (mapped !== err) return mapped;
  const e = err as PgError;
  const code = typeof e.code === "string" ? e.code : "";
  if (VIOLATION[code]) {
    const fields = fieldsOf(table, e);
    const where = fields.length ? `${fields.join(", ")}: ` : "";
    const message = `${path}: ${where}violates the ${VIOLATION[code]} constraint ${e.constraint ? `"${e.constraint}"` : ""}${e.table && table ? ` of ${table.named.typeName}` : ""} (${e.detail ?? e.message}).`.replace(/ +/g, " ");
    return new BadUserInputError(message, { constraint: e.constraint ?? null, fields, problems: fields.map((f) => ({ field: f, message: `${VIOLATION[code]} constraint ${e.constraint ?? ""}`.trim() })) });
  }
  if (code.startsWith("22")) {
    return new BadUserInputError(`${path}: PostgreSQL refused a value: ${e.message}${e.detail ? ` (${e.detail})` : ""}.`, { sqlState: code });
  }
  return err;
}
