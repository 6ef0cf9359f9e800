/**
 * Compiles the selection of one root field into one SQL statement whose
 * single value is the field's JSON, built by PostgreSQL: columns through
 * their codecs, forward relations as correlated subqueries, relation lists
 * as page subqueries (connection.ts). Table and column names are quoted
 * identifiers; every value is a parameter.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { ApiTable } from "./api-model.js";
import { connectionSql, type PageArgs, type PageContext, type PageLimits } from "./connection.js";
import type { NamedLookup } from "./naming.js";
import { collectFields, type RequestScope, type SelectedField } from "./selection.js";
import { and, col, jsonObject, SqlBuilder } from "./sql.js";

export interface CompiledStatement {
  text: string;
  params: Array<string | null>;
}

function context(limits: PageLimits, scope: RequestScope, q: SqlBuilder): PageContext {
  const ctx: PageContext = {
    ...limits,
    q,
    scope,
    rowJson: (table, alias, selection, path) => rowJson(table, alias, selection, ctx, path),
  };
  return ctx;
}

const scopeOf = (info: GraphQLResolveInfo): RequestScope => ({ fragments: info.fragments, variableValues: info.variableValues });

/** The JSON object of one row of `table` (aliased `alias`) with the selected fields, keyed as selection.ts says. */
export function rowJson(table: ApiTable, alias: string, selection: Map<string, SelectedField>, ctx: PageContext, path: string): string {
  const pairs: Array<[string, string]> = [];
  for (const f of selection.values()) {
    const spec = table.fields.get(f.fieldName);
    if (!spec) continue;
    if (spec.kind === "column") {
      pairs.push([f.key, spec.codec.read(col(alias, spec.column.column.name))]);
      continue;
    }
    const r = spec.relation;
    const join = (other: string) => r.join.map(([mine, theirs]) => `${col(other, theirs)} = ${col(alias, mine)}`);
    const here = `${path}.${f.responseKey}`;
    if (r.kind === "backwardMany") {
      pairs.push([f.key, connectionSql(spec.target, f.args as PageArgs, f, ctx, join, here)]);
      continue;
    }
    const other = ctx.q.alias("t");
    const sub = collectFields(spec.target.type, f.nodes, ctx.scope);
    pairs.push([f.key, `(SELECT ${rowJson(spec.target, other, sub, ctx, here)} FROM ${spec.target.sqlName} ${other} WHERE ${and(join(other))})`]);
  }
  return jsonObject(pairs);
}

/** `order(id: 1) { … }`: the row's JSON, or no row. */
export function compileLookup(table: ApiTable, lookup: NamedLookup, args: Record<string, unknown>, info: GraphQLResolveInfo, limits: PageLimits): CompiledStatement {
  const q = new SqlBuilder();
  const ctx = context(limits, scopeOf(info), q);
  const t = q.alias("t");
  const where = lookup.args.map((a) => `${col(t, a.column.name)} = ${q.param(table.codecs.get(a.column.name)!.param(args[a.fieldName]))}`);
  const selection = collectFields(table.type, info.fieldNodes, ctx.scope);
  return { text: `SELECT ${rowJson(table, t, selection, ctx, info.fieldName)} AS data FROM ${table.sqlName} ${t} WHERE ${and(where)}`, params: q.params };
}

/** `orders(first: 20, filter: …) { … }`: the connection's JSON. */
export function compileList(table: ApiTable, args: PageArgs, info: GraphQLResolveInfo, limits: PageLimits): CompiledStatement {
  const q = new SqlBuilder();
  const ctx = context(limits, scopeOf(info), q);
  const responseKey = info.fieldNodes[0]!.alias?.value ?? info.fieldName;
  const field: SelectedField = { key: responseKey, fieldName: info.fieldName, responseKey, nodes: [...info.fieldNodes], args: args as Record<string, unknown> };
  return { text: `SELECT ${connectionSql(table, args, field, ctx, null, responseKey)} AS data`, params: q.params };
}
