/**
 * Compiles a write into one statement that also answers the selection: the
 * data-modifying statement in a WITH, its RETURNING rows read by the same
 * row JSON as queries (`WITH m AS (INSERT … RETURNING *) SELECT … FROM m`).
 * The SELECT sees the database as it was before the write for every other
 * table (PostgreSQL's snapshot rule for data-modifying WITH).
 */
import type { GraphQLResolveInfo } from "graphql";
import { BadUserInputError } from "../errors.js";
import type { ApiTable } from "./api-model.js";
import type { CompiledStatement } from "./compile.js";
import { rowJson } from "./compile.js";
import type { PageContext, PageLimits } from "./connection.js";
import { filterSql } from "./filter.js";
import type { NamedColumn } from "./naming.js";
import { collectFields } from "./selection.js";
import { and, col, quoteIdent, SqlBuilder } from "./sql.js";

function context(limits: PageLimits, info: GraphQLResolveInfo, q: SqlBuilder): PageContext {
  const ctx: PageContext = { ...limits, q, scope: { fragments: info.fragments, variableValues: info.variableValues }, rowJson: (t, a, s, p) => rowJson(t, a, s, ctx, p) };
  return ctx;
}

/** The row JSON of the written rows: one object, or an array (with the row count, to bound it). */
function answer(table: ApiTable, write: string, info: GraphQLResolveInfo, ctx: PageContext, many: boolean): string {
  const m = ctx.q.alias("m");
  const selection = collectFields(table.type, info.fieldNodes, ctx.scope);
  const row = rowJson(table, m, selection, ctx, info.fieldName);
  return many
    ? `WITH ${m} AS (${write}) SELECT (SELECT count(*) FROM ${m})::int AS n, (SELECT coalesce(json_agg(${row}), '[]'::json) FROM ${m}) AS data`
    : `WITH ${m} AS (${write}) SELECT ${row} AS data FROM ${m}`;
}

/** Columns a create may set, by field name. */
export type WritableColumns = Map<string, NamedColumn>;

function values(table: ApiTable, columns: WritableColumns, input: Record<string, unknown>, q: SqlBuilder): Map<string, string> {
  const out = new Map<string, string>();
  for (const [field, value] of Object.entries(input)) {
    const c = columns.get(field);
    if (!c) continue;
    out.set(c.column.name, q.param(table.codecs.get(c.column.name)!.param(value)));
  }
  return out;
}

export function compileCreate(table: ApiTable, columns: WritableColumns, inputs: Array<Record<string, unknown>>, info: GraphQLResolveInfo, limits: PageLimits, many: boolean): CompiledStatement {
  const q = new SqlBuilder();
  const ctx = context(limits, info, q);
  const rows = inputs.map((input) => values(table, columns, input, q));
  // Columns any input sets, in table order; an input without one of them takes its DEFAULT.
  const names = table.named.columns.map((c) => c.column.name).filter((n) => rows.some((r) => r.has(n)));
  const target = names.length ? names : [table.named.table.columns[0]!.name];
  const list = rows.map((r) => `(${target.map((n) => r.get(n) ?? "DEFAULT").join(", ")})`).join(", ");
  const write = `INSERT INTO ${table.sqlName} (${target.map(quoteIdent).join(", ")}) VALUES ${list} RETURNING *`;
  return { text: answer(table, write, info, ctx, many), params: q.params };
}

function keyCondition(table: ApiTable, alias: string, args: Record<string, unknown>, q: SqlBuilder): string {
  return and(table.named.primaryKey!.map((k) => `${col(alias, k.column.name)} = ${q.param(table.codecs.get(k.column.name)!.param(args[k.fieldName]))}`));
}

function setList(table: ApiTable, columns: WritableColumns, patch: Record<string, unknown>, q: SqlBuilder, path: string): string {
  const sets = [...values(table, columns, patch, q)].map(([name, p]) => `${quoteIdent(name)} = ${p}`);
  if (!sets.length) throw new BadUserInputError(`${path}(patch): the patch sets no field; give at least one of ${[...columns.keys()].join(", ")}.`, { problems: [{ field: `${path}.patch`, message: "empty" }] });
  return sets.join(", ");
}

/** Refuses `{}`: a many-row write names the rows it means. */
function requiredFilter(table: ApiTable, filter: Record<string, unknown>, alias: string, q: SqlBuilder, path: string): string {
  const cond = filterSql(table, filter, alias, q, `${path}(filter)`);
  if (!cond) {
    throw new BadUserInputError(`${path}(filter): the filter names no condition; a write to many rows must say which (to mean every row, say so, e.g. a key column with isNull: false).`, { problems: [{ field: `${path}.filter`, message: "empty" }] });
  }
  return cond;
}

export function compileUpdate(table: ApiTable, columns: WritableColumns, args: Record<string, unknown>, info: GraphQLResolveInfo, limits: PageLimits, many: boolean): CompiledStatement {
  const q = new SqlBuilder();
  const ctx = context(limits, info, q);
  const t = q.alias("t");
  const set = setList(table, columns, args.patch as Record<string, unknown>, q, info.fieldName);
  const where = many ? requiredFilter(table, args.filter as Record<string, unknown>, t, q, info.fieldName) : keyCondition(table, t, args, q);
  return { text: answer(table, `UPDATE ${table.sqlName} AS ${t} SET ${set} WHERE ${where} RETURNING ${t}.*`, info, ctx, many), params: q.params };
}

export function compileDelete(table: ApiTable, args: Record<string, unknown>, info: GraphQLResolveInfo, limits: PageLimits, many: boolean): CompiledStatement {
  const q = new SqlBuilder();
  const ctx = context(limits, info, q);
  const t = q.alias("t");
  const where = many ? requiredFilter(table, args.filter as Record<string, unknown>, t, q, info.fieldName) : keyCondition(table, t, args, q);
  return { text: answer(table, `DELETE FROM ${table.sqlName} AS ${t} WHERE ${where} RETURNING ${t}.*`, info, ctx, many), params: q.params };
}
