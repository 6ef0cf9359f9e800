/** Timers and percentiles over latency samples (milliseconds). */

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(samples: number[]): LatencySummary {
  const mean = samples.reduce((a, b) => a + b, 0) / (samples.length || 1);
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), mean, max: Math.max(...samples) };
}

/** Runs `fn` `warmup` times unmeasured, then `iterations` times one after another; returns the latencies. */
export async function timeSequential(fn: (i: number) => Promise<unknown>, iterations: number, warmup = Math.ceil(iterations / 10)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = nowMs();
    await fn(warmup + i);
    samples.push(nowMs() - t0);
  }
  return samples;
}

export interface ThroughputResult {
  completed: number;
  errors: number;
  elapsedMs: number;
  perSecond: number;
  latencies: number[];
  firstError?: string;
}

/**
 * Keeps `concurrency` calls of `fn` in flight for `durationMs` (after
 * `warmupMs` unmeasured) and counts completions per second.
 */
export async function timeConcurrent(fn: (i: number) => Promise<unknown>, opts: { concurrency: number; durationMs: number; warmupMs?: number }): Promise<ThroughputResult> {
  let i = 0;
  const drive = async (until: number, record: ThroughputResult | null) => {
    const worker = async () => {
      while (nowMs() < until) {
        const t0 = nowMs();
        try {
          await fn(i++);
          if (record) {
            record.completed++;
            record.latencies.push(nowMs() - t0);
          }
        } catch (err) {
          if (record) {
            record.errors++;
            record.firstError ??= (err as Error).message;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  };
  if (opts.warmupMs) await drive(nowMs() + opts.warmupMs, null);
  const result: ThroughputResult = { completed: 0, errors: 0, elapsedMs: 0, perSecond: 0, latencies: [] };
  const t0 = nowMs();
  await drive(t0 + opts.durationMs, result);
  result.elapsedMs = nowMs() - t0;
  result.perSecond = (result.completed / result.elapsedMs) * 1000;
  return result;
}
