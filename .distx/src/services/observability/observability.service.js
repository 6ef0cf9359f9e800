import { OperationTimings } from "./operation-timings.js";
import { countDemoTables } from "./table-counts.js";
import { createMetricsRegistry } from "./metrics.js";
class ObservabilityService {
  constructor(db, cache) {
    this.db = db;
    this.cache = cache;
    this.registry = createMetricsRegistry({
      pool: () => db.poolStats(),
      cache: () => cache.stats(),
      operations: () => this.timings.snapshot()
    });
  }
  db;
  cache;
  timings = new OperationTimings();
  registry;
  recordOperation(name, durationMs, errorCount) {
    this.timings.record(name, durationMs, errorCount);
  }
  async gatewayStats() {
    return { pool: this.db.poolStats(), cache: await this.cache.stats(), operations: this.timings.snapshot() };
  }
  tableCounts() {
    return countDemoTables(this.db.prisma);
  }
  /** Prometheus text exposition of every figure. */
  metricsText() {
    return this.registry.metrics();
  }
  get metricsContentType() {
    return this.registry.contentType;
  }
}
export {
  ObservabilityService
};
