function spanMergeSql(start, end, settled) {
  const base = `greatest(coalesce((checkpoint->>'consumed')::bigint, 0), ${settled}::bigint)`;
  return `(SELECT jsonb_build_object('consumed', m.c, 'ahead',
      coalesce(jsonb_agg(r.v ORDER BY (r.v->>0)::bigint) FILTER (WHERE (r.v->>1)::bigint > m.c), '[]'::jsonb))
    FROM (SELECT CASE WHEN ${start}::bigint <= b.base THEN greatest(b.base, ${end}::bigint) ELSE b.base END AS c
          FROM (SELECT ${base} AS base) AS b) AS m
    CROSS JOIN LATERAL jsonb_array_elements(coalesce(checkpoint->'ahead', '[]'::jsonb) || jsonb_build_array(jsonb_build_array(${start}::bigint, ${end}::bigint))) AS r(v)
    GROUP BY m.c)`;
}
function spanCoveredSql(start, end) {
  return `(coalesce((checkpoint->>'consumed')::bigint, 0) >= ${end}::bigint
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(checkpoint->'ahead', '[]'::jsonb)) AS a(v)
               WHERE (a.v->>0)::bigint <= ${start}::bigint AND (a.v->>1)::bigint >= ${end}::bigint))`;
}
function readSpanCheckpoint(cp) {
  const c = cp ?? {};
  const consumed = Number(c.consumed ?? 0);
  const ahead = (Array.isArray(c.ahead) ? c.ahead : []).map(([s, e]) => [Number(s), Number(e)]).filter(([s, e]) => e > consumed && e > s).sort((a, b) => a[0] - b[0]);
  return { consumed, ahead };
}
class CommittedSpans {
  low;
  /** Committed spans above `low`, sorted, disjoint. */
  above;
  constructor(cp) {
    const { consumed, ahead } = readSpanCheckpoint(cp);
    this.low = consumed;
    this.above = ahead;
    this.fold();
  }
  get settled() {
    return this.low;
  }
  /** Spans committed above the settled position (sorted): a resumed job skips them. */
  get ahead() {
    return this.above;
  }
  add(start, end) {
    if (end <= this.low) return;
    let i = 0;
    while (i < this.above.length && this.above[i][0] < start) i++;
    this.above.splice(i, 0, [start, end]);
    this.fold();
  }
  fold() {
    while (this.above.length && this.above[0][0] <= this.low) this.low = Math.max(this.low, this.above.shift()[1]);
  }
}
export {
  CommittedSpans,
  readSpanCheckpoint,
  spanCoveredSql,
  spanMergeSql
};
