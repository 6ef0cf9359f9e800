/**
 * Resolvers of the generated fields. A root field compiles its selection into
 * one statement and runs it through the request's database (`ctx.services.db`);
 * the fields below read the JSON PostgreSQL built. Only relation lists need a
 * resolver there (their JSON key is `@responseKey`, one per set of
 * arguments); columns and single relations are plain properties, which
 * graphql-jit reads inline.
 */
import type { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import type { SqlRunner } from "../db/index.js";
import type { ApiTable } from "./api-model.js";
import { compileList, compileLookup, type CompiledStatement } from "./compile.js";
import type { PageArgs, PageLimits } from "./connection.js";
import type { NamedLookup } from "./naming.js";
import { toDataApiError } from "./pg-errors.js";
import { argumentedKey } from "./selection.js";

/** What the data API needs of the request context (the gateway's GatewayContext has it). */
export interface DataApiContext {
  services: {
    db: SqlRunner & { transaction<T>(fn: (tx: SqlRunner) => Promise<T>, opts?: { readOnly?: boolean }): Promise<T> };
    cache: { invalidateTables(tables: string[]): Promise<unknown> };
  };
}

async function run(db: SqlRunner, st: CompiledStatement, table: ApiTable, path: string): Promise<unknown> {
  try {
    const res = await db.query<{ data: unknown }>(st.text, st.params);
    return res.rows[0]?.data ?? null;
  } catch (err) {
    throw toDataApiError(err, table, path);
  }
}

const pathOf = (info: GraphQLResolveInfo) => String(info.path.key);

export function lookupResolver(table: ApiTable, lookup: NamedLookup, limits: PageLimits): GraphQLFieldResolver<unknown, DataApiContext> {
  return (_source, args, ctx, info) => run(ctx.services.db, compileLookup(table, lookup, args, info, limits), table, pathOf(info));
}

export function listResolver(table: ApiTable, limits: PageLimits): GraphQLFieldResolver<unknown, DataApiContext> {
  return (_source, args, ctx, info) => run(ctx.services.db, compileList(table, args as PageArgs, info, limits), table, pathOf(info));
}

/** A relation list inside a row: already in the row's JSON under `@responseKey`. */
export const relationListResolver: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) => source[argumentedKey(String(info.path.key))];
