import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { Category } from "../schema/category.type.js";
import { Product, ProductConnection } from "../schema/product.type.js";
import { Review } from "../schema/review.type.js";
import { ProductFilter, ProductOrder } from "../schema/shop.input.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SHOP_TABLES, type ProductNode } from "../services/shop/index.js";

@Resolver(() => Product)
export class ProductResolver {
  @CacheRead({ tables: SHOP_TABLES })
  @Query(() => Product, { description: "One product; NOT_FOUND when the id does not exist." })
  product(@Arg("id", () => Int) id: number, @Ctx() ctx: GatewayContext) {
    return ctx.services.shop.products.byId(id);
  }

  @CacheRead({ tables: SHOP_TABLES })
  @Query(() => ProductConnection, { description: "Products, filtered and ordered, one page at a time (first ≤ MAX_PAGE_SIZE)." })
  products(
    @Ctx() ctx: GatewayContext,
    @Arg("filter", () => ProductFilter, { nullable: true }) filter: ProductFilter | null,
    @Arg("orderBy", () => ProductOrder, { nullable: true }) orderBy: ProductOrder | null,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.shop.products.list(filter, orderBy, { first, after });
  }

  @FieldResolver(() => Category)
  category(@Root() product: ProductNode, @Ctx() ctx: GatewayContext) {
    return ctx.loaders.categoryById.load(product.categoryId);
  }

  @FieldResolver(() => [Review], { description: "Reviews of this product, newest first." })
  reviews(@Root() product: ProductNode, @Ctx() ctx: GatewayContext) {
    return ctx.loaders.reviewsByProductId.load(product.id);
  }
}
