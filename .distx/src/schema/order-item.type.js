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
import { Field, Float, Int, ObjectType } from "type-graphql";
let OrderItem = class {
  id;
  orderId;
  productId;
  quantity;
  unitPrice;
  discount;
  lineTotal;
};
__decorateClass([
  Field(() => Int)
], OrderItem.prototype, "id", 2);
__decorateClass([
  Field(() => Int)
], OrderItem.prototype, "orderId", 2);
__decorateClass([
  Field(() => Int)
], OrderItem.prototype, "productId", 2);
__decorateClass([
  Field(() => Int, { description: "Units ordered, at least 1." })
], OrderItem.prototype, "quantity", 2);
__decorateClass([
  Field(() => Float, { description: "Price per unit at the time of the order (money, 2 decimals)." })
], OrderItem.prototype, "unitPrice", 2);
__decorateClass([
  Field(() => Float, { description: "Discount as a fraction from 0 to 1." })
], OrderItem.prototype, "discount", 2);
__decorateClass([
  Field(() => Float, { description: "quantity * unitPrice * (1 - discount), rounded to cents." })
], OrderItem.prototype, "lineTotal", 2);
OrderItem = __decorateClass([
  ObjectType({ description: "One line of an order." })
], OrderItem);
export {
  OrderItem
};
