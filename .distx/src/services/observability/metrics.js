import { Gauge, Registry, collectDefaultMetrics } from "prom-client";
function createMetricsRegistry(sources, prefix = "kaizen_") {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  const poolFields = [
    ["maxSize", "largest number of connections the pool may open"],
    ["open", "connections open now"],
    ["inUse", "connections checked out now"],
    ["idle", "open connections waiting for work"],
    ["waiting", "requests waiting for a connection"],
    ["acquisitions", "connection checkouts since start"],
    ["reuseRate", "share of checkouts served by an already open connection (0-1)"],
    ["statements", "SQL statements sent since start"]
  ];
  for (const [field, help] of poolFields) {
    new Gauge({
      name: `${prefix}db_pool_${snake(field)}`,
      help: `Database pool: ${help}.`,
      registers: [registry],
      collect() {
        this.set(sources.pool()[field]);
      }
    });
  }
  let cacheRead = null;
  const cacheStats = () => cacheRead ??= sources.cache().finally(() => setTimeout(() => cacheRead = null, 0));
  const cacheFields = [
    ["size", "entries stored"],
    ["maxSize", "entry bound (-1 when the store bounds itself, as Redis does)"],
    ["hits", "lookups answered from the cache"],
    ["misses", "lookups not found"],
    ["hitRate", "hits / (hits + misses)"],
    ["evictions", "entries dropped for room"],
    ["expirations", "entries that outlived their TTL"]
  ];
  for (const [field, help] of cacheFields) {
    new Gauge({
      name: `${prefix}cache_${snake(field)}`,
      help: `Result cache: ${help}.`,
      registers: [registry],
      async collect() {
        const v = (await cacheStats())[field];
        this.set(v === null ? -1 : v);
      }
    });
  }
  new Gauge({
    name: `${prefix}operation_count`,
    help: "GraphQL operations served over HTTP, by operation name.",
    labelNames: ["operation"],
    registers: [registry],
    collect() {
      this.reset();
      for (const o of sources.operations()) this.set({ operation: o.operation }, o.count);
    }
  });
  new Gauge({
    name: `${prefix}operation_errors`,
    help: "GraphQL operations answered with at least one error, by operation name.",
    labelNames: ["operation"],
    registers: [registry],
    collect() {
      this.reset();
      for (const o of sources.operations()) this.set({ operation: o.operation }, o.errors);
    }
  });
  new Gauge({
    name: `${prefix}operation_duration_ms`,
    help: "GraphQL operation duration in milliseconds by operation name and statistic (mean, p50, p95, max; p50/p95 over a bounded sample).",
    labelNames: ["operation", "stat"],
    registers: [registry],
    collect() {
      this.reset();
      for (const o of sources.operations()) {
        this.set({ operation: o.operation, stat: "mean" }, o.meanMs);
        this.set({ operation: o.operation, stat: "p50" }, o.p50Ms);
        this.set({ operation: o.operation, stat: "p95" }, o.p95Ms);
        this.set({ operation: o.operation, stat: "max" }, o.maxMs);
      }
    }
  });
  return registry;
}
const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export {
  createMetricsRegistry
};
