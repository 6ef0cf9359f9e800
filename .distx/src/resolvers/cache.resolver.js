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
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CacheInvalidation, CacheStatsType } from "../schema/cache.type.js";
let CacheResolver = class {
  cacheStats(ctx) {
    return ctx.services.cache.stats();
  }
  invalidateCache(ctx, table, pattern) {
    return ctx.services.cache.invalidate({ table, pattern });
  }
};
__decorateClass([
  Query(() => CacheStatsType, { description: "Result cache figures: size, bound, hits, misses, hit rate, evictions, expirations." }),
  __decorateParam(0, Ctx())
], CacheResolver.prototype, "cacheStats", 1);
__decorateClass([
  Mutation(() => CacheInvalidation, {
    description: 'Invalidates cached answers: `table` bumps that table\'s tag (every answer that read it is dropped); `pattern` is a glob (* and ?) over operation names, e.g. "Sales*". Give one or both.'
  }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("table", () => String, { nullable: true })),
  __decorateParam(2, Arg("pattern", () => String, { nullable: true }))
], CacheResolver.prototype, "invalidateCache", 1);
CacheResolver = __decorateClass([
  Resolver()
], CacheResolver);
export {
  CacheResolver
};
