/**
 * Batch semantics shared by every batched handler: retry transient failures
 * with exponential backoff and jitter, bound each attempt by a timeout, and
 * split an input into batches.
 */
import { isConnectionError, TimeoutError } from "../errors.js";

/** SQLSTATEs worth retrying: serialization failure, deadlock, statement timeout / cancel, lock timeout, too many connections. */
const transientSqlStates = new Set(["40001", "40P01", "57014", "55P03", "53300"]);

export function isTransient(err: unknown): boolean {
  if (err instanceof TimeoutError) return true;
  if (isConnectionError(err)) return true;
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" && transientSqlStates.has(code);
}

/** Delay before retry `attempt` (1-based): base · 2^(attempt-1), with ±50 % jitter so retrying runners spread out. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exp = baseMs * 2 ** (attempt - 1);
  return Math.round(exp * (0.5 + random()));
}

export async function withTimeout<T>(fn: () => Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(what, timeoutMs)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RetryOptions {
  maxRetries: number;
  /**
   * Per-attempt bound by a timer race, for work outside the database. Null for
   * database batches: a raced transaction could still commit, so those are
   * bounded by statement_timeout inside the transaction instead (commitBatch).
   */
  timeoutMs: number | null;
  baseMs: number;
  what: string;
  /** Called before each retry (for logging). */
  onRetry?: (attempt: number, err: unknown, delayMs: number) => void;
}

/** Runs `fn(attempt)` (attempt 0 first) until it succeeds, fails with a non-transient error, or runs out of retries. */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<{ value: T; retried: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const value = opts.timeoutMs === null ? await fn(attempt) : await withTimeout(() => fn(attempt), opts.timeoutMs, opts.what);
      return { value, retried: attempt };
    } catch (err) {
      if (attempt >= opts.maxRetries || !isTransient(err)) {
        (err as { retried?: number }).retried = attempt;
        throw err;
      }
      const delay = backoffMs(attempt + 1, opts.baseMs);
      opts.onRetry?.(attempt + 1, err, delay);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Groups an async stream of items into arrays of `size`. */
export async function* batched<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let buf: T[] = [];
  for await (const item of items) {
    buf.push(item);
    if (buf.length >= size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}

/** A one-line description of an error for rejected_records and job.error. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const detail = (err as { detail?: unknown }).detail;
    const msg = err.message.split("\n")[0]!;
    return [typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? `${msg} (SQLSTATE ${code})` : msg, typeof detail === "string" ? detail : null].filter(Boolean).join(": ");
  }
  return String(err);
}
