/**
 * Apollo plugin that answers query operations from the result cache when
 * every root field has a cache policy: `extensions.cacheTables` (and
 * optionally `extensions.cacheTtlSeconds`) on the field in the schema the
 * operation was validated against (generated fields), or a @CacheRead
 * decorator (code-first fields). A hit skips execution
 * entirely (Apollo has already reused the parsed and validated document), and
 * says so: `extensions.cached: true` and `x-cache: HIT`. Misses, mutations,
 * subscriptions and errors are never stored.
 *
 * A caller's `Cache-Control` request header is honoured as HTTP caches do:
 * `no-cache` runs the operation instead of answering from the cache (the
 * fresh answer is still stored), `no-store` stores nothing. With both the
 * cache is out of the request's way entirely (`x-cache: BYPASS`).
 */
import type { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import type { GatewayContext } from "../context.js";
import { cachePolicyOf, type CacheLookup, type CacheReadOptions, type ResultCache } from "../services/cache/index.js";

interface OperationPolicy {
  tables: string[];
  ttlSeconds: number;
}

/** What a root field's schema extensions say about caching it, if anything. */
interface CacheExtensions {
  /** Every table the field (and the relations it can expand into) reads, by SQL name. */
  cacheTables?: unknown;
  cacheTtlSeconds?: unknown;
}

/** A root Query field's policy: its schema extensions first (generated fields), then the @CacheRead registry. */
function fieldPolicy(schema: GraphQLSchema, field: string): CacheReadOptions | undefined {
  const ext = schema.getQueryType()?.getFields()[field]?.extensions as CacheExtensions | undefined;
  const tables = ext?.cacheTables;
  if (Array.isArray(tables) && tables.every((t) => typeof t === "string")) {
    const ttl = ext!.cacheTtlSeconds;
    return { tables, ttlSeconds: typeof ttl === "number" && ttl > 0 ? ttl : undefined };
  }
  return cachePolicyOf(field);
}

/** The combined policy of an operation's root fields, or null when any of them is not cacheable. */
function policyOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, defaultTtl: number): OperationPolicy | null {
  if (operation.operation !== "query") return null;
  const tables = new Set<string>();
  let ttl = Infinity;
  let fields = 0;
  const visit = (set: SelectionSetNode, seen: Set<string>): boolean => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === "__typename") continue;
        const p = fieldPolicy(schema, sel.name.value);
        if (!p) return false;
        fields++;
        for (const t of p.tables) tables.add(t);
        ttl = Math.min(ttl, p.ttlSeconds ?? defaultTtl);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!visit(sel.selectionSet, seen)) return false;
      } else {
        const name = sel.name.value;
        if (seen.has(name)) continue;
        seen.add(name);
        const frag = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
        if (!frag || frag.kind !== Kind.FRAGMENT_DEFINITION || !visit(frag.selectionSet, seen)) return false;
      }
    }
    return true;
  };
  if (!visit(operation.selectionSet, new Set()) || fields === 0) return null;
  return { tables: [...tables].sort(), ttlSeconds: ttl };
}

/** What a request's Cache-Control header allows the result cache to do. */
export function cacheDirectives(header: string | undefined): { read: boolean; write: boolean } {
  if (!header) return { read: true, write: true };
  const directives = header.toLowerCase().split(",").map((d) => d.trim());
  return { read: !directives.includes("no-cache"), write: !directives.includes("no-store") };
}

export function responseCachePlugin(cache: ResultCache): ApolloServerPlugin<GatewayContext> {
  // Apollo hands out the same OperationDefinitionNode for a repeated query text, so the policy is worked out
  // once per schema (a reload gives new documents anyway; weak keys let old schemas and documents go).
  const policiesBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, OperationPolicy | null>>();
  return {
    async requestDidStart() {
      let lookup: CacheLookup<Record<string, unknown>> | null = null;
      let policy: OperationPolicy | null = null;
      let hit = false;
      let allowed = { read: true, write: true };
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          const op = rc.operation;
          let policies = policiesBySchema.get(rc.schema);
          if (!policies) policiesBySchema.set(rc.schema, (policies = new WeakMap()));
          policy = policies.get(op) ?? null;
          if (!policies.has(op)) {
            policy = policyOf(rc.schema, rc.document, op, cache.defaultTtlSeconds);
            policies.set(op, policy);
          }
          if (!policy) return null;
          allowed = cacheDirectives(rc.request.http?.headers.get("cache-control"));
          if (!allowed.read && !allowed.write) return null;
          lookup = await cache.lookup<Record<string, unknown>>(
            {
              documentHash: rc.queryHash ?? rc.source ?? "",
              operationName: rc.operationName ?? null,
              variables: rc.request.variables,
              scope: rc.contextValue.auth.scope,
              tables: policy.tables,
            },
            { read: allowed.read },
          );
          const data = lookup.value;
          if (data === undefined) return null;
          hit = true;
          return {
            http: { status: undefined, headers: new HeaderMap([["x-cache", "HIT"]]) },
            body: { kind: "single", singleResult: { data, extensions: { cached: true } } },
          };
        },
        async willSendResponse(rc) {
          if (hit) return;
          rc.response.http.headers.set("x-cache", policy && !allowed.read && !allowed.write ? "BYPASS" : "MISS");
          const body = rc.response.body;
          if (!lookup || !policy || !allowed.write || body.kind !== "single") return;
          const result = body.singleResult;
          if (result.errors?.length || !result.data) return;
          await cache.store(lookup, result.data, policy.ttlSeconds);
        },
      };
    },
  };
}
