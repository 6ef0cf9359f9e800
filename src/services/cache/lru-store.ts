/**
 * A Keyv store over lru-cache that lets the LRU itself enforce the bound and
 * the TTL, and counts why entries left (evicted for room, expired), which a
 * plain Map store cannot tell.
 */
import { LRUCache } from "lru-cache";

interface Stored {
  expires?: number;
}

export class LruStore {
  readonly lru: LRUCache<string, object>;
  evictions = 0;
  expirations = 0;
  /** Keyv sets this; we keep it only so Keyv treats us as a store. */
  namespace?: string;

  constructor(maxEntries: number) {
    this.lru = new LRUCache<string, object>({
      max: maxEntries,
      // An entry set without a TTL lives until evicted; the cache always passes one.
      ttlAutopurge: false,
      allowStale: false,
      dispose: (_value, _key, reason) => {
        if (reason === "evict") this.evictions++;
        else if (reason === "expire") this.expirations++;
      },
    });
  }

  get(key: string): object | undefined {
    return this.lru.get(key);
  }

  set(key: string, value: object, ttl?: number): boolean {
    this.lru.set(key, value, ttl ? { ttl } : undefined);
    return true;
  }

  /**
   * Keyv deletes an entry it finds past its `expires` a moment before the LRU's
   * own clock would; that is an expiration too, not a deletion.
   */
  delete(key: string): boolean {
    const v = this.lru.peek(key, { allowStale: true }) as Stored | undefined;
    if (v && typeof v.expires === "number" && v.expires <= Date.now()) {
      this.lru.delete(key);
      this.expirations++;
      // The LRU reported this one as "delete"; nothing more to count.
      return true;
    }
    return this.lru.delete(key);
  }

  clear(): void {
    this.lru.clear();
  }

  has(key: string): boolean {
    return this.lru.has(key);
  }

  keys(): IterableIterator<string> {
    return this.lru.keys();
  }

  /** Entries still alive: stale ones are purged (and counted) first. */
  size(): number {
    this.lru.purgeStale();
    return this.lru.size;
  }
}
