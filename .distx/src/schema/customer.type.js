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
import { Connection } from "./connection.type.js";
import { CustomerSegment } from "./shop.enums.js";
let Customer = class {
  id;
  email;
  name;
  country;
  city;
  segment;
  createdAt;
};
__decorateClass([
  Field(() => Int)
], Customer.prototype, "id", 2);
__decorateClass([
  Field(() => String)
], Customer.prototype, "email", 2);
__decorateClass([
  Field(() => String)
], Customer.prototype, "name", 2);
__decorateClass([
  Field(() => String, { description: "ISO 3166-1 alpha-2 country code, e.g. DE." })
], Customer.prototype, "country", 2);
__decorateClass([
  Field(() => String)
], Customer.prototype, "city", 2);
__decorateClass([
  Field(() => CustomerSegment)
], Customer.prototype, "segment", 2);
__decorateClass([
  Field(() => Date, { description: "Signup time." })
], Customer.prototype, "createdAt", 2);
Customer = __decorateClass([
  ObjectType({ description: "A person or company that buys from the shop." })
], Customer);
let CustomerConnection = class extends Connection(Customer, "Customer") {
};
CustomerConnection = __decorateClass([
  ObjectType({ description: "A page of customers." })
], CustomerConnection);
export {
  Customer,
  CustomerConnection
};
