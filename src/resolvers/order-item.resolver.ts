import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { OrderItem } from "../schema/order-item.type.js";
import { Product } from "../schema/product.type.js";
import type { OrderItemNode } from "../services/shop/index.js";

@Resolver(() => OrderItem)
export class OrderItemResolver {
  @FieldResolver(() => Product)
  product(@Root() item: OrderItemNode, @Ctx() ctx: GatewayContext) {
    return ctx.loaders.productById.load(item.productId);
  }
}
