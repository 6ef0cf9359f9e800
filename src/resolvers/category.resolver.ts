import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { Category } from "../schema/category.type.js";
import { Product } from "../schema/product.type.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SHOP_TABLES, type CategoryNode } from "../services/shop/index.js";

@Resolver(() => Category)
export class CategoryResolver {
  @CacheRead({ tables: SHOP_TABLES })
  @Query(() => [Category], { description: "Every product category, by name." })
  categories(@Ctx() ctx: GatewayContext) {
    return ctx.services.shop.categories.all();
  }

  @FieldResolver(() => [Product], { description: "The category's products, by id." })
  products(@Root() category: CategoryNode, @Ctx() ctx: GatewayContext) {
    return ctx.loaders.productsByCategoryId.load(category.id);
  }
}
