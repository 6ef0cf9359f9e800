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
import { Customer, CustomerConnection } from "../schema/customer.type.js";
import { OrderConnection } from "../schema/order.type.js";
import { CustomerFilter, CustomerOrder } from "../schema/shop.input.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SHOP_TABLES } from "../services/shop/index.js";
let CustomerResolver = class {
  customer(id, ctx) {
    return ctx.services.shop.customers.byId(id);
  }
  customers(ctx, filter, orderBy, first, after) {
    return ctx.services.shop.customers.list(filter, orderBy, { first, after });
  }
  orders(customer, ctx, first, after) {
    return ctx.loaders.ordersByCustomer.load({ customerId: customer.id, first, after });
  }
};
__decorateClass([
  CacheRead({ tables: SHOP_TABLES }),
  Query(() => Customer, { description: "One customer; NOT_FOUND when the id does not exist." }),
  __decorateParam(0, Arg("id", () => Int)),
  __decorateParam(1, Ctx())
], CustomerResolver.prototype, "customer", 1);
__decorateClass([
  CacheRead({ tables: SHOP_TABLES }),
  Query(() => CustomerConnection, { description: "Customers, filtered and ordered, one page at a time (first \u2264 MAX_PAGE_SIZE)." }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("filter", () => CustomerFilter, { nullable: true })),
  __decorateParam(2, Arg("orderBy", () => CustomerOrder, { nullable: true })),
  __decorateParam(3, Arg("first", () => Int, { defaultValue: 20 })),
  __decorateParam(4, Arg("after", () => String, { nullable: true }))
], CustomerResolver.prototype, "customers", 1);
__decorateClass([
  FieldResolver(() => OrderConnection, { description: "The customer's orders, newest first." }),
  __decorateParam(0, Root()),
  __decorateParam(1, Ctx()),
  __decorateParam(2, Arg("first", () => Int, { defaultValue: 20 })),
  __decorateParam(3, Arg("after", () => String, { nullable: true }))
], CustomerResolver.prototype, "orders", 1);
CustomerResolver = __decorateClass([
  Resolver(() => Customer)
], CustomerResolver);
export {
  CustomerResolver
};
