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
import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { IngestModeEnum } from "./ingest.input.js";
const FilterOpEnum = { EQ: "EQ", NE: "NE", LT: "LT", LTE: "LTE", GT: "GT", GTE: "GTE", IN: "IN", CONTAINS: "CONTAINS", IS_NULL: "IS_NULL", NOT_NULL: "NOT_NULL" };
registerEnumType(FilterOpEnum, { name: "FilterOp", description: "Comparison of a source filter. CONTAINS is a case-insensitive substring match; IN takes a list value." });
const LlmOutputTypeEnum = { TEXT: "TEXT", NUMBER: "NUMBER", INTEGER: "INTEGER", BOOLEAN: "BOOLEAN" };
registerEnumType(LlmOutputTypeEnum, { name: "LlmOutputType", description: "Type of the value an LLM rule must produce." });
let SourceFilterInput = class {
  column;
  op;
  value;
};
__decorateClass([
  Field(() => String, { description: "Column (SQL or Prisma field name)." })
], SourceFilterInput.prototype, "column", 2);
__decorateClass([
  Field(() => FilterOpEnum)
], SourceFilterInput.prototype, "op", 2);
__decorateClass([
  Field(() => GraphQLJSON, { nullable: true, description: "Compared value; a list for IN; omit for IS_NULL / NOT_NULL." })
], SourceFilterInput.prototype, "value", 2);
SourceFilterInput = __decorateClass([
  InputType({ description: "One condition on the source table; all conditions must hold." })
], SourceFilterInput);
let TransformSourceInput = class {
  table;
  filter;
  sql;
};
__decorateClass([
  Field(() => String, { nullable: true })
], TransformSourceInput.prototype, "table", 2);
__decorateClass([
  Field(() => [SourceFilterInput], { nullable: true })
], TransformSourceInput.prototype, "filter", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], TransformSourceInput.prototype, "sql", 2);
TransformSourceInput = __decorateClass([
  InputType({ description: "Where a transform reads: a table (with optional filter, read in primary-key order) or a read-only SELECT (checked by the SQL guard; give it an ORDER BY so a resumed job continues exactly)." })
], TransformSourceInput);
let TransformTargetInput = class {
  table;
  mode;
  key;
};
__decorateClass([
  Field(() => String, { description: "Target table (SQL or Prisma name); the gateway's own tables are not writable." })
], TransformTargetInput.prototype, "table", 2);
__decorateClass([
  Field(() => IngestModeEnum, { nullable: true, defaultValue: "INSERT" })
], TransformTargetInput.prototype, "mode", 2);
__decorateClass([
  Field(() => [String], { nullable: true, description: "UPSERT conflict key (a unique key of the target); defaults to its primary key." })
], TransformTargetInput.prototype, "key", 2);
TransformTargetInput = __decorateClass([
  InputType({ description: "Where a transform writes." })
], TransformTargetInput);
let LlmRuleInput = class {
  instruction;
  inputs;
  outputType;
  outputEnum;
};
__decorateClass([
  Field(() => String, { description: `What to produce, e.g. "Classify the review's sentiment".` })
], LlmRuleInput.prototype, "instruction", 2);
__decorateClass([
  Field(() => [String], { description: "Source columns the model sees." })
], LlmRuleInput.prototype, "inputs", 2);
__decorateClass([
  Field(() => LlmOutputTypeEnum, { nullable: true, description: "Type of the answer (default TEXT) \u2014 or give outputEnum." })
], LlmRuleInput.prototype, "outputType", 2);
__decorateClass([
  Field(() => [String], { nullable: true, description: "The answer must be one of these values." })
], LlmRuleInput.prototype, "outputEnum", 2);
LlmRuleInput = __decorateClass([
  InputType({ description: "An instruction for the configured chat model, applied to many records per call." })
], LlmRuleInput);
let TransformRuleInput = class {
  column;
  from;
  expression;
  llm;
};
__decorateClass([
  Field(() => String, { description: "Target column (SQL or Prisma field name)." })
], TransformRuleInput.prototype, "column", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Copy this source column." })
], TransformRuleInput.prototype, "from", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Expression over source columns, e.g. upper(trim(name)) \u2014 see the README for the functions." })
], TransformRuleInput.prototype, "expression", 2);
__decorateClass([
  Field(() => LlmRuleInput, { nullable: true })
], TransformRuleInput.prototype, "llm", 2);
TransformRuleInput = __decorateClass([
  InputType({ description: "Sets one target column: from a source column, an expression, or an LLM instruction (exactly one)." })
], TransformRuleInput);
let TransformInput = class {
  source;
  target;
  rules;
  batchSize;
  maxRetries;
  continueOnError;
  idempotencyKey;
};
__decorateClass([
  Field(() => TransformSourceInput)
], TransformInput.prototype, "source", 2);
__decorateClass([
  Field(() => TransformTargetInput)
], TransformInput.prototype, "target", 2);
__decorateClass([
  Field(() => [TransformRuleInput])
], TransformInput.prototype, "rules", 2);
__decorateClass([
  Field(() => Int, { nullable: true, description: "Records per batch (1\u2013100000); default JOB_BATCH_SIZE." })
], TransformInput.prototype, "batchSize", 2);
__decorateClass([
  Field(() => Int, { nullable: true })
], TransformInput.prototype, "maxRetries", 2);
__decorateClass([
  Field(() => Boolean, { nullable: true, description: "Records that fail a rule or the target's checks are rejected with the reason instead of failing the job." })
], TransformInput.prototype, "continueOnError", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], TransformInput.prototype, "idempotencyKey", 2);
TransformInput = __decorateClass([
  InputType({ description: "Read a source, map each record by rules, write to a target in batches \u2014 as a TRANSFORM job." })
], TransformInput);
export {
  FilterOpEnum,
  LlmOutputTypeEnum,
  LlmRuleInput,
  SourceFilterInput,
  TransformInput,
  TransformRuleInput,
  TransformSourceInput,
  TransformTargetInput
};
