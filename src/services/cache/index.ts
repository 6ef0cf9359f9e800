export { ResultCache, type CacheStats, type CacheKeyInput, type CacheLookup, type ResultCacheOptions, type InvalidationResult } from "./result-cache.js";
export { CacheRead, cachePolicyOf, type CacheReadOptions } from "./cache-read.js";
export { GLOB_SHAPE } from "./glob.js";
