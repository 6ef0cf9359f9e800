/**
 * `@CacheRead({ tables, ttlSeconds })` marks a code-first root Query field as
 * cacheable: the response cache (see cache service) may answer an operation
 * whose root fields are all marked, keyed by operation + variables + caller
 * scope, tagged with the union of their tables so a write to any of them
 * invalidates it. Fields built in graphql-js (the generated API) say the same
 * with `extensions: { cacheTables, cacheTtlSeconds }` on their field config.
 */
export interface CacheReadOptions {
  /** Every table the field (and the relations it can expand into) reads, by SQL name. */
  tables: string[];
  /** Defaults to CACHE_TTL_SECONDS. */
  ttlSeconds?: number;
}

const registry = new Map<string, CacheReadOptions>();

/** Method decorator for type-graphql @Query methods; the GraphQL field name is the method name unless `field` is given. */
export function CacheRead(opts: CacheReadOptions & { field?: string }): MethodDecorator {
  return (_target, propertyKey) => {
    registry.set(opts.field ?? String(propertyKey), { tables: opts.tables, ttlSeconds: opts.ttlSeconds });
  };
}

/** The cache policy of a root Query field, or undefined when it must not be cached. */
export function cachePolicyOf(field: string): CacheReadOptions | undefined {
  return registry.get(field);
}
