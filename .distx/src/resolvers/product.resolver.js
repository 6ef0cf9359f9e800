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
var __decorateParam = (index, decorator) => (target, key) => decorator(target, key, index);
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Category } from "../schema/category.type.js";
import { Product, ProductConnection } from "../schema/product.type.js";
import { Review } from "../schema/review.type.js";
import { ProductFilter, ProductOrder } from "../schema/shop.input.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SHOP_TABLES } from "../services/shop/index.js";
let ProductResolver = class {
  product(id, ctx) {
    return ctx.services.shop.products.byId(id);
  }
  products(ctx, filter, orderBy, first, after) {
    return ctx.services.shop.products.list(filter, orderBy, { first, after });
  }
  category(product, ctx) {
    return ctx.loaders.categoryById.load(product.categoryId);
  }
  reviews(product, ctx) {
    return ctx.loaders.reviewsByProductId.load(product.id);
  }
};
__decorateClass([
  CacheRead({ tables: SHOP_TABLES }),
  Query(() => Product, { description: "One product; NOT_FOUND when the id does not exist." }),
  __decorateParam(0, Arg("id", () => Int)),
  __decorateParam(1, Ctx())
], ProductResolver.prototype, "product", 1);
__decorateClass([
  CacheRead({ tables: SHOP_TABLES }),
  Query(() => ProductConnection, { description: "Products, filtered and ordered, one page at a time (first \u2264 MAX_PAGE_SIZE)." }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("filter", () => ProductFilter, { nullable: true })),
  __decorateParam(2, Arg("orderBy", () => ProductOrder, { nullable: true })),
  __decorateParam(3, Arg("first", () => Int, { defaultValue: 20 })),
  __decorateParam(4, Arg("after", () => String, { nullable: true }))
], ProductResolver.prototype, "products", 1);
__decorateClass([
  FieldResolver(() => Category),
  __decorateParam(0, Root()),
  __decorateParam(1, Ctx())
], ProductResolver.prototype, "category", 1);
__decorateClass([
  FieldResolver(() => [Review], { description: "Reviews of this product, newest first." }),
  __decorateParam(0, Root()),
  __decorateParam(1, Ctx())
], ProductResolver.prototype, "reviews", 1);
ProductResolver = __decorateClass([
  Resolver(() => Product)
], ProductResolver);
export {
  ProductResolver
};
