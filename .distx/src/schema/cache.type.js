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
import { Field, Float, Int, ObjectType } from "type-graphql";
let CacheStatsType = class {
  backend;
  size;
  maxSize;
  hits;
  misses;
  hitRate;
  evictions;
  expirations;
};
__decorateClass([
  Field(() => String, { description: "memory (in-process LRU) or redis." })
], CacheStatsType.prototype, "backend", 2);
__decorateClass([
  Field(() => Int, { description: "Entries stored now." })
], CacheStatsType.prototype, "size", 2);
__decorateClass([
  Field(() => Int, { nullable: true, description: "Entry bound (CACHE_MAX_ENTRIES); null on Redis, which bounds itself by maxmemory." })
], CacheStatsType.prototype, "maxSize", 2);
__decorateClass([
  Field(() => Int)
], CacheStatsType.prototype, "hits", 2);
__decorateClass([
  Field(() => Int)
], CacheStatsType.prototype, "misses", 2);
__decorateClass([
  Field(() => Float, { description: "hits / (hits + misses); 0 before the first lookup." })
], CacheStatsType.prototype, "hitRate", 2);
__decorateClass([
  Field(() => Int, { description: "Entries dropped to make room (memory), or Redis's evicted_keys for the whole server." })
], CacheStatsType.prototype, "evictions", 2);
__decorateClass([
  Field(() => Int, { description: "Entries that outlived their TTL (memory), or Redis's expired_keys for the whole server." })
], CacheStatsType.prototype, "expirations", 2);
CacheStatsType = __decorateClass([
  ObjectType("CacheStats", { description: "Figures of the result cache since this gateway started (hits and misses are this process's)." })
], CacheStatsType);
let CacheInvalidation = class {
  tagsBumped;
  entriesDropped;
};
__decorateClass([
  Field(() => Int, { description: "Table tags bumped: every cached answer that read those tables is now unreachable." })
], CacheInvalidation.prototype, "tagsBumped", 2);
__decorateClass([
  Field(() => Int, { description: "Entries removed because their operation name matched the pattern." })
], CacheInvalidation.prototype, "entriesDropped", 2);
CacheInvalidation = __decorateClass([
  ObjectType({ description: "What Mutation.invalidateCache did." })
], CacheInvalidation);
export {
  CacheInvalidation,
  CacheStatsType
};
