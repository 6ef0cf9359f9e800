import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { Customer } from "../schema/customer.type.js";
import { Review } from "../schema/review.type.js";
import type { ReviewNode } from "../services/shop/index.js";

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => Customer, { description: "Who wrote the review." })
  customer(@Root() review: ReviewNode, @Ctx() ctx: GatewayContext) {
    return ctx.loaders.customerById.load(review.customerId);
  }
}
