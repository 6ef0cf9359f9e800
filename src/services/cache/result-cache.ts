/**
 * The result cache: answers of read operations in Keyv, over an in-process
 * LRU by default or Redis when configured, invalidated by table tag. Each
 * table has a version stored beside the entries; an entry records the
 * versions of the tables it read and counts only while they are current, so
 * bumping a version invalidates every entry of that table at once, O(1), on
 * memory and Redis alike (the next answer overwrites it, or LRU/TTL reclaims it).
 */
import { createHash } from "node:crypto";
import { Keyv } from "keyv";
import KeyvRedis, { createClient, type RedisClientType } from "@keyv/redis";
import type { Logger } from "../log.js";
import { LruStore } from "./lru-store.js";
import { canonicalJson } from "./canonical-json.js";
import { GLOB_SHAPE, globToRegExp } from "./glob.js";
import { BadUserInputError } from "../errors.js";

export interface CacheStats {
  backend: "memory" | "redis";
  /** Entries currently stored (on Redis: keys of this deployment's cache namespace). */
  size: number;
  /** Entry bound: CACHE_MAX_ENTRIES in memory; null on Redis, bounded by its maxmemory instead. */
  maxSize: number | null;
  hits: number;
  misses: number;
  /** hits / (hits + misses), 0 before the first lookup. */
  hitRate: number;
  /** Entries dropped to make room (LRU), or Redis's evicted_keys (whole server). */
  evictions: number;
  /** Entries that outlived their TTL (LRU), or Redis's expired_keys (whole server). */
  expirations: number;
}

export interface CacheKeyInput {
  /** A digest of the operation's text (Apollo's queryHash). */
  documentHash: string;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  scope: string;
  tables: string[];
}

export interface CacheLookup<T> {
  key: string;
  /** The tables' versions when looked up; null when they could not be read (then nothing is stored). */
  versions: string | null;
  value: T | undefined;
}

/** What is stored: the answer and the table versions it was computed under. */
interface Entry<T> {
  v: string;
  d: T;
}

export interface ResultCacheOptions {
  maxEntries: number;
  defaultTtlSeconds: number;
  redis: { url: string; prefix: string } | null;
  log: Logger;
  /** Tables that exist, so an invalidation naming another is refused rather than silently ignored. */
  listTables?: () => Promise<string[]>;
}

export interface InvalidationResult {
  tagsBumped: number;
  entriesDropped: number;
}

export class ResultCache {
  readonly backend: "memory" | "redis";
  readonly defaultTtlSeconds: number;
  private readonly keyv: Keyv;
  private readonly lru: LruStore | null;
  private readonly redis: RedisClientType | null;
  /** Redis key prefix of this cache (Keyv's namespace plus its separator). */
  private readonly redisPrefix: string;
  /** Memory mode: table versions live here, outside the LRU, so eviction can never roll one back. */
  private readonly versions = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly log: Logger;
  private readonly listTables: (() => Promise<string[]>) | undefined;
  private firstConnection: Promise<void> = Promise.resolve();
  private hits = 0;
  private misses = 0;

