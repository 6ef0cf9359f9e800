var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? __getOwnPropDesc(target, key) : target;
  for (var i = decorators.length - 1, decorator; i >= 0; i--)
    if (decorator = decorators[i])
      result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) __defProp(target, key, result);
  return result;
};
var __decorateParam = (index, decorator) => (target, key) => decorator(target, key, index);
import { Ctx, Query, Resolver } from "type-graphql";
import { GatewayStatsType, TableCountType } from "../schema/observability.type.js";
import { CacheRead } from "../services/cache/index.js";
import { DEMO_TABLES } from "../services/observability/index.js";
let ObservabilityResolver = class {
  gatewayStats(ctx) {
    return ctx.services.observability.gatewayStats();
  }
  tableCounts(ctx) {
    return ctx.services.observability.tableCounts();
  }
};
__decorateClass([
  Query(() => GatewayStatsType, { description: "Pool, cache and per-operation timing figures (the same as GET /metrics)." }),
  __decorateParam(0, Ctx())
], ObservabilityResolver.prototype, "gatewayStats", 1);
__decorateClass([
  CacheRead({ tables: [...DEMO_TABLES] }),
  Query(() => [TableCountType], { description: "Row counts of the demo shop's tables. Cached (CACHE_TTL_SECONDS); writes to those tables invalidate it." }),
  __decorateParam(0, Ctx())
], ObservabilityResolver.prototype, "tableCounts", 1);
ObservabilityResolver = __decorateClass([
  Resolver()
], ObservabilityResolver);
export {
  ObservabilityResolver
};
