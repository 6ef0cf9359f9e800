/**
 * The seam between NL answers and the result cache: keyed by normalized
 * question + catalog version + caller scope + row cap, tagged with the tables
 * read. The default is a small in-process LRU; the gateway's Keyv cache
 * service can stand in by implementing AnswerCache.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

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

export interface AnswerCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, value: CachedAnswer, opts: { tags: string[]; ttlSeconds: number }): Promise<void>;
  /** Drops every answer that read one of these tables (call from write paths). */
  invalidateTables(tables: string[]): Promise<void>;
}

export function answerCacheKey(parts: { normalized: string; catalogVersion: string; scope: string; maxRows: number }): string {
  return "nl:" + createHash("sha256").update(JSON.stringify([parts.normalized, parts.catalogVersion, parts.scope, parts.maxRows])).digest("hex").slice(0, 32);
}

export class LruAnswerCache implements AnswerCache {
  private readonly lru: LRUCache<string, { value: CachedAnswer; tags: string[] }>;

  constructor(maxEntries: number) {
    this.lru = new LRUCache({ max: maxEntries });
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    return this.lru.get(key)?.value;
  }

  async set(key: string, value: CachedAnswer, opts: { tags: string[]; ttlSeconds: number }): Promise<void> {
    this.lru.set(key, { value, tags: opts.tags }, { ttl: opts.ttlSeconds * 1000 });
  }

  async invalidateTables(tables: string[]): Promise<void> {
    for (const [k, v] of this.lru.entries()) if (v.tags.some((t) => tables.includes(t))) this.lru.delete(k);
  }
}
