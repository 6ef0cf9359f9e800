import { LRUCache } from "lru-cache";
class LruStore {
  lru;
  evictions = 0;
  expirations = 0;
  /** Keyv sets this; we keep it only so Keyv treats us as a store. */
  namespace;
  constructor(maxEntries) {
    this.lru = new LRUCache({
      max: maxEntries,
      // An entry set without a TTL lives until evicted; the cache always passes one.
      ttlAutopurge: false,
      allowStale: false,
      dispose: (_value, _key, reason) => {
        if (reason === "evict") this.evictions++;
        else if (reason === "expire") this.expirations++;
      }
    });
  }
  get(key) {
    return this.lru.get(key);
  }
  set(key, value, ttl) {
    this.lru.set(key, value, ttl ? { ttl } : void 0);
    return true;
  }
  /**
   * Keyv deletes an entry it finds past its `expires` a moment before the LRU's
   * own clock would; that is an expiration too, not a deletion.
   */
  delete(key) {
    const v = this.lru.peek(key, { allowStale: true });
    if (v && typeof v.expires === "number" && v.expires <= Date.now()) {
      this.lru.delete(key);
      this.expirations++;
      return true;
    }
    return this.lru.delete(key);
  }
  clear() {
    this.lru.clear();
  }
  has(key) {
    return this.lru.has(key);
  }
  keys() {
    return this.lru.keys();
  }
  /** Entries still alive: stale ones are purged (and counted) first. */
  size() {
    this.lru.purgeStale();
    return this.lru.size;
  }
}
export {
  LruStore
};
