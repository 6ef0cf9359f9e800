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
let SalesGroup = class {
  key;
  label;
  periodStart;
  revenue;
  orderCount;
  units;
  averageOrderValue;
};
__decorateClass([
  Field(() => String, { description: "Stable key: YYYY-MM-DD (DAY, WEEK = its Monday), YYYY-MM (MONTH), category id, country code, channel or segment." })
], SalesGroup.prototype, "key", 2);
__decorateClass([
  Field(() => String, { description: "Human-readable name: the date, ISO week (2026-W05), month, category name, country, channel or segment." })
], SalesGroup.prototype, "label", 2);
__decorateClass([
  Field(() => Date, { nullable: true, description: "Start of the period (UTC) for DAY, WEEK and MONTH; null otherwise." })
], SalesGroup.prototype, "periodStart", 2);
__decorateClass([
  Field(() => Float, {
    description: "Sum of orders.total. For CATEGORY: the category's share, the sum of its line amounts quantity * unitPrice * (1 - discount)."
  })
], SalesGroup.prototype, "revenue", 2);
__decorateClass([
  Field(() => Int, { description: "Orders in the group (for CATEGORY: orders with at least one line of the category)." })
], SalesGroup.prototype, "orderCount", 2);
__decorateClass([
  Field(() => Int, { description: "Units sold: sum of item quantities (for CATEGORY: of the category's lines)." })
], SalesGroup.prototype, "units", 2);
__decorateClass([
  Field(() => Float, { description: "revenue / orderCount, rounded to cents." })
], SalesGroup.prototype, "averageOrderValue", 2);
SalesGroup = __decorateClass([
  ObjectType({
    description: "One group of salesSummary. Only orders whose status is not CANCELLED or REFUNDED count. Money as Float, rounded to cents."
  })
], SalesGroup);
export {
  SalesGroup
};
