import { HeaderMap } from "@apollo/server";
import { Kind } from "graphql";
import { cachePolicyOf } from "../services/cache/index.js";
function policyOf(document, operation, defaultTtl) {
  if (operation.operation !== "query") return null;
  const tables = /* @__PURE__ */ new Set();
  let ttl = Infinity;
  let fields = 0;
  const visit = (set, seen) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === "__typename") continue;
        const p = cachePolicyOf(sel.name.value);
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
  if (!visit(operation.selectionSet, /* @__PURE__ */ new Set()) || fields === 0) return null;
  return { tables: [...tables].sort(), ttlSeconds: ttl };
}
function cacheDirectives(header) {
  if (!header) return { read: true, write: true };
  const directives = header.toLowerCase().split(",").map((d) => d.trim());
  return { read: !directives.includes("no-cache"), write: !directives.includes("no-store") };
}
function responseCachePlugin(cache) {
  const policies = /* @__PURE__ */ new WeakMap();
  return {
    async requestDidStart() {
      let lookup = null;
      let policy = null;
      let hit = false;
      let allowed = { read: true, write: true };
      return {
        async responseForOperation(rc) {
          const op = rc.operation;
          policy = policies.get(op) ?? null;
          if (!policies.has(op)) {
            policy = policyOf(rc.document, op, cache.defaultTtlSeconds);
            policies.set(op, policy);
          }
          if (!policy) return null;
          allowed = cacheDirectives(rc.request.http?.headers.get("cache-control"));
          if (!allowed.read && !allowed.write) return null;
          lookup = await cache.lookup(
            {
              documentHash: rc.queryHash ?? rc.source ?? "",
              operationName: rc.operationName ?? null,
              variables: rc.request.variables,
              scope: rc.contextValue.auth.scope,
              tables: policy.tables
            },
            { read: allowed.read }
          );
          const data = lookup.value;
          if (data === void 0) return null;
          hit = true;
          return {
            http: { status: void 0, headers: new HeaderMap([["x-cache", "HIT"]]) },
            body: { kind: "single", singleResult: { data, extensions: { cached: true } } }
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
        }
      };
    }
  };
}
export {
  cacheDirectives,
  responseCachePlugin
};
