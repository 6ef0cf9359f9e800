import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
function answerCacheKey(parts) {
  return "nl:" + createHash("sha256").update(JSON.stringify([parts.normalized, parts.catalogVersion, parts.scope, parts.maxRows])).digest("hex").slice(0, 32);
}
class ResultCacheAnswers {
  constructor(cache) {
    this.cache = cache;
  }
  cache;
  tablesInput(key) {
    return { documentHash: "nl:tables", operationName: "askTables", variables: { key }, scope: "nl", tables: [] };
  }
  answerInput(key, tables) {
    return { documentHash: "nl:answer", operationName: "ask", variables: { key }, scope: "nl", tables };
  }
  async get(key) {
    const tables = await this.cache.lookup(this.tablesInput(key));
    if (!tables.value) return void 0;
    return (await this.cache.lookup(this.answerInput(key, tables.value))).value;
  }
  async reserve(key, tables) {
    const tablesLookup = await this.cache.lookup(this.tablesInput(key));
    const answerLookup = await this.cache.lookup(this.answerInput(key, tables));
    return async (value, ttlSeconds) => {
      await this.cache.store(tablesLookup, tables, ttlSeconds);
      await this.cache.store(answerLookup, value, ttlSeconds);
    };
  }
  async invalidateTables(tables) {
    await this.cache.invalidateTables(tables);
  }
}
class LruAnswerCache {
  lru;
  constructor(maxEntries) {
    this.lru = new LRUCache({ max: maxEntries });
  }
  async get(key) {
    return this.lru.get(key)?.value;
  }
  async reserve(key, tables) {
    return async (value, ttlSeconds) => {
      this.lru.set(key, { value, tags: tables }, { ttl: ttlSeconds * 1e3 });
    };
  }
  async invalidateTables(tables) {
    for (const [k, v] of this.lru.entries()) if (v.tags.some((t) => tables.includes(t))) this.lru.delete(k);
  }
}
export {
  LruAnswerCache,
  ResultCacheAnswers,
  answerCacheKey
};
