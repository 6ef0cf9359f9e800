import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { SalesGroup } from "../schema/sales.type.js";
import { SalesGroupBy } from "../schema/sales.enums.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SALES_TABLES } from "../services/sales/index.js";

@Resolver()
export class SalesResolver {
  @CacheRead({ tables: SALES_TABLES })
  @Query(() => [SalesGroup], {
    description:
      "Revenue, order count, units and average order value per group for orders placed in [from, to). " +
      "Revenue is the sum of orders.total over orders whose status is not CANCELLED or REFUNDED; " +
      "grouped by CATEGORY it is each category's share: the sum of its line amounts quantity * unitPrice * (1 - discount). " +
      "The range may span at most 5 years.",
  })
  salesSummary(
    @Ctx() ctx: GatewayContext,
    @Arg("from", () => Date, { description: "Inclusive start." }) from: Date,
    @Arg("to", () => Date, { description: "Exclusive end." }) to: Date,
    @Arg("groupBy", () => SalesGroupBy) groupBy: SalesGroupBy,
  ) {
    return ctx.services.sales.summary({ from, to, groupBy });
  }
}
