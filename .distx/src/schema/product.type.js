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
let Product = class {
  id;
  sku;
  name;
  categoryId;
  price;
  cost;
  stock;
  reorderLevel;
  lowStock;
  active;
  createdAt;
};
__decorateClass([
  Field(() => Int)
], Product.prototype, "id", 2);
__decorateClass([
  Field(() => String, { description: "Stock keeping unit, unique." })
], Product.prototype, "sku", 2);
__decorateClass([
  Field(() => String)
], Product.prototype, "name", 2);
__decorateClass([
  Field(() => Int)
], Product.prototype, "categoryId", 2);
__decorateClass([
  Field(() => Float, { description: "List price per unit (money, 2 decimals)." })
], Product.prototype, "price", 2);
__decorateClass([
  Field(() => Float, { description: "Unit cost to the shop (money, 2 decimals)." })
], Product.prototype, "cost", 2);
__decorateClass([
  Field(() => Int, { description: "Units on hand." })
], Product.prototype, "stock", 2);
__decorateClass([
  Field(() => Int, { description: "Stock at or below this level means low stock." })
], Product.prototype, "reorderLevel", 2);
__decorateClass([
  Field(() => Boolean, { description: "stock <= reorderLevel." })
], Product.prototype, "lowStock", 2);
__decorateClass([
  Field(() => Boolean, { description: "False for discontinued products." })
], Product.prototype, "active", 2);
__decorateClass([
  Field(() => Date)
], Product.prototype, "createdAt", 2);
Product = __decorateClass([
  ObjectType({ description: "Something the shop sells. Money amounts are Float in the shop's currency, exact to the cent (numeric(10,2) in the database)." })
], Product);
let ProductConnection = class extends Connection(Product, "Product") {
};
ProductConnection = __decorateClass([
  ObjectType({ description: "A page of products." })
], ProductConnection);
export {
  Product,
  ProductConnection
};
