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
import { Connection } from "./connection.type.js";
import { OrderStatus, SalesChannel } from "./shop.enums.js";
let Order = class {
  id;
  customerId;
  status;
  channel;
  orderedAt;
  total;
};
__decorateClass([
  Field(() => Int)
], Order.prototype, "id", 2);
__decorateClass([
  Field(() => Int)
], Order.prototype, "customerId", 2);
__decorateClass([
  Field(() => OrderStatus)
], Order.prototype, "status", 2);
__decorateClass([
  Field(() => SalesChannel)
], Order.prototype, "channel", 2);
__decorateClass([
  Field(() => Date, { description: "When the order was placed." })
], Order.prototype, "orderedAt", 2);
__decorateClass([
  Field(() => Float, { description: "Sum of the items' quantity * unitPrice * (1 - discount), rounded to cents (money as Float, exact to the cent)." })
], Order.prototype, "total", 2);
Order = __decorateClass([
  ObjectType({ description: "A customer's order." })
], Order);
let OrderConnection = class extends Connection(Order, "Order") {
};
OrderConnection = __decorateClass([
  ObjectType({ description: "A page of orders." })
], OrderConnection);
export {
  Order,
  OrderConnection
};
