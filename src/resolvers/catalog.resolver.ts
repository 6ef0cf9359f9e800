import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { CatalogInfo } from "../schema/catalog.type.js";
import type { GatewayContext } from "../context.js";
import { toCatalogInfo } from "../services/catalog/index.js";

@Resolver()
export class CatalogResolver {
  @Query(() => CatalogInfo, { description: "What the natural-language engine knows about the allow-listed tables (for autocompletion and explanations)." })
  async catalog(
    @Ctx() ctx: GatewayContext,
    @Arg("refresh", () => Boolean, { defaultValue: false, description: "Re-read the database first (after DDL or ingestion)." }) refresh: boolean,
  ): Promise<CatalogInfo> {
    return toCatalogInfo(refresh ? await ctx.services.catalog.refresh() : await ctx.services.catalog.get());
  }
}
