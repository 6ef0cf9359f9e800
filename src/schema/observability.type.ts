import { Field, Float, Int, ObjectType } from "type-graphql";
import { CacheStatsType } from "./cache.type.js";

@ObjectType("PoolStats", { description: "The database connection pool now (PGlite has one connection)." })
export class PoolStatsType {
  @Field(() => String, { description: "pglite or postgres." })
  kind!: string;

  @Field(() => Int, { description: "Largest number of connections the pool may open (DB_POOL_SIZE)." })
  maxSize!: number;

  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  inUse!: number;

  @Field(() => Int)
  idle!: number;

  @Field(() => Int, { description: "Requests waiting for a free connection." })
  waiting!: number;

  @Field(() => Int, { description: "Connection checkouts since start." })
  acquisitions!: number;

  @Field(() => Int, { description: "Connections ever opened." })
  connectionsOpened!: number;

  @Field(() => Float, { description: "Share of acquisitions served by an already open connection (0–1)." })
  reuseRate!: number;

  @Field(() => Int, { description: "SQL statements sent since start." })
  statements!: number;
}

@ObjectType("OperationTiming", { description: "Timings of one GraphQL operation name over HTTP since start. p50/p95 come from a bounded uniform sample." })
export class OperationTimingType {
  @Field(() => String, { description: "The operation's name, or `anonymous`." })
  operation!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Int, { description: "Answers that carried at least one error." })
  errors!: number;

  @Field(() => Float)
  meanMs!: number;

  @Field(() => Float)
  p50Ms!: number;

  @Field(() => Float)
  p95Ms!: number;

  @Field(() => Float)
  maxMs!: number;
}

@ObjectType("GatewayStats", { description: "How the gateway is doing: pool, cache and per-operation timings." })
export class GatewayStatsType {
  @Field(() => PoolStatsType)
  pool!: PoolStatsType;

  @Field(() => CacheStatsType)
  cache!: CacheStatsType;

  @Field(() => [OperationTimingType])
  operations!: OperationTimingType[];
}

@ObjectType("TableCount", { description: "How many rows one demo table holds." })
export class TableCountType {
  @Field(() => String, { description: "SQL table name." })
  table!: string;

  @Field(() => Int)
  rows!: number;
}
