import { ResultCache } from "./result-cache.js";
import { CacheRead, cachePolicyOf } from "./cache-read.js";
import { GLOB_SHAPE } from "./glob.js";
export {
  CacheRead,
  GLOB_SHAPE,
  ResultCache,
  cachePolicyOf
};
