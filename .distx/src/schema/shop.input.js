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
import { Field, Float, InputType, Int } from "type-graphql";
import {
  CustomerSegment,
  CustomerSortField,
  OrderSortField,
  OrderStatus,
  ProductSortField,
  SalesChannel,
  SortDirection
} from "./shop.enums.js";
let CustomerFilter = class {
  country;
  segment;
  search;
};
__decorateClass([
  Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code, e.g. DE (case-insensitive)." })
], CustomerFilter.prototype, "country", 2);
__decorateClass([
  Field(() => CustomerSegment, { nullable: true })
], CustomerFilter.prototype, "segment", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Case-insensitive substring of the name or e-mail." })
], CustomerFilter.prototype, "search", 2);
CustomerFilter = __decorateClass([
  InputType({ description: "All given conditions must hold." })
], CustomerFilter);
let CustomerOrder = class {
  field;
  direction;
};
__decorateClass([
  Field(() => CustomerSortField, { defaultValue: CustomerSortField.ID })
], CustomerOrder.prototype, "field", 2);
__decorateClass([
  Field(() => SortDirection, { defaultValue: SortDirection.ASC })
], CustomerOrder.prototype, "direction", 2);
CustomerOrder = __decorateClass([
  InputType()
], CustomerOrder);
let ProductFilter = class {
  categoryId;
  active;
  lowStock;
  minPrice;
  maxPrice;
  search;
};
__decorateClass([
  Field(() => Int, { nullable: true })
], ProductFilter.prototype, "categoryId", 2);
__decorateClass([
  Field(() => Boolean, { nullable: true })
], ProductFilter.prototype, "active", 2);
__decorateClass([
  Field(() => Boolean, { nullable: true, description: "true: stock <= reorderLevel; false: stock above it." })
], ProductFilter.prototype, "lowStock", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "Lowest price, inclusive." })
], ProductFilter.prototype, "minPrice", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "Highest price, inclusive." })
], ProductFilter.prototype, "maxPrice", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Case-insensitive substring of the name or SKU." })
], ProductFilter.prototype, "search", 2);
ProductFilter = __decorateClass([
  InputType({ description: "All given conditions must hold." })
], ProductFilter);
let ProductOrder = class {
  field;
  direction;
};
__decorateClass([
  Field(() => ProductSortField, { defaultValue: ProductSortField.ID })
], ProductOrder.prototype, "field", 2);
__decorateClass([
  Field(() => SortDirection, { defaultValue: SortDirection.ASC })
], ProductOrder.prototype, "direction", 2);
ProductOrder = __decorateClass([
  InputType()
], ProductOrder);
let OrderFilter = class {
  statuses;
  channel;
  customerId;
  orderedFrom;
  orderedTo;
  minTotal;
  maxTotal;
};
__decorateClass([
  Field(() => [OrderStatus], { nullable: true, description: "Any of these statuses." })
], OrderFilter.prototype, "statuses", 2);
__decorateClass([
  Field(() => SalesChannel, { nullable: true })
], OrderFilter.prototype, "channel", 2);
__decorateClass([
  Field(() => Int, { nullable: true })
], OrderFilter.prototype, "customerId", 2);
__decorateClass([
  Field(() => Date, { nullable: true, description: "Ordered at or after this time (inclusive)." })
], OrderFilter.prototype, "orderedFrom", 2);
__decorateClass([
  Field(() => Date, { nullable: true, description: "Ordered before this time (exclusive)." })
], OrderFilter.prototype, "orderedTo", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "Lowest total, inclusive." })
], OrderFilter.prototype, "minTotal", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "Highest total, inclusive." })
], OrderFilter.prototype, "maxTotal", 2);
OrderFilter = __decorateClass([
  InputType({ description: "All given conditions must hold." })
], OrderFilter);
let OrderOrder = class {
  field;
  direction;
};
__decorateClass([
  Field(() => OrderSortField, { defaultValue: OrderSortField.ID })
], OrderOrder.prototype, "field", 2);
__decorateClass([
  Field(() => SortDirection, { defaultValue: SortDirection.ASC })
], OrderOrder.prototype, "direction", 2);
OrderOrder = __decorateClass([
  InputType()
], OrderOrder);
export {
  CustomerFilter,
  CustomerOrder,
  OrderFilter,
  OrderOrder,
  ProductFilter,
  ProductOrder
};
