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
import { Field, Float, InputType, registerEnumType } from "type-graphql";
var QualityRuleKind = /* @__PURE__ */ ((QualityRuleKind2) => {
  QualityRuleKind2["EMAIL"] = "EMAIL";
  QualityRuleKind2["NON_NEGATIVE"] = "NON_NEGATIVE";
  QualityRuleKind2["PAST"] = "PAST";
  QualityRuleKind2["UNIQUE"] = "UNIQUE";
  QualityRuleKind2["NOT_NULL"] = "NOT_NULL";
  QualityRuleKind2["PATTERN"] = "PATTERN";
  QualityRuleKind2["RANGE"] = "RANGE";
  return QualityRuleKind2;
})(QualityRuleKind || {});
registerEnumType(QualityRuleKind, { name: "QualityRuleKind" });
let QualityRuleInput = class {
  column;
  rule;
  pattern;
  min;
  max;
};
__decorateClass([
  Field(() => String)
], QualityRuleInput.prototype, "column", 2);
__decorateClass([
  Field(() => QualityRuleKind)
], QualityRuleInput.prototype, "rule", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "PATTERN: a PostgreSQL regular expression." })
], QualityRuleInput.prototype, "pattern", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "RANGE: smallest allowed value." })
], QualityRuleInput.prototype, "min", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "RANGE: largest allowed value." })
], QualityRuleInput.prototype, "max", 2);
QualityRuleInput = __decorateClass([
  InputType({ description: "A rule a column's values must follow, on top of those read from doc comments and column names." })
], QualityRuleInput);
export {
  QualityRuleInput,
  QualityRuleKind
};
