import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CacheInvalidation, CacheStatsType } from "../schema/cache.type.js";
import type { GatewayContext } from "../context.js";

@Resolver()
export class CacheResolver {
  @Query(() => CacheStatsType, { description: "Result cache figures: size, bound, hits, misses, hit rate, evictions, expirations." })
  cacheStats(@Ctx() ctx: GatewayContext): Promise<CacheStatsType> {
    return ctx.services.cache.stats();
  }

  @Mutation(() => CacheInvalidation, {
    description:
      "Invalidates cached answers: `table` bumps that table's tag (every answer that read it is dropped); `pattern` is a glob (* and ?) over operation names, e.g. \"Sales*\". Give one or both.",
  })
  invalidateCache(
    @Ctx() ctx: GatewayContext,
    @Arg("table", () => String, { nullable: true }) table: string | null,
    @Arg("pattern", () => String, { nullable: true }) pattern: string | null,
  ): Promise<CacheInvalidation> {
    return ctx.services.cache.invalidate({ table, pattern });
  }
}
