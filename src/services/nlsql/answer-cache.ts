/**
 * The seam between NL answers and the result cache: keyed by normalized
 * question + catalog version + caller scope + row cap, tagged with the tables
 * read so writes to them invalidate the answer. ResultCacheAnswers puts the
 * answers in the gateway's Keyv result cache (memory or Redis); LruAnswerCache
 * is a private in-process fallback.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { ResultCache } from "../cache/index.js";

export interface CachedAnswer {
  sql: string;
  interpretation: string;
  source: "MEMORY" | "OFFLINE" | "LLM";
  columns: Array<{ name: string; type: string }>;
  rows: Array<Record<string, unknown>>;
  rowCount: number;
  truncated: boolean;
  tables: string[];
}

/** Stores the answer computed after reserve(); a write to its tables in between leaves it stale. */
export type StoreAnswer = (value: CachedAnswer, ttlSeconds: number) => Promise<void>;

export interface AnswerCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  /** Called once the tables are known and before the SQL runs: captures the tables' current versions. */
  reserve(key: string, tables: string[]): Promise<StoreAnswer>;
  /** Drops every answer that read one of these tables. */
  invalidateTables(tables: string[]): Promise<void>;
}

export function answerCacheKey(parts: { normalized: string; catalogVersion: string; scope: string; maxRows: number }): string {
  return "nl:" + createHash("sha256").update(JSON.stringify([parts.normalized, parts.catalogVersion, parts.scope, parts.maxRows])).digest("hex").slice(0, 32);
}

/**
 * Over the gateway's ResultCache, whose entries are checked against the
 * versions of the tables they read. The tables of a question are only known
 * after translation, so a small entry under no tables remembers them, and the
 * answer itself lives under those tables' versions.
 */
export class ResultCacheAnswers implements AnswerCache {
  constructor(private readonly cache: ResultCache) {}

  private tablesInput(key: string) {
    return { documentHash: "nl:tables", operationName: "askTables", variables: { key }, scope: "nl", tables: [] as string[] };
  }

  private answerInput(key: string, tables: string[]) {
    return { documentHash: "nl:answer", operationName: "ask", variables: { key }, scope: "nl", tables };
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const tables = await this.cache.lookup<string[]>(this.tablesInput(key));
    if (!tables.value) return undefined;
    return (await this.cache.lookup<CachedAnswer>(this.answerInput(key, tables.value))).value;
  }

  async reserve(key: string, tables: string[]): Promise<StoreAnswer> {
    const tablesLookup = await this.cache.lookup<string[]>(this.tablesInput(key));
    const answerLookup = await this.cache.lookup<CachedAnswer>(this.answerInput(key, tables));
    return async (value, ttlSeconds) => {
      await this.cache.store(tablesLookup, tables, ttlSeconds);
      await this.cache.store(answerLookup, value, ttlSeconds);
    };
  }

  async invalidateTables(tables: string[]): Promise<void> {
    await this.cache.invalidateTables(tables);
  }
}

export class LruAnswerCache implements AnswerCache {
  private readonly lru: LRUCache<string, { value: CachedAnswer; tags: string[] }>;

  constructor(maxEntries: number) {
    this.lru = new LRUCache({ max: maxEntries });
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    return this.lru.get(key)?.value;
  }

  async reserve(key: string, tables: string[]): Promise<StoreAnswer> {
    return async (value, ttlSeconds) => {
      this.lru.set(key, { value, tags: tables }, { ttl: ttlSeconds * 1000 });
    };
  }

  async invalidateTables(tables: string[]): Promise<void> {
    for (const [k, v] of this.lru.entries()) if (v.tags.some((t) => tables.includes(t))) this.lru.delete(k);
  }
}
