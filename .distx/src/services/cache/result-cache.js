import { createHash } from "node:crypto";
import { Keyv } from "keyv";
import KeyvRedis, { createClient } from "@keyv/redis";
import { LruStore } from "./lru-store.js";
import { canonicalJson } from "./canonical-json.js";
import { GLOB_SHAPE, globToRegExp } from "./glob.js";
import { BadUserInputError } from "../errors.js";
class ResultCache {
  backend;
  defaultTtlSeconds;
  keyv;
  lru;
  redis;
  /** Redis key prefix of this cache (Keyv's namespace plus its separator). */
  redisPrefix;
  /** Memory mode: table versions live here, outside the LRU, so eviction can never roll one back. */
  versions = /* @__PURE__ */ new Map();
  maxEntries;
  log;
  listTables;
  firstConnection = Promise.resolve();
  hits = 0;
  misses = 0;
  constructor(opts) {
    this.log = opts.log.child({ component: "cache" });
    this.defaultTtlSeconds = opts.defaultTtlSeconds;
    this.maxEntries = opts.maxEntries;
    this.listTables = opts.listTables;
    if (opts.redis) {
      this.backend = "redis";
      this.lru = null;
      const namespace = `${opts.redis.prefix}:cache`;
      this.redis = createClient({ url: opts.redis.url, disableOfflineQueue: true, socket: { connectTimeout: 2e3, reconnectStrategy: (n) => Math.min(100 * 2 ** n, 2e3) } });
      this.redis.on("error", (err) => this.log.warn({ err: err.message }, "redis cache connection error"));
      const connecting = this.redis.connect().catch((err) => this.log.warn({ err: err.message }, "redis cache did not connect"));
      this.firstConnection = Promise.race([connecting, new Promise((r) => setTimeout(r, 2e3).unref())]).then(() => {
      });
      const store = new KeyvRedis(this.redis, { namespace, throwOnConnectError: false, throwOnErrors: false });
      this.redisPrefix = `${namespace}${store.keyPrefixSeparator}`;
      this.keyv = new Keyv({ store, namespace, useKeyPrefix: false, serialize: JSON.stringify, deserialize: JSON.parse });
    } else {
      this.backend = "memory";
      this.redis = null;
      this.redisPrefix = "";
      this.lru = new LruStore(opts.maxEntries);
      this.keyv = new Keyv({ store: this.lru, namespace: "", useKeyPrefix: false, serialize: void 0, deserialize: void 0 });
    }
    this.keyv.on("error", (err) => this.log.warn({ err: err instanceof Error ? err.message : String(err) }, "cache store error"));
  }
  /** A key for one operation's answer: document, variables and caller scope (table versions are checked on read). */
  keyFor(input) {
    const digest = createHash("sha256").update(input.documentHash).update("\0").update(input.operationName ?? "").update("\0").update(canonicalJson(input.variables ?? {})).update("\0").update(input.scope).digest("base64url");
    return `e:${input.operationName ?? "anonymous"}:${digest}`;
  }
  /**
   * Looks an operation's answer up. The entry counts only if it was stored
   * under the tables' current versions; on Redis the entry and the versions
   * come back in one MGET, so a hit costs one round trip.
   */
  async lookup(input, opts = {}) {
    const key = this.keyFor(input);
    const read = opts.read ?? true;
    let versions;
    let entry;
    if (!this.redis) {
      versions = input.tables.map((t) => this.versions.get(t) ?? 0).join(",");
      entry = read ? await this.keyv.get(key) : void 0;
    } else {
      try {
        await this.connected();
        const tagKeys = input.tables.map((t) => this.tagKey(t));
        const [raw, ...tags] = read ? await this.redis.mGet([this.redisPrefix + key, ...tagKeys]) : [null, ...tagKeys.length ? await this.redis.mGet(tagKeys) : []];
        versions = tags.map((v) => v ?? "0").join(",");
        const stored = raw == null ? void 0 : await this.keyv.deserialize(String(raw));
        entry = stored && (stored.expires == null || stored.expires > Date.now()) ? stored.value : void 0;
      } catch (err) {
        this.log.warn({ err: err.message }, "cache lookup failed");
        versions = null;
        entry = void 0;
      }
    }
    const value = entry && versions !== null && entry.v === versions ? entry.d : void 0;
    if (!read) return { key, versions, value: void 0 };
    if (value === void 0) this.misses++;
    else this.hits++;
    return { key, versions, value };
  }
  /** Stores an answer under the versions its lookup saw: if a table changed meanwhile, the entry is already stale. */
  async store(lookup, value, ttlSeconds = this.defaultTtlSeconds) {
    if (lookup.versions === null) return;
    const entry = { v: lookup.versions, d: value };
    await this.keyv.set(lookup.key, entry, ttlSeconds * 1e3);
  }
  /** Drops one entry by key. */
  async purge(key) {
    await this.keyv.delete(key);
  }
  /** Makes every cached answer that read any of `tables` unreachable. Returns how many tags were bumped (0 if Redis is unreachable). */
  async invalidateTables(tables) {
    const unique = [...new Set(tables)];
    if (unique.length === 0) return 0;
    if (!this.redis) {
      for (const t of unique) this.versions.set(t, (this.versions.get(t) ?? 0) + 1);
    } else {
      try {
        await this.connected();
        const multi = this.redis.multi();
        for (const t of unique) multi.incr(this.tagKey(t));
        await multi.exec();
      } catch (err) {
        this.log.error({ err: err.message, tables: unique }, "could not invalidate cached answers: Redis unreachable");
        return 0;
      }
    }
    this.log.debug({ tables: unique }, "cache tags bumped");
    return unique.length;
  }
  /**
   * Drops entries whose key matches a glob over `<operationName>:<digest>`
   * (so `SalesByMonth*` drops every cached answer of that operation). Returns how many.
   */
  async invalidatePattern(glob) {
    if (this.lru) {
      const re = globToRegExp(`e:${glob}`);
      const doomed = [...this.lru.keys()].filter((k) => re.test(k));
      for (const k of doomed) this.lru.lru.delete(k);
      return doomed.length;
    }
    const redis = this.redis;
    let dropped = 0;
    try {
      await this.connected();
      const match = `${this.redisPrefix}e:${glob.replace(/[[\]\\]/g, "\\$&")}`;
      for await (const keys of redis.scanIterator({ MATCH: match, COUNT: 500 })) {
        if (keys.length) dropped += await redis.del(keys);
      }
    } catch (err) {
      this.log.error({ err: err.message, glob }, "could not drop cached answers: Redis unreachable");
    }
    return dropped;
  }
  /** The invalidateCache mutation: a table's tag, a glob over entries, or both; input checked first. */
  async invalidate(args) {
    const { table, pattern } = args;
    if (!table && !pattern) {
      throw new BadUserInputError('Give `table` (a table name such as "orders") or `pattern` (a glob over operation names such as "Sales*"), or both.', {
        problems: [{ field: "table", message: "missing" }, { field: "pattern", message: "missing" }]
      });
    }
    if (table && this.listTables) {
      const known = await this.listTables();
      if (!known.includes(table)) {
        throw new BadUserInputError(`Unknown table "${table}". Known tables: ${known.join(", ")}.`, { problems: [{ field: "table", message: "unknown table" }] });
      }
    }
    if (pattern && !GLOB_SHAPE.test(pattern)) {
      throw new BadUserInputError(`pattern must be 1-200 characters of letters, digits, _ : . - and the wildcards * and ?; got ${JSON.stringify(pattern)}.`, {
        problems: [{ field: "pattern", message: "invalid glob" }]
      });
    }
    return {
      tagsBumped: table ? await this.invalidateTables([table]) : 0,
      entriesDropped: pattern ? await this.invalidatePattern(pattern) : 0
    };
  }
  async stats() {
    const lookups = this.hits + this.misses;
    const base = { hits: this.hits, misses: this.misses, hitRate: lookups === 0 ? 0 : this.hits / lookups };
    if (this.lru) {
      const size2 = this.lru.size();
      return { backend: "memory", size: size2, maxSize: this.maxEntries, ...base, evictions: this.lru.evictions, expirations: this.lru.expirations };
    }
    const redis = this.redis;
    let size = 0;
    let evictions = 0;
    let expirations = 0;
    try {
      await this.connected();
      for await (const keys of redis.scanIterator({ MATCH: `${this.redisPrefix}e:*`, COUNT: 1e3 })) size += keys.length;
      const info = await redis.info("stats");
      evictions = Number(/evicted_keys:(\d+)/.exec(info)?.[1] ?? 0);
      expirations = Number(/expired_keys:(\d+)/.exec(info)?.[1] ?? 0);
    } catch (err) {
      this.log.warn({ err: err.message }, "could not read Redis cache figures");
    }
    return { backend: "redis", size, maxSize: null, ...base, evictions, expirations };
  }
  async close() {
    if (!this.redis?.isOpen) return;
    if (this.redis.isReady) await this.redis.close().catch(() => {
    });
    else this.redis.destroy();
  }
  tagKey(table) {
    return `${this.redisPrefix}t:${table}`;
  }
  async connected() {
    if (!this.redis || this.redis.isReady) return;
    await this.firstConnection;
  }
}
export {
  ResultCache
};