  constructor(opts: ResultCacheOptions) {
    this.log = opts.log.child({ component: "cache" });
    this.defaultTtlSeconds = opts.defaultTtlSeconds;
    this.maxEntries = opts.maxEntries;
    this.listTables = opts.listTables;
    if (opts.redis) {
      this.backend = "redis";
      this.lru = null;
      const namespace = `${opts.redis.prefix}:cache`;
      // Fail fast while Redis is away (a lookup becomes a miss) rather than queueing commands until it returns.
      this.redis = createClient({ url: opts.redis.url, disableOfflineQueue: true, socket: { connectTimeout: 2_000, reconnectStrategy: (n: number) => Math.min(100 * 2 ** n, 2_000) } }) as RedisClientType;
      this.redis.on("error", (err: Error) => this.log.warn({ err: err.message }, "redis cache connection error"));
      // Connect now; commands issued meanwhile wait in node-redis's queue.
      const connecting = this.redis.connect().catch((err: Error) => this.log.warn({ err: err.message }, "redis cache did not connect"));
      // Commands wait for the first connection, but at most 2 s: a Redis that is down means misses, not hangs.
      this.firstConnection = Promise.race([connecting, new Promise((r) => setTimeout(r, 2_000).unref())]).then(() => {});
      const store = new KeyvRedis(this.redis, { namespace, throwOnConnectError: false, throwOnErrors: false });
      this.redisPrefix = `${namespace}${store.keyPrefixSeparator}`;
      // Entries are plain JSON (GraphQL results): the native JSON functions cost a fraction of @keyv/serialize's walk.
      this.keyv = new Keyv({ store, namespace, useKeyPrefix: false, serialize: JSON.stringify, deserialize: JSON.parse });
    } else {
      this.backend = "memory";
      this.redis = null;
      this.redisPrefix = "";
      this.lru = new LruStore(opts.maxEntries);
      // Values stay objects in memory: no JSON round trip on the hit path.
      this.keyv = new Keyv({ store: this.lru, namespace: "", useKeyPrefix: false, serialize: undefined, deserialize: undefined });
    }
    // A cache that fails must never fail the request: Keyv reports store errors here and answers a miss.
    this.keyv.on("error", (err: unknown) => this.log.warn({ err: err instanceof Error ? err.message : String(err) }, "cache store error"));
  }

  /** A key for one operation's answer: document, variables and caller scope (table versions are checked on read). */
  keyFor(input: CacheKeyInput): string {
    const digest = createHash("sha256")
      .update(input.documentHash)
      .update("\0")
      .update(input.operationName ?? "")
      .update("\0")
      .update(canonicalJson(input.variables ?? {}))
      .update("\0")
      .update(input.scope)
      .digest("base64url");
    // Readable prefix so invalidatePattern can select entries by operation name.
    return `e:${input.operationName ?? "anonymous"}:${digest}`;
  }

  /**
   * Looks an operation's answer up. The entry counts only if it was stored
   * under the tables' current versions; on Redis the entry and the versions
   * come back in one MGET, so a hit costs one round trip.
   */
  async lookup<T>(input: CacheKeyInput, opts: { read?: boolean } = {}): Promise<CacheLookup<T>> {
    const key = this.keyFor(input);
    // read: false (a caller's Cache-Control: no-cache) — only the versions, for storing the fresh answer; not a hit or a miss.
    const read = opts.read ?? true;
    let versions: string | null;
    let entry: Entry<T> | undefined;
    if (!this.redis) {
      versions = input.tables.map((t) => this.versions.get(t) ?? 0).join(",");
      entry = read ? ((await this.keyv.get(key)) as Entry<T> | undefined) : undefined;
    } else {
      try {
        await this.connected();
        const tagKeys = input.tables.map((t) => this.tagKey(t));
        const [raw, ...tags] = read ? await this.redis.mGet([this.redisPrefix + key, ...tagKeys]) : [null, ...(tagKeys.length ? await this.redis.mGet(tagKeys) : [])];
        versions = tags.map((v) => v ?? "0").join(",");
        const stored = raw == null ? undefined : ((await this.keyv.deserialize!(String(raw))) as { value: Entry<T>; expires?: number } | undefined);
        entry = stored && (stored.expires == null || stored.expires > Date.now()) ? stored.value : undefined;
      } catch (err) {
        // Versions unknown: answer a miss and store nothing, so nothing stale can be served.
        this.log.warn({ err: (err as Error).message }, "cache lookup failed");
        versions = null;
        entry = undefined;
      }
    }
    const value = entry && versions !== null && entry.v === versions ? entry.d : undefined;
    if (!read) return { key, versions, value: undefined };
    if (value === undefined) this.misses++;
    else this.hits++;
    return { key, versions, value };
  }

