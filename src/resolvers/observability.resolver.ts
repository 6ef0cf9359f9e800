import { Ctx, Query, Resolver } from "type-graphql";
import { GatewayStatsType, TableCountType } from "../schema/observability.type.js";
import type { GatewayContext } from "../context.js";
import { CacheRead } from "../services/cache/index.js";
import { DEMO_TABLES } from "../services/observability/index.js";

@Resolver()
export class ObservabilityResolver {
  @Query(() => GatewayStatsType, { description: "Pool, cache and per-operation timing figures (the same as GET /metrics)." })
  gatewayStats(@Ctx() ctx: GatewayContext): Promise<GatewayStatsType> {
    return ctx.services.observability.gatewayStats();
  }

  @CacheRead({ tables: [...DEMO_TABLES] })
  @Query(() => [TableCountType], { description: "Row counts of the demo shop's tables. Cached (CACHE_TTL_SECONDS); writes to those tables invalidate it." })
  tableCounts(@Ctx() ctx: GatewayContext): Promise<TableCountType[]> {
    return ctx.services.observability.tableCounts();
  }
}
