/**
 * `orderBy: [XOrderBy!]`: an enum per table with `COL_ASC`/`COL_DESC` for
 * each orderable column, and the full ordering a list uses — the asked
 * columns, then the row key (keyset cursors) or every orderable column
 * (positional cursors), so pages never overlap. ASC sorts NULLs last and DESC
 * first, PostgreSQL's defaults, so indexes serve both directions.
 */
import { GraphQLEnumType, type GraphQLEnumValueConfigMap } from "graphql";
import type { ApiTable, OrderTerm } from "./api-model.js";
import { col } from "./sql.js";

export function buildOrderByType(table: ApiTable): GraphQLEnumType | null {
  const values: GraphQLEnumValueConfigMap = {};
  for (const c of table.named.columns) {
    if (!table.orderable.includes(c.column.name)) continue;
    values[c.asc] = { value: { value: c.asc, column: c.column.name, asc: true } satisfies OrderTerm, description: `${c.fieldName}, ascending (NULLs last).` };
    values[c.desc] = { value: { value: c.desc, column: c.column.name, asc: false } satisfies OrderTerm, description: `${c.fieldName}, descending (NULLs first).` };
  }
  if (Object.keys(values).length === 0) return null;
  return new GraphQLEnumType({ name: table.named.orderByName, description: `Orderings of ${table.named.typeName} lists; ties are broken by the primary key.`, values });
}

export interface Ordering {
  /** Every term, the tiebreak included, in order. */
  terms: OrderTerm[];
  /** Keyset: the terms end with a row key, so a row's values locate it. Positional otherwise. */
  keyset: boolean;
  /** Names the ordering inside cursors, so a cursor of another ordering is refused. */
  signature: string;
}

/** The asked terms plus the tiebreak. */
export function resolveOrdering(table: ApiTable, asked: OrderTerm[] | null | undefined): Ordering {
  const terms: OrderTerm[] = [];
  const seen = new Set<string>();
  for (const t of asked ?? []) {
    if (seen.has(t.column)) continue;
    seen.add(t.column);
    terms.push(t);
  }
  const key = table.named.rowKey;
  const tiebreak = key ?? table.orderable;
  for (const c of tiebreak) {
    if (seen.has(c)) continue;
    seen.add(c);
    terms.push({ value: `${c}:ASC`, column: c, asc: true });
  }
  return { terms, keyset: key !== null, signature: `${table.named.typeName}:${(asked ?? []).map((t) => t.value).join(",")}` };
}

/** ORDER BY text; `reverse` flips every term (and with it where NULLs go). */
export function orderBySql(ordering: Ordering, alias: string, reverse = false): string {
  if (ordering.terms.length === 0) return "";
  return `ORDER BY ${ordering.terms.map((t) => `${col(alias, t.column)} ${t.asc !== reverse ? "ASC" : "DESC"}`).join(", ")}`;
}

/**
 * The keyset condition "row comes strictly after (or before) the cursor's values" in the ordering,
 * NULL-safe: each term is TRUE or FALSE, never NULL, so NOT of it is exact too.
 */
export function keysetCondition(ordering: Ordering, alias: string, values: Array<string | null>, params: string[], direction: "after" | "before"): string {
  const parts: string[] = [];
  ordering.terms.forEach((t, i) => {
    const c = col(alias, t.column);
    const v = values[i];
    const p = params[i]!;
    // "After" in an ASC term (or "before" in a DESC one) means greater, then the NULLs; the other two mean
    // smaller and never NULL. A NULL cursor value sits at the NULL end.
    const greater = t.asc === (direction === "after");
    const beyond = greater ? (v === null ? "FALSE" : `(${c} > ${p} OR ${c} IS NULL)`) : v === null ? `${c} IS NOT NULL` : `(${c} IS NOT NULL AND ${c} < ${p})`;
    const equalBefore = ordering.terms.slice(0, i).map((u, j) => `${col(alias, u.column)} IS NOT DISTINCT FROM ${params[j]}`);
    parts.push([...equalBefore, beyond].join(" AND "));
  });
  return parts.length === 0 ? "FALSE" : parts.map((p) => `(${p})`).join(" OR ");
}
