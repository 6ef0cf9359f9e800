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
let ValueCount = class {
  value;
  count;
};
__decorateClass([
  Field(() => String)
], ValueCount.prototype, "value", 2);
__decorateClass([
  Field(() => Int)
], ValueCount.prototype, "count", 2);
ValueCount = __decorateClass([
  ObjectType()
], ValueCount);
let RuleViolation = class {
  rule;
  source;
  count;
  share;
  examples;
  detail;
};
__decorateClass([
  Field(() => String, { description: "EMAIL, NON_NEGATIVE, PAST, UNIQUE, NOT_NULL, PATTERN, RANGE or FOREIGN_KEY." })
], RuleViolation.prototype, "rule", 2);
__decorateClass([
  Field(() => String, { description: "Where the rule came from: input, doc comment, name and type, foreign key." })
], RuleViolation.prototype, "source", 2);
__decorateClass([
  Field(() => Int)
], RuleViolation.prototype, "count", 2);
__decorateClass([
  Field(() => Float, { description: "Share of all rows, 0\u20131." })
], RuleViolation.prototype, "share", 2);
__decorateClass([
  Field(() => [String])
], RuleViolation.prototype, "examples", 2);
__decorateClass([
  Field(() => String)
], RuleViolation.prototype, "detail", 2);
RuleViolation = __decorateClass([
  ObjectType({ description: "Values breaking one rule." })
], RuleViolation);
let OutlierSummary = class {
  count;
  share;
  lower;
  upper;
};
__decorateClass([
  Field(() => Int)
], OutlierSummary.prototype, "count", 2);
__decorateClass([
  Field(() => Float)
], OutlierSummary.prototype, "share", 2);
__decorateClass([
  Field(() => Float)
], OutlierSummary.prototype, "lower", 2);
__decorateClass([
  Field(() => Float)
], OutlierSummary.prototype, "upper", 2);
OutlierSummary = __decorateClass([
  ObjectType({ description: "Values outside the IQR fences [Q1 \u2212 1.5\xB7IQR, Q3 + 1.5\xB7IQR]." })
], OutlierSummary);
let ColumnQuality = class {
  name;
  type;
  kind;
  nullCount;
  nullShare;
  distinctCount;
  distinctApproximate;
  min;
  max;
  mean;
  stddev;
  topValues;
  violations;
  outliers;
};
__decorateClass([
  Field(() => String)
], ColumnQuality.prototype, "name", 2);
__decorateClass([
  Field(() => String, { description: "PostgreSQL type." })
], ColumnQuality.prototype, "type", 2);
__decorateClass([
  Field(() => String)
], ColumnQuality.prototype, "kind", 2);
__decorateClass([
  Field(() => Int)
], ColumnQuality.prototype, "nullCount", 2);
__decorateClass([
  Field(() => Float)
], ColumnQuality.prototype, "nullShare", 2);
__decorateClass([
  Field(() => Int)
], ColumnQuality.prototype, "distinctCount", 2);
__decorateClass([
  Field(() => Boolean, { description: "True when counted on a sample (tables above QUALITY_EXACT_DISTINCT_MAX_ROWS)." })
], ColumnQuality.prototype, "distinctApproximate", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], ColumnQuality.prototype, "min", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], ColumnQuality.prototype, "max", 2);
__decorateClass([
  Field(() => Float, { nullable: true })
], ColumnQuality.prototype, "mean", 2);
__decorateClass([
  Field(() => Float, { nullable: true })
], ColumnQuality.prototype, "stddev", 2);
__decorateClass([
  Field(() => [ValueCount], { description: "Up to five most frequent values." })
], ColumnQuality.prototype, "topValues", 2);
__decorateClass([
  Field(() => [RuleViolation])
], ColumnQuality.prototype, "violations", 2);
__decorateClass([
  Field(() => OutlierSummary, { nullable: true, description: "Numeric columns only." })
], ColumnQuality.prototype, "outliers", 2);
ColumnQuality = __decorateClass([
  ObjectType()
], ColumnQuality);
let QualityDeduction = class {
  column;
  check;
  points;
  reason;
};
__decorateClass([
  Field(() => String, { nullable: true })
], QualityDeduction.prototype, "column", 2);
__decorateClass([
  Field(() => String)
], QualityDeduction.prototype, "check", 2);
__decorateClass([
  Field(() => Float)
], QualityDeduction.prototype, "points", 2);
__decorateClass([
  Field(() => String)
], QualityDeduction.prototype, "reason", 2);
QualityDeduction = __decorateClass([
  ObjectType({ description: "Points taken off the score, and why." })
], QualityDeduction);
let QualityReport = class {
  id;
  table;
  rowCount;
  score;
  columns;
  deductions;
  createdAt;
};
__decorateClass([
  Field(() => Int)
], QualityReport.prototype, "id", 2);
__decorateClass([
  Field(() => String)
], QualityReport.prototype, "table", 2);
__decorateClass([
  Field(() => Int)
], QualityReport.prototype, "rowCount", 2);
__decorateClass([
  Field(() => Float, { description: "0\u2013100: 100 minus the deductions." })
], QualityReport.prototype, "score", 2);
__decorateClass([
  Field(() => [ColumnQuality])
], QualityReport.prototype, "columns", 2);
__decorateClass([
  Field(() => [QualityDeduction])
], QualityReport.prototype, "deductions", 2);
__decorateClass([
  Field(() => Date)
], QualityReport.prototype, "createdAt", 2);
QualityReport = __decorateClass([
  ObjectType()
], QualityReport);
let QualityHistoryEntry = class {
  id;
  table;
  score;
  rowCount;
  createdAt;
};
__decorateClass([
  Field(() => Int)
], QualityHistoryEntry.prototype, "id", 2);
__decorateClass([
  Field(() => String)
], QualityHistoryEntry.prototype, "table", 2);
__decorateClass([
  Field(() => Float)
], QualityHistoryEntry.prototype, "score", 2);
__decorateClass([
  Field(() => Int)
], QualityHistoryEntry.prototype, "rowCount", 2);
__decorateClass([
  Field(() => Date)
], QualityHistoryEntry.prototype, "createdAt", 2);
QualityHistoryEntry = __decorateClass([
  ObjectType()
], QualityHistoryEntry);
export {
  ColumnQuality,
  OutlierSummary,
  QualityDeduction,
  QualityHistoryEntry,
  QualityReport,
  RuleViolation,
  ValueCount
};
