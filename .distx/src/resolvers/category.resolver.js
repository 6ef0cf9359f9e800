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
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Category } from "../schema/category.type.js";
import { Product } from "../schema/product.type.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SHOP_TABLES } from "../services/shop/index.js";
let CategoryResolver = class {
  categories(ctx) {
    return ctx.services.shop.categories.all();
  }
  products(category, ctx) {
    return ctx.loaders.productsByCategoryId.load(category.id);
  }
};
__decorateClass([
  CacheRead({ tables: SHOP_TABLES }),
  Query(() => [Category], { description: "Every product category, by name." }),
  __decorateParam(0, Ctx())
], CategoryResolver.prototype, "categories", 1);
__decorateClass([
  FieldResolver(() => [Product], { description: "The category's products, by id." }),
  __decorateParam(0, Root()),
  __decorateParam(1, Ctx())
], CategoryResolver.prototype, "products", 1);
CategoryResolver = __decorateClass([
  Resolver(() => Category)
], CategoryResolver);
export {
  CategoryResolver
};
