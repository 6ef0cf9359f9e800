/**
 * Resolvers of the generated fields. A root field compiles its selection into
 * one statement and runs it through the request's database (`ctx.services.db`);
 * the fields below read the JSON PostgreSQL built. Only relation lists need a
 * resolver there (their JSON key is `@responseKey`, one per set of
 * arguments); columns and single relations are plain properties, which
 * graphql-jit reads inline.
 */
import { createHash } from "node:crypto";
import type { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import type { SqlRunner } from "../db/index.js";
import type { ApiTable } from "./api-model.js";
import { compileList, compileLookup, type CompiledStatement } from "./compile.js";
import { compileCreate, compileDelete, compileUpdate } from "./compile-mutation.js";
import type { WriteSpec } from "./mutations.js";
import { BadUserInputError } from "../errors.js";
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

/**
 * Names for prepared statements: a read's text depends on the operation's shape, not on its values, so an
 * application's few operations are parsed and planned once per connection (order(id) nested: ~430 → ~140 µs
 * of database time here). Bounded: past MAX_PREPARED distinct texts, new ones run unprepared, so a client
 * sending ever new operations cannot grow every connection's memory.
 */
export class PreparedStatements {
  private readonly names = new Map<string, string | null>();
  constructor(private readonly max = 256) {}

  nameFor(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined) {
      name = this.names.size < this.max ? `dataapi_${createHash("sha1").update(text).digest("hex").slice(0, 24)}` : null;
      if (name !== null || this.names.size < this.max * 4) this.names.set(text, name);
    }
    return name ?? undefined;
  }
}

async function run(db: SqlRunner, st: CompiledStatement, table: ApiTable, path: string, prepared: PreparedStatements): Promise<unknown> {
  try {
    const name = prepared.nameFor(st.text);
    const res = await db.query<{ data: unknown }>(st.text, st.params, name ? { prepareAs: name } : {});
    return res.rows[0]?.data ?? null;
  } catch (err) {
    throw toDataApiError(err, table, path);
  }
}

const pathOf = (info: GraphQLResolveInfo) => String(info.path.key);

export function lookupResolver(table: ApiTable, lookup: NamedLookup, limits: PageLimits, prepared: PreparedStatements): GraphQLFieldResolver<unknown, DataApiContext> {
  return (_source, args, ctx, info) => run(ctx.services.db, compileLookup(table, lookup, args, info, limits), table, pathOf(info), prepared);
}

export function listResolver(table: ApiTable, limits: PageLimits, prepared: PreparedStatements): GraphQLFieldResolver<unknown, DataApiContext> {
  return (_source, args, ctx, info) => run(ctx.services.db, compileList(table, args as PageArgs, info, limits), table, pathOf(info), prepared);
}

/** A relation list inside a row: already in the row's JSON under `@responseKey`. */
export const relationListResolver: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) => source[argumentedKey(String(info.path.key))];

/**
 * Runs a write and drops the cached results of every table it changed. A filtered many-row write runs in
 * a transaction, so one that changes more rows than a page may hold is rolled back instead of answered
 * (a create of many is bounded by its input list already).
 */
async function write(ctx: DataApiContext, st: CompiledStatement, spec: WriteSpec, limits: PageLimits, path: string, shape: "one" | "many" | "boundedMany", touched: string[]): Promise<unknown> {
  const { db, cache } = ctx.services;
  let data: unknown;
  let changed: number;
  try {
    if (shape === "many") {
      const row = (await db.query<{ n: number; data: unknown }>(st.text, st.params)).rows[0]!;
      data = row.data;
      changed = row.n;
    } else if (shape === "boundedMany") {
      const res = await db.transaction(async (tx) => {
        const r = await tx.query<{ n: number; data: unknown }>(st.text, st.params);
        const row = r.rows[0]!;
        if (row.n > limits.maxPageSize) {
          throw new BadUserInputError(`${path}: the filter matches ${row.n} rows, more than the ${limits.maxPageSize} one write may change; nothing was changed. Narrow the filter, or write in parts.`, { maxPageSize: limits.maxPageSize, matched: row.n });
        }
        return row;
      });
      data = res.data;
      changed = res.n;
    } else {
      const r = await db.query<{ data: unknown }>(st.text, st.params);
      data = r.rows[0]?.data ?? null;
      changed = r.rows.length;
    }
  } catch (err) {
    throw toDataApiError(err, spec.table, path);
  }
  if (changed > 0) await cache.invalidateTables(touched);
  return data;
}

function checkCount(path: string, n: number, limits: PageLimits): void {
  if (n > limits.maxPageSize) {
    throw new BadUserInputError(`${path}(inputs): ${n} rows are more than the ${limits.maxPageSize} one call may create; send them in parts (or use ingest for bulk loads).`, { maxPageSize: limits.maxPageSize, problems: [{ field: `${path}.inputs`, message: "too many" }] });
  }
}

export function createResolver(spec: WriteSpec, limits: PageLimits, many: boolean): GraphQLFieldResolver<unknown, DataApiContext> {
  return async (_source, args, ctx, info) => {
    const inputs = (many ? args.inputs : [args.input]) as Array<Record<string, unknown>>;
    checkCount(info.fieldName, inputs.length, limits);
    if (inputs.length === 0) return [];
    return write(ctx, compileCreate(spec.table, spec.insertable, inputs, info, limits, many), spec, limits, info.fieldName, many ? "many" : "one", [spec.table.cacheTag]);
  };
}

export function updateResolver(spec: WriteSpec, limits: PageLimits, many: boolean): GraphQLFieldResolver<unknown, DataApiContext> {
  return async (_source, args, ctx, info) => write(ctx, compileUpdate(spec.table, spec.updatable, args, info, limits, many), spec, limits, info.fieldName, many ? "boundedMany" : "one", spec.touches.update);
}

export function deleteResolver(spec: WriteSpec, limits: PageLimits, many: boolean): GraphQLFieldResolver<unknown, DataApiContext> {
  return async (_source, args, ctx, info) => write(ctx, compileDelete(spec.table, args, info, limits, many), spec, limits, info.fieldName, many ? "boundedMany" : "one", spec.touches.delete);
}
