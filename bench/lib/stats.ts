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

export interface Contender {
  label: string;
  /** One call; `i` never repeats for a contender, so no cache can answer twice. */
  call: (i: number) => Promise<unknown>;
}

export interface InterleavedResult extends ThroughputResult {
  /** Each round's completions per second, in order. */
  rounds: number[];
}

/**
 * Throughput of several contenders at the same concurrency, measured in
 * alternating rounds (A, B, C, A, B, C, …) rather than one long run each, so a
 * change in the machine's load during the measurement falls on all of them
 * alike. Each contender is warmed up once first; its figure is all its
 * completions over all its measured time.
 */
export async function timeInterleaved(contenders: Contender[], opts: { concurrency: number; rounds: number; roundMs: number; warmupMs: number }): Promise<Map<string, InterleavedResult>> {
  const counters = new Map(contenders.map((c) => [c.label, 0]));
  const next = (c: Contender) => () => {
    const i = counters.get(c.label)!;
    counters.set(c.label, i + 1);
    return c.call(i);
  };
  for (const c of contenders) await timeConcurrent(next(c), { concurrency: opts.concurrency, durationMs: opts.warmupMs });
  const results = new Map<string, InterleavedResult>(contenders.map((c) => [c.label, { completed: 0, errors: 0, elapsedMs: 0, perSecond: 0, latencies: [], rounds: [] }]));
  for (let round = 0; round < opts.rounds; round++) {
    // Each round starts with a different contender, so none always follows the same one.
    const order = contenders.map((_, k) => contenders[(k + round) % contenders.length]!);
    for (const c of order) {
      const r = await timeConcurrent(next(c), { concurrency: opts.concurrency, durationMs: opts.roundMs });
      const total = results.get(c.label)!;
      total.completed += r.completed;
      total.errors += r.errors;
      total.firstError ??= r.firstError;
      total.elapsedMs += r.elapsedMs;
      total.latencies.push(...r.latencies);
      total.rounds.push(r.perSecond);
    }
  }
  for (const r of results.values()) r.perSecond = (r.completed / r.elapsedMs) * 1000;
  return results;
}
