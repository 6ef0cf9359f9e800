import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { Customer } from "../schema/customer.type.js";
import { Order, OrderConnection } from "../schema/order.type.js";
import { OrderItem } from "../schema/order-item.type.js";
import { OrderFilter, OrderOrder } from "../schema/shop.input.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { SHOP_TABLES, type OrderNode } from "../services/shop/index.js";
import { selectionOf } from "./selection.js";

@Resolver(() => Order)
export class OrderResolver {
  @CacheRead({ tables: SHOP_TABLES })
  @Query(() => Order, { description: "One order; NOT_FOUND when the id does not exist." })
  order(@Arg("id", () => Int) id: number, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    // The selected relations come with the order in one statement and wait in the loaders for the field resolvers below.
    return ctx.services.shop.orders.byId(id, { include: selectionOf(info), cache: ctx.loaders });
  }

  @CacheRead({ tables: SHOP_TABLES })
  @Query(() => OrderConnection, { description: "Orders, filtered and ordered, one page at a time (first ≤ MAX_PAGE_SIZE)." })
  orders(
    @Ctx() ctx: GatewayContext,
    @Arg("filter", () => OrderFilter, { nullable: true }) filter: OrderFilter | null,
    @Arg("orderBy", () => OrderOrder, { nullable: true }) orderBy: OrderOrder | null,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.shop.orders.list(filter, orderBy, { first, after });
  }

  @FieldResolver(() => Customer)
  customer(@Root() order: OrderNode, @Ctx() ctx: GatewayContext) {
    return ctx.loaders.customerById.load(order.customerId);
  }

  @FieldResolver(() => [OrderItem], { description: "The order's lines, in the order they were added." })
  items(@Root() order: OrderNode, @Ctx() ctx: GatewayContext) {
    return ctx.loaders.itemsByOrderId.load(order.id);
  }
}