  /** Stores an answer under the versions its lookup saw: if a table changed meanwhile, the entry is already stale. */
  async store(lookup: CacheLookup<unknown>, value: unknown, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    if (lookup.versions === null) return;
    const entry: Entry<unknown> = { v: lookup.versions, d: value };
    await this.keyv.set(lookup.key, entry, ttlSeconds * 1000);
  }

  /** Drops one entry by key. */
  async purge(key: string): Promise<void> {
    await this.keyv.delete(key);
  }

  /** Makes every cached answer that read any of `tables` unreachable. Returns how many tags were bumped (0 if Redis is unreachable). */
  async invalidateTables(tables: string[]): Promise<number> {
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
        // A write must not fail because the cache is away; its old entries still expire by TTL.
        this.log.error({ err: (err as Error).message, tables: unique }, "could not invalidate cached answers: Redis unreachable");
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
  async invalidatePattern(glob: string): Promise<number> {
    if (this.lru) {
      const re = globToRegExp(`e:${glob}`);
      const doomed = [...this.lru.keys()].filter((k) => re.test(k));
      for (const k of doomed) this.lru.lru.delete(k);
      return doomed.length;
    }
    const redis = this.redis!;
    let dropped = 0;
    try {
      await this.connected();
      const match = `${this.redisPrefix}e:${glob.replace(/[[\]\\]/g, "\\$&")}`;
      for await (const keys of redis.scanIterator({ MATCH: match, COUNT: 500 })) {
        if (keys.length) dropped += await redis.del(keys);
      }
    } catch (err) {
      this.log.error({ err: (err as Error).message, glob }, "could not drop cached answers: Redis unreachable");
    }
    return dropped;
  }

  /** The invalidateCache mutation: a table's tag, a glob over entries, or both; input checked first. */
  async invalidate(args: { table?: string | null; pattern?: string | null }): Promise<InvalidationResult> {
    const { table, pattern } = args;
    if (!table && !pattern) {
      throw new BadUserInputError("Give `table` (a table name such as \"orders\") or `pattern` (a glob over operation names such as \"Sales*\"), or both.", {
        problems: [{ field: "table", message: "missing" }, { field: "pattern", message: "missing" }],
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
        problems: [{ field: "pattern", message: "invalid glob" }],
      });
    }
    return {
      tagsBumped: table ? await this.invalidateTables([table]) : 0,
      entriesDropped: pattern ? await this.invalidatePattern(pattern) : 0,
    };
  }

  async stats(): Promise<CacheStats> {
    const lookups = this.hits + this.misses;
    const base = { hits: this.hits, misses: this.misses, hitRate: lookups === 0 ? 0 : this.hits / lookups };
    if (this.lru) {
      const size = this.lru.size();
      return { backend: "memory", size, maxSize: this.maxEntries, ...base, evictions: this.lru.evictions, expirations: this.lru.expirations };
    }
    const redis = this.redis!;
    let size = 0;
    let evictions = 0;
    let expirations = 0;
    try {
      await this.connected();
      for await (const keys of redis.scanIterator({ MATCH: `${this.redisPrefix}e:*`, COUNT: 1000 })) size += keys.length;
      const info = await redis.info("stats");
      evictions = Number(/evicted_keys:(\d+)/.exec(info)?.[1] ?? 0);
      expirations = Number(/expired_keys:(\d+)/.exec(info)?.[1] ?? 0);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, "could not read Redis cache figures");
    }
    return { backend: "redis", size, maxSize: null, ...base, evictions, expirations };
  }

  async close(): Promise<void> {
    if (!this.redis?.isOpen) return;
    // close() waits for a connection that may never come back; destroy() does not.
    if (this.redis.isReady) await this.redis.close().catch(() => {});
    else this.redis.destroy();
  }

  private tagKey(table: string): string {
    return `${this.redisPrefix}t:${table}`;
  }

  private async connected(): Promise<void> {
    if (!this.redis || this.redis.isReady) return;
    await this.firstConnection;
  }
}
