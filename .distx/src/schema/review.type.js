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
import { Field, Int, ObjectType } from "type-graphql";
let Review = class {
  id;
  productId;
  customerId;
  rating;
  body;
  createdAt;
};
__decorateClass([
  Field(() => Int)
], Review.prototype, "id", 2);
__decorateClass([
  Field(() => Int)
], Review.prototype, "productId", 2);
__decorateClass([
  Field(() => Int)
], Review.prototype, "customerId", 2);
__decorateClass([
  Field(() => Int, { description: "Star rating from 1 to 5." })
], Review.prototype, "rating", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], Review.prototype, "body", 2);
__decorateClass([
  Field(() => Date)
], Review.prototype, "createdAt", 2);
Review = __decorateClass([
  ObjectType({ description: "A customer's review of a product." })
], Review);
export {
  Review
};
