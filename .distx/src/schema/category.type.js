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
let Category = class {
  id;
  name;
};
__decorateClass([
  Field(() => Int)
], Category.prototype, "id", 2);
__decorateClass([
  Field(() => String)
], Category.prototype, "name", 2);
Category = __decorateClass([
  ObjectType({ description: "A product category." })
], Category);
export {
  Category
};
