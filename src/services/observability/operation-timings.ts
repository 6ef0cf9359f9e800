/**
 * Per-operation timings (count, mean, p50, p95, max) with bounded memory:
 * each operation keeps a fixed-size uniform sample of its durations
 * (reservoir sampling), and the number of operation names kept is capped too.
 */
export interface OperationTiming {
  operation: string;
  count: number;
  errors: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

interface Entry {
  count: number;
  errors: number;
  sumMs: number;
  maxMs: number;
  sample: number[];
}

/** Operations beyond the cap are counted under this name, so a client sending random names cannot grow memory. */
export const OTHER_OPERATIONS = "(other)";

export class OperationTimings {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly reservoirSize = 1024,
    private readonly maxOperations = 500,
  ) {}

  record(operation: string, durationMs: number, errorCount = 0): void {
    let name = operation;
    let e = this.entries.get(name);
    if (!e) {
      if (this.entries.size >= this.maxOperations) name = OTHER_OPERATIONS;
      e = this.entries.get(name);
      if (!e) {
        e = { count: 0, errors: 0, sumMs: 0, maxMs: 0, sample: [] };
        this.entries.set(name, e);
      }
    }
    e.count++;
    if (errorCount > 0) e.errors++;
    e.sumMs += durationMs;
    if (durationMs > e.maxMs) e.maxMs = durationMs;
    if (e.sample.length < this.reservoirSize) e.sample.push(durationMs);
    else {
      // Algorithm R: every duration seen so far has the same chance to be in the sample.
      const j = Math.floor(Math.random() * e.count);
      if (j < this.reservoirSize) e.sample[j] = durationMs;
    }
  }

  snapshot(): OperationTiming[] {
    const out: OperationTiming[] = [];
    for (const [operation, e] of this.entries) {
      const sorted = [...e.sample].sort((a, b) => a - b);
      out.push({
        operation,
        count: e.count,
        errors: e.errors,
        meanMs: e.sumMs / e.count,
        p50Ms: quantile(sorted, 0.5),
        p95Ms: quantile(sorted, 0.95),
        maxMs: e.maxMs,
      });
    }
    return out.sort((a, b) => a.operation.localeCompare(b.operation));
  }
}

/** Nearest-rank quantile of an ascending array. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
