import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { Customer, CustomerConnection } from "../schema/customer.type.js";
import { OrderConnection } from "../schema/order.type.js";
import { CustomerFilter, CustomerOrder } from "../schema/shop.input.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SHOP_TABLES, type CustomerNode } from "../services/shop/index.js";

@Resolver(() => Customer)
export class CustomerResolver {
  @CacheRead({ tables: SHOP_TABLES })
  @Query(() => Customer, { description: "One customer; NOT_FOUND when the id does not exist." })
  customer(@Arg("id", () => Int) id: number, @Ctx() ctx: GatewayContext) {
    return ctx.services.shop.customers.byId(id);
  }

  @CacheRead({ tables: SHOP_TABLES })
  @Query(() => CustomerConnection, { description: "Customers, filtered and ordered, one page at a time (first ≤ MAX_PAGE_SIZE)." })
  customers(
    @Ctx() ctx: GatewayContext,
    @Arg("filter", () => CustomerFilter, { nullable: true }) filter: CustomerFilter | null,
    @Arg("orderBy", () => CustomerOrder, { nullable: true }) orderBy: CustomerOrder | null,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.shop.customers.list(filter, orderBy, { first, after });
  }

  @FieldResolver(() => OrderConnection, { description: "The customer's orders, newest first." })
  orders(
    @Root() customer: CustomerNode,
    @Ctx() ctx: GatewayContext,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.loaders.ordersByCustomer.load({ customerId: customer.id, first, after });
  }
}
