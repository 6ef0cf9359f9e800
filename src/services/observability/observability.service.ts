/**
 * What the gateway knows about itself: pool and cache figures, per-operation
 * timings, demo table sizes, and the Prometheus registry that exports them.
 */
import type { Registry } from "prom-client";
import type { Database, PoolStats } from "../db/index.js";
import type { CacheStats, ResultCache } from "../cache/index.js";
import { OperationTimings, type OperationTiming } from "./operation-timings.js";
import { countDemoTables, type TableCount } from "./table-counts.js";
import { createMetricsRegistry } from "./metrics.js";

export interface GatewayStats {
  pool: PoolStats;
  cache: CacheStats;
  operations: OperationTiming[];
}

export class ObservabilityService {
  readonly timings = new OperationTimings();
  readonly registry: Registry;

  constructor(
    private readonly db: Database,
    private readonly cache: ResultCache,
  ) {
    this.registry = createMetricsRegistry({
      pool: () => db.poolStats(),
      cache: () => cache.stats(),
      operations: () => this.timings.snapshot(),
    });
  }

  recordOperation(name: string, durationMs: number, errorCount: number): void {
    this.timings.record(name, durationMs, errorCount);
  }

  async gatewayStats(): Promise<GatewayStats> {
    return { pool: this.db.poolStats(), cache: await this.cache.stats(), operations: this.timings.snapshot() };
  }

  tableCounts(): Promise<TableCount[]> {
    return countDemoTables(this.db);
  }

  /** Prometheus text exposition of every figure. */
  metricsText(): Promise<string> {
    return this.registry.metrics();
  }

  get metricsContentType(): string {
    return this.registry.contentType;
  }
}
