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
import { Customer } from "../schema/customer.type.js";
import { Review } from "../schema/review.type.js";
let ReviewResolver = class {
  customer(review, ctx) {
    return ctx.loaders.customerById.load(review.customerId);
  }
};
__decorateClass([
  FieldResolver(() => Customer, { description: "Who wrote the review." }),
  __decorateParam(0, Root()),
  __decorateParam(1, Ctx())
], ReviewResolver.prototype, "customer", 1);
ReviewResolver = __decorateClass([
  Resolver(() => Review)
], ReviewResolver);
export {
  ReviewResolver
};
