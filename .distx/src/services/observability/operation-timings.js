const OTHER_OPERATIONS = "(other)";
class OperationTimings {
  constructor(reservoirSize = 1024, maxOperations = 500) {
    this.reservoirSize = reservoirSize;
    this.maxOperations = maxOperations;
  }
  reservoirSize;
  maxOperations;
  entries = /* @__PURE__ */ new Map();
  record(operation, durationMs, errorCount = 0) {
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
      const j = Math.floor(Math.random() * e.count);
      if (j < this.reservoirSize) e.sample[j] = durationMs;
    }
  }
  snapshot() {
    const out = [];
    for (const [operation, e] of this.entries) {
      const sorted = [...e.sample].sort((a, b) => a - b);
      out.push({
        operation,
        count: e.count,
        errors: e.errors,
        meanMs: e.sumMs / e.count,
        p50Ms: quantile(sorted, 0.5),
        p95Ms: quantile(sorted, 0.95),
        maxMs: e.maxMs
      });
    }
    return out.sort((a, b) => a.operation.localeCompare(b.operation));
  }
}
function quantile(sorted, q) {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
export {
  OTHER_OPERATIONS,
  OperationTimings,
  quantile
};
