/**
 * Checkpoints for jobs whose batches may commit out of order (several writers
 * at once). A batch covers a span of source positions [start, end); the
 * checkpoint says which spans are committed:
 *
 *   { consumed: C, ahead: [[s, e], …] }
 *
 * every position below C, plus every [s, e) in `ahead`. `{ consumed: C }`
 * alone (the sequential form) means the same with nothing ahead.
 *
 * Each batch merges its own span into the stored value *inside its own
 * transaction*, with an expression on the current value (spanMergeSql): two
 * writers' UPDATEs of the job row serialize on its row lock and the second one
 * re-reads the row the first committed (READ COMMITTED), so concurrent commits
 * compose; no value computed in the process can overwrite another writer's.
 * `settled` — a position below which the process already saw every batch
 * commit — lets the merge fold spans into C, so `ahead` stays as short as the
 * number of batches in flight.
 */

export type Span = [start: number, end: number];

export interface SpanCheckpoint {
  consumed: number;
  ahead?: Span[];
}

/** What a batch commits: its span, and the settled position known when it committed. */
export interface SpanCommit {
  start: number;
  end: number;
  /** Every position below this is committed (by batches whose commit already returned); 0 if unknown. */
  settled: number;
}

/**
 * The SQL expression for the merged checkpoint, over the `checkpoint` column of the row being updated;
 * `start`, `end`, `settled` are placeholders of bigint parameters (e.g. "$11").
 */
export function spanMergeSql(start: string, end: string, settled: string): string {
  const base = `greatest(coalesce((checkpoint->>'consumed')::bigint, 0), ${settled}::bigint)`;
  return `(SELECT jsonb_build_object('consumed', m.c, 'ahead',
      coalesce(jsonb_agg(r.v ORDER BY (r.v->>0)::bigint) FILTER (WHERE (r.v->>1)::bigint > m.c), '[]'::jsonb))
    FROM (SELECT CASE WHEN ${start}::bigint <= b.base THEN greatest(b.base, ${end}::bigint) ELSE b.base END AS c
          FROM (SELECT ${base} AS base) AS b) AS m
    CROSS JOIN LATERAL jsonb_array_elements(coalesce(checkpoint->'ahead', '[]'::jsonb) || jsonb_build_array(jsonb_build_array(${start}::bigint, ${end}::bigint))) AS r(v)
    GROUP BY m.c)`;
}

/**
 * The SQL condition that a span is already covered by the `checkpoint` column: a batch whose COMMIT reached
 * the database but whose answer was lost (a dropped connection) must not be written again by its retry.
 */
export function spanCoveredSql(start: string, end: string): string {
  return `(coalesce((checkpoint->>'consumed')::bigint, 0) >= ${end}::bigint
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(checkpoint->'ahead', '[]'::jsonb)) AS a(v)
               WHERE (a.v->>0)::bigint <= ${start}::bigint AND (a.v->>1)::bigint >= ${end}::bigint))`;
}

/** Reads a stored checkpoint (sequential or span form; null on a fresh start). */
export function readSpanCheckpoint(cp: unknown): { consumed: number; ahead: Span[] } {
  const c = (cp ?? {}) as Partial<SpanCheckpoint>;
  const consumed = Number(c.consumed ?? 0);
  const ahead = (Array.isArray(c.ahead) ? c.ahead : [])
    .map(([s, e]) => [Number(s), Number(e)] as Span)
    .filter(([s, e]) => e > consumed && e > s)
    .sort((a, b) => a[0] - b[0]);
  return { consumed, ahead };
}

/**
 * The committed spans as this process knows them: loaded from the checkpoint,
 * then grown by each batch whose commit returned. `settled` is the end of the
 * contiguous committed prefix.
 */
export class CommittedSpans {
  private low: number;
  /** Committed spans above `low`, sorted, disjoint. */
  private readonly above: Span[];

  constructor(cp: unknown) {
    const { consumed, ahead } = readSpanCheckpoint(cp);
    this.low = consumed;
    this.above = ahead;
    this.fold();
  }

  get settled(): number {
    return this.low;
  }

  /** Spans committed above the settled position (sorted): a resumed job skips them. */
  get ahead(): readonly Span[] {
    return this.above;
  }

  add(start: number, end: number): void {
    if (end <= this.low) return;
    let i = 0;
    while (i < this.above.length && this.above[i]![0] < start) i++;
    this.above.splice(i, 0, [start, end]);
    this.fold();
  }

  private fold(): void {
    while (this.above.length && this.above[0]![0] <= this.low) this.low = Math.max(this.low, this.above.shift()![1]);
  }
}
