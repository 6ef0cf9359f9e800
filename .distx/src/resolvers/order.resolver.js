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
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { Customer } from "../schema/customer.type.js";
import { Order, OrderConnection } from "../schema/order.type.js";
import { OrderItem } from "../schema/order-item.type.js";
import { OrderFilter, OrderOrder } from "../schema/shop.input.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SHOP_TABLES } from "../services/shop/index.js";
import { selectionOf } from "./selection.js";
let OrderResolver = class {
  order(id, ctx, info) {
    return ctx.services.shop.orders.byId(id, { include: selectionOf(info), cache: ctx.loaders });
  }
  orders(ctx, filter, orderBy, first, after) {
    return ctx.services.shop.orders.list(filter, orderBy, { first, after });
  }
  customer(order, ctx) {
    return ctx.loaders.customerById.load(order.customerId);
  }
  items(order, ctx) {
    return ctx.loaders.itemsByOrderId.load(order.id);
  }
};
__decorateClass([
  CacheRead({ tables: SHOP_TABLES }),
  Query(() => Order, { description: "One order; NOT_FOUND when the id does not exist." }),
  __decorateParam(0, Arg("id", () => Int)),
  __decorateParam(1, Ctx()),
  __decorateParam(2, Info())
], OrderResolver.prototype, "order", 1);
__decorateClass([
  CacheRead({ tables: SHOP_TABLES }),
  Query(() => OrderConnection, { description: "Orders, filtered and ordered, one page at a time (first \u2264 MAX_PAGE_SIZE)." }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("filter", () => OrderFilter, { nullable: true })),
  __decorateParam(2, Arg("orderBy", () => OrderOrder, { nullable: true })),
  __decorateParam(3, Arg("first", () => Int, { defaultValue: 20 })),
  __decorateParam(4, Arg("after", () => String, { nullable: true }))
], OrderResolver.prototype, "orders", 1);
__decorateClass([
  FieldResolver(() => Customer),
  __decorateParam(0, Root()),
  __decorateParam(1, Ctx())
], OrderResolver.prototype, "customer", 1);
__decorateClass([
  FieldResolver(() => [OrderItem], { description: "The order's lines, in the order they were added." }),
  __decorateParam(0, Root()),
  __decorateParam(1, Ctx())
], OrderResolver.prototype, "items", 1);
OrderResolver = __decorateClass([
  Resolver(() => Order)
], OrderResolver);
export {
  OrderResolver
};
