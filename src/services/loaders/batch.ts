/** DataLoader's contract helpers: one result per key, in key order; an Error (not a failed batch) for a missing key. */

export function inKeyOrder<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, missing: (key: K) => Error): Array<V | Error> {
  const byKey = new Map<K, V>();
  for (const r of rows) byKey.set(keyOf(r), r);
  return keys.map((k) => byKey.get(k) ?? missing(k));
}

/** For one-to-many relations: every key gets its (possibly empty) list, rows keep their fetched order. */
export function groupedInKeyOrder<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const k of keys) groups.set(k, []);
  for (const r of rows) groups.get(keyOf(r))?.push(r);
  return keys.map((k) => groups.get(k)!);
}
