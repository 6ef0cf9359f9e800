/**
 * The pieces every compiled statement is made of: parameters ($n, always
 * text or null, typed by PostgreSQL from the column they meet), unique table
 * aliases, quoted identifiers, and JSON objects that stay clear of
 * json_build_object's 100-argument limit.
 */
import { quoteIdent, quoteLiteral } from "../db/index.js";

export { quoteIdent, quoteLiteral };

export class SqlBuilder {
  readonly params: Array<string | null> = [];
  private aliases = 0;

  param(value: string | null): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** A parameter holding a whole number (LIMIT, OFFSET, comparisons with count(*)). */
  int(value: number): string {
    return `${this.param(String(value))}::int8`;
  }

  alias(prefix: string): string {
    return `${prefix}${this.aliases++}`;
  }
}

/** `alias."column"`. */
export const col = (alias: string, column: string) => `${alias}.${quoteIdent(column)}`;

/** Keys are GraphQL names (checked by the schema), so they are written as literals and the statement text stays the same across variables. */
const key = (k: string) => `'${k.replace(/'/g, "''")}'`;

/** A JSON object of [key, SQL expression] pairs; above 50 pairs, jsonb chunks joined (json_build_object takes at most 100 arguments). */
export function jsonObject(pairs: Array<[string, string]>): string {
  if (pairs.length <= 50) return `json_build_object(${pairs.map(([k, v]) => `${key(k)}, ${v}`).join(", ")})`;
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) {
    chunks.push(`jsonb_build_object(${pairs.slice(i, i + 50).map(([k, v]) => `${key(k)}, ${v}`).join(", ")})`);
  }
  return `(${chunks.join(" || ")})::json`;
}

export const and = (conds: Array<string | null | undefined>) => {
  const list = conds.filter((c): c is string => Boolean(c));
  return list.length === 0 ? "TRUE" : list.length === 1 ? list[0]! : list.map((c) => `(${c})`).join(" AND ");
};
export const or = (conds: string[]) => (conds.length === 0 ? "FALSE" : conds.length === 1 ? conds[0]! : conds.map((c) => `(${c})`).join(" OR "));
