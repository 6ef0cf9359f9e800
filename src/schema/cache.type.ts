import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType("CacheStats", { description: "Figures of the result cache since this gateway started (hits and misses are this process's)." })
export class CacheStatsType {
  @Field(() => String, { description: "memory (in-process LRU) or redis." })
  backend!: string;

  @Field(() => Int, { description: "Entries stored now." })
  size!: number;

  @Field(() => Int, { nullable: true, description: "Entry bound (CACHE_MAX_ENTRIES); null on Redis, which bounds itself by maxmemory." })
  maxSize!: number | null;

  @Field(() => Int)
  hits!: number;

  @Field(() => Int)
  misses!: number;

  @Field(() => Float, { description: "hits / (hits + misses); 0 before the first lookup." })
  hitRate!: number;

  @Field(() => Int, { description: "Entries dropped to make room (memory), or Redis's evicted_keys for the whole server." })
  evictions!: number;

  @Field(() => Int, { description: "Entries that outlived their TTL (memory), or Redis's expired_keys for the whole server." })
  expirations!: number;
}

@ObjectType({ description: "What Mutation.invalidateCache did." })
export class CacheInvalidation {
  @Field(() => Int, { description: "Table tags bumped: every cached answer that read those tables is now unreachable." })
  tagsBumped!: number;

  @Field(() => Int, { description: "Entries removed because their operation name matched the pattern." })
  entriesDropped!: number;
}
