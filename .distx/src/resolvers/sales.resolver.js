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
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { SalesGroup } from "../schema/sales.type.js";
import { SalesGroupBy } from "../schema/shop.enums.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SALES_TABLES } from "../services/sales/index.js";
let SalesResolver = class {
  salesSummary(ctx, from, to, groupBy) {
    return ctx.services.sales.summary({ from, to, groupBy });
  }
};
__decorateClass([
  CacheRead({ tables: SALES_TABLES }),
  Query(() => [SalesGroup], {
    description: "Revenue, order count, units and average order value per group for orders placed in [from, to). Revenue is the sum of orders.total over orders whose status is not CANCELLED or REFUNDED; grouped by CATEGORY it is each category's share: the sum of its line amounts quantity * unitPrice * (1 - discount). The range may span at most 5 years."
  }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("from", () => Date, { description: "Inclusive start." })),
  __decorateParam(2, Arg("to", () => Date, { description: "Exclusive end." })),
  __decorateParam(3, Arg("groupBy", () => SalesGroupBy))
], SalesResolver.prototype, "salesSummary", 1);
SalesResolver = __decorateClass([
  Resolver()
], SalesResolver);
export {
  SalesResolver
};
