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
import { Field, Float, ID, InputType, Int, registerEnumType } from "type-graphql";
import { SourceFilterInput, TransformInput, TransformTargetInput } from "./transform.input.js";
import { GraphQLJSON } from "graphql-scalars";
var MlTask = /* @__PURE__ */ ((MlTask2) => {
  MlTask2["CLASSIFICATION"] = "CLASSIFICATION";
  MlTask2["REGRESSION"] = "REGRESSION";
  return MlTask2;
})(MlTask || {});
var MlAlgorithm = /* @__PURE__ */ ((MlAlgorithm2) => {
  MlAlgorithm2["AUTO"] = "AUTO";
  MlAlgorithm2["LINEAR"] = "LINEAR";
  MlAlgorithm2["RANDOM_FOREST"] = "RANDOM_FOREST";
  MlAlgorithm2["GRADIENT_BOOSTING"] = "GRADIENT_BOOSTING";
  return MlAlgorithm2;
})(MlAlgorithm || {});
var ActivationPolicy = /* @__PURE__ */ ((ActivationPolicy2) => {
  ActivationPolicy2["ALWAYS"] = "ALWAYS";
  ActivationPolicy2["IF_BETTER"] = "IF_BETTER";
  ActivationPolicy2["NEVER"] = "NEVER";
  return ActivationPolicy2;
})(ActivationPolicy || {});
registerEnumType(MlTask, { name: "MlTask" });
registerEnumType(MlAlgorithm, {
  name: "MlAlgorithm",
  description: "AUTO = GRADIENT_BOOSTING. LINEAR = regularized linear/logistic regression. All run on XGBoost compiled to WebAssembly."
});
registerEnumType(ActivationPolicy, { name: "ActivationPolicy", description: "IF_BETTER: the new version becomes active only if its key metric beats the active version's." });
let RowSourceInput = class {
  table;
  sql;
  filter;
};
__decorateClass([
  Field(() => String, { nullable: true })
], RowSourceInput.prototype, "table", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "One SELECT over allow-listed tables; its result columns are the candidate features and the target." })
], RowSourceInput.prototype, "sql", 2);
__decorateClass([
  Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Column conditions, all must hold: {"status": "PAID"}, {"channel": ["WEB","MOBILE"]}, {"total": {"gte": 10, "lt": 100}}, {"city": {"isNull": false}}.'
  })
], RowSourceInput.prototype, "filter", 2);
RowSourceInput = __decorateClass([
  InputType({ description: "Where training rows come from: a table, or a SELECT (checked by the SQL guard); optionally filtered by column conditions." })
], RowSourceInput);
let TrainModelInput = class {
  name;
  source;
  target;
  targetPositive;
  features;
  task;
  algorithm;
  testFraction;
  seed;
  activate;
};
__decorateClass([
  Field(() => String, { description: "Registry name; each training adds a version under it." })
], TrainModelInput.prototype, "name", 2);
__decorateClass([
  Field(() => RowSourceInput)
], TrainModelInput.prototype, "source", 2);
__decorateClass([
  Field(() => String, { description: "Column to predict." })
], TrainModelInput.prototype, "target", 2);
__decorateClass([
  Field(() => [String], { nullable: true, description: 'Makes a yes/no classifier: the label is "true" when the target is one of these values.' })
], TrainModelInput.prototype, "targetPositive", 2);
__decorateClass([
  Field(() => [String], { nullable: true, description: "Feature columns; default every usable column (keys, unique and foreign-key columns left out)." })
], TrainModelInput.prototype, "features", 2);
__decorateClass([
  Field(() => MlTask, { nullable: true, description: "Inferred when absent: numeric target \u2192 REGRESSION, else CLASSIFICATION." })
], TrainModelInput.prototype, "task", 2);
__decorateClass([
  Field(() => MlAlgorithm, { nullable: true, defaultValue: "AUTO" /* AUTO */ })
], TrainModelInput.prototype, "algorithm", 2);
__decorateClass([
  Field(() => Float, { nullable: true, defaultValue: 0.2, description: "Share of rows held out for evaluation (0.05\u20130.5)." })
], TrainModelInput.prototype, "testFraction", 2);
__decorateClass([
  Field(() => Int, { nullable: true, defaultValue: 42 })
], TrainModelInput.prototype, "seed", 2);
__decorateClass([
  Field(() => ActivationPolicy, { nullable: true, defaultValue: "IF_BETTER" /* IF_BETTER */ })
], TrainModelInput.prototype, "activate", 2);
TrainModelInput = __decorateClass([
  InputType()
], TrainModelInput);
let BatchSourceInput = class {
  table;
  sql;
  filter;
  key;
};
__decorateClass([
  Field(() => String, { nullable: true, description: "A table to read; or give sql instead." })
], BatchSourceInput.prototype, "table", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "One read-only SELECT over allow-listed tables returning the model's feature columns and the key column." })
], BatchSourceInput.prototype, "sql", 2);
__decorateClass([
  Field(() => GraphQLJSON, { nullable: true, description: "Column conditions, as in trainModel's source.filter (on the query's result columns for sql)." })
], BatchSourceInput.prototype, "filter", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Column identifying rows (predictions.row_key): default the table's primary key; required for sql. Null or repeated keys are rejected records." })
], BatchSourceInput.prototype, "key", 2);
BatchSourceInput = __decorateClass([
  InputType({
    description: "Rows to predict: a table (read in the order of a unique key) or a SELECT checked by the SQL guard like trainModel's (streamed in key order; its rows write to the predictions table); optionally filtered."
  })
], BatchSourceInput);
let BatchOutputInput = class {
  column;
};
__decorateClass([
  Field(() => String, { nullable: true })
], BatchOutputInput.prototype, "column", 2);
BatchOutputInput = __decorateClass([
  InputType({ description: "Where predictions go: a column of the source table (by key), or, when column is absent, the predictions table." })
], BatchOutputInput);
let QualityGateStepInput = class {
  table;
  columns;
  minScore;
};
__decorateClass([
  Field(() => String)
], QualityGateStepInput.prototype, "table", 2);
__decorateClass([
  Field(() => [String], { nullable: true })
], QualityGateStepInput.prototype, "columns", 2);
__decorateClass([
  Field(() => Float)
], QualityGateStepInput.prototype, "minScore", 2);
QualityGateStepInput = __decorateClass([
  InputType({ description: "Fails the pipeline when the table's quality score is under minScore." })
], QualityGateStepInput);
let BatchInferenceStepInput = class {
  model;
  version;
  source;
  output;
};
__decorateClass([
  Field(() => String)
], BatchInferenceStepInput.prototype, "model", 2);
__decorateClass([
  Field(() => Int, { nullable: true, description: "Default: the active version when the step starts." })
], BatchInferenceStepInput.prototype, "version", 2);
__decorateClass([
  Field(() => BatchSourceInput)
], BatchInferenceStepInput.prototype, "source", 2);
__decorateClass([
  Field(() => BatchOutputInput, { nullable: true })
], BatchInferenceStepInput.prototype, "output", 2);
BatchInferenceStepInput = __decorateClass([
  InputType({ description: "Batch inference as a pipeline step." })
], BatchInferenceStepInput);
let IngestStepInput = class {
  fromJob;
  fromTable;
  filter;
  target;
  columns;
  batchSize;
  maxRejectedFraction;
};
__decorateClass([
  Field(() => ID, { nullable: true, description: "An INGEST or BATCH_UPDATE job; the step waits for it and it becomes the step's job (cancelling the pipeline does not cancel it)." })
], IngestStepInput.prototype, "fromJob", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "A table to copy rows from (read in primary-key order)." })
], IngestStepInput.prototype, "fromTable", 2);
__decorateClass([
  Field(() => [SourceFilterInput], { nullable: true, description: "Conditions on fromTable's rows, as in Mutation.transform." })
], IngestStepInput.prototype, "filter", 2);
__decorateClass([
  Field(() => TransformTargetInput, { nullable: true, description: "Where fromTable's rows go (table, INSERT or UPSERT, key)." })
], IngestStepInput.prototype, "target", 2);
__decorateClass([
  Field(() => [String], { nullable: true, description: "Target columns to copy; default every target column fromTable also has (with INSERT, not a defaulted primary key)." })
], IngestStepInput.prototype, "columns", 2);
__decorateClass([
  Field(() => Int, { nullable: true, description: "Records per batch of the copy; default JOB_BATCH_SIZE." })
], IngestStepInput.prototype, "batchSize", 2);
__decorateClass([
  Field(() => Float, { nullable: true, defaultValue: 0, description: "A PARTIAL ingest passes when rejected / (accepted + rejected) is at most this (0\u20131); above it the pipeline fails. Above 0 a copy continues past bad rows." })
], IngestStepInput.prototype, "maxRejectedFraction", 2);
IngestStepInput = __decorateClass([
  InputType({
    description: "Rows into a table as a pipeline step: wait for an ingest job (fromJob, e.g. from POST /ingest/{table}), or copy rows of fromTable into target as a TRANSFORM job (one copy rule per shared column)."
  })
], IngestStepInput);
let PipelineStepInput = class {
  ingest;
  qualityGate;
  transform;
  train;
  batchInference;
};
__decorateClass([
  Field(() => IngestStepInput, { nullable: true })
], PipelineStepInput.prototype, "ingest", 2);
__decorateClass([
  Field(() => QualityGateStepInput, { nullable: true })
], PipelineStepInput.prototype, "qualityGate", 2);
__decorateClass([
  Field(() => TransformInput, { nullable: true, description: "Mutation.transform's input, run as the step's TRANSFORM job (leave idempotencyKey out); a PARTIAL transform passes." })
], PipelineStepInput.prototype, "transform", 2);
__decorateClass([
  Field(() => TrainModelInput, { nullable: true })
], PipelineStepInput.prototype, "train", 2);
__decorateClass([
  Field(() => BatchInferenceStepInput, { nullable: true })
], PipelineStepInput.prototype, "batchInference", 2);
PipelineStepInput = __decorateClass([
  InputType({ description: "Exactly one of the fields." })
], PipelineStepInput);
let PipelineInput = class {
  name;
  steps;
};
__decorateClass([
  Field(() => String, { nullable: true })
], PipelineInput.prototype, "name", 2);
__decorateClass([
  Field(() => [PipelineStepInput])
], PipelineInput.prototype, "steps", 2);
PipelineInput = __decorateClass([
  InputType()
], PipelineInput);
export {
  ActivationPolicy,
  BatchInferenceStepInput,
  BatchOutputInput,
  BatchSourceInput,
  IngestStepInput,
  MlAlgorithm,
  MlTask,
  PipelineInput,
  PipelineStepInput,
  QualityGateStepInput,
  RowSourceInput,
  TrainModelInput
};
