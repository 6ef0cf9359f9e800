var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? __getOwnPropDesc(target, key) : target;
  for (var i = decorators.length - 1, decorator; i >= 0; i--)
    if (decorator = decorators[i])
      result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) __defProp(target, key, result);
  return result;
};
import { Field, Float, Int, ObjectType } from "type-graphql";
import { CacheStatsType } from "./cache.type.js";
let PoolStatsType = class {
  kind;
  maxSize;
  open;
  inUse;
  idle;
  waiting;
  acquisitions;
  connectionsOpened;
  reuseRate;
  statements;
};
__decorateClass([
  Field(() => String, { description: "pglite or postgres." })
], PoolStatsType.prototype, "kind", 2);
__decorateClass([
  Field(() => Int, { description: "Largest number of connections the pool may open (DB_POOL_SIZE)." })
], PoolStatsType.prototype, "maxSize", 2);
__decorateClass([
  Field(() => Int)
], PoolStatsType.prototype, "open", 2);
__decorateClass([
  Field(() => Int)
], PoolStatsType.prototype, "inUse", 2);
__decorateClass([
  Field(() => Int)
], PoolStatsType.prototype, "idle", 2);
__decorateClass([
  Field(() => Int, { description: "Requests waiting for a free connection." })
], PoolStatsType.prototype, "waiting", 2);
__decorateClass([
  Field(() => Int, { description: "Connection checkouts since start." })
], PoolStatsType.prototype, "acquisitions", 2);
__decorateClass([
  Field(() => Int, { description: "Connections ever opened." })
], PoolStatsType.prototype, "connectionsOpened", 2);
__decorateClass([
  Field(() => Float, { description: "Share of acquisitions served by an already open connection (0\u20131)." })
], PoolStatsType.prototype, "reuseRate", 2);
__decorateClass([
  Field(() => Int, { description: "SQL statements sent since start." })
], PoolStatsType.prototype, "statements", 2);
PoolStatsType = __decorateClass([
  ObjectType("PoolStats", { description: "The database connection pool now (PGlite has one connection)." })
], PoolStatsType);
let OperationTimingType = class {
  operation;
  count;
  errors;
  meanMs;
  p50Ms;
  p95Ms;
  maxMs;
};
__decorateClass([
  Field(() => String, { description: "The operation's name, or `anonymous`." })
], OperationTimingType.prototype, "operation", 2);
__decorateClass([
  Field(() => Int)
], OperationTimingType.prototype, "count", 2);
__decorateClass([
  Field(() => Int, { description: "Answers that carried at least one error." })
], OperationTimingType.prototype, "errors", 2);
__decorateClass([
  Field(() => Float)
], OperationTimingType.prototype, "meanMs", 2);
__decorateClass([
  Field(() => Float)
], OperationTimingType.prototype, "p50Ms", 2);
__decorateClass([
  Field(() => Float)
], OperationTimingType.prototype, "p95Ms", 2);
__decorateClass([
  Field(() => Float)
], OperationTimingType.prototype, "maxMs", 2);
OperationTimingType = __decorateClass([
  ObjectType("OperationTiming", { description: "Timings of one GraphQL operation name over HTTP since start. p50/p95 come from a bounded uniform sample." })
], OperationTimingType);
let GatewayStatsType = class {
  pool;
  cache;
  operations;
};
__decorateClass([
  Field(() => PoolStatsType)
], GatewayStatsType.prototype, "pool", 2);
__decorateClass([
  Field(() => CacheStatsType)
], GatewayStatsType.prototype, "cache", 2);
__decorateClass([
  Field(() => [OperationTimingType])
], GatewayStatsType.prototype, "operations", 2);
GatewayStatsType = __decorateClass([
  ObjectType("GatewayStats", { description: "How the gateway is doing: pool, cache and per-operation timings." })
], GatewayStatsType);
let TableCountType = class {
  table;
  rows;
};
__decorateClass([
  Field(() => String, { description: "SQL table name." })
], TableCountType.prototype, "table", 2);
__decorateClass([
  Field(() => Int)
], TableCountType.prototype, "rows", 2);
TableCountType = __decorateClass([
  ObjectType("TableCount", { description: "How many rows one demo table holds." })
], TableCountType);
export {
  GatewayStatsType,
  OperationTimingType,
  PoolStatsType,
  TableCountType
};
