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
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { OrderItem } from "../schema/order-item.type.js";
import { Product } from "../schema/product.type.js";
let OrderItemResolver = class {
  product(item, ctx) {
    return ctx.loaders.productById.load(item.productId);
  }
};
__decorateClass([
  FieldResolver(() => Product),
  __decorateParam(0, Root()),
  __decorateParam(1, Ctx())
], OrderItemResolver.prototype, "product", 1);
OrderItemResolver = __decorateClass([
  Resolver(() => OrderItem)
], OrderItemResolver);
export {
  OrderItemResolver
};
