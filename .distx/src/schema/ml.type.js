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
import { GraphQLJSON } from "graphql-scalars";
import { Job } from "./job.type.js";
let KeyMetric = class {
  name;
  value;
  higherIsBetter;
};
__decorateClass([
  Field(() => String)
], KeyMetric.prototype, "name", 2);
__decorateClass([
  Field(() => Float)
], KeyMetric.prototype, "value", 2);
__decorateClass([
  Field(() => Boolean)
], KeyMetric.prototype, "higherIsBetter", 2);
KeyMetric = __decorateClass([
  ObjectType({ description: "The metric that decides IF_BETTER activation: rocAuc (binary), f1 (multi-class) or r2 (regression)." })
], KeyMetric);
let FeatureImportance = class {
  feature;
  importance;
};
__decorateClass([
  Field(() => String)
], FeatureImportance.prototype, "feature", 2);
__decorateClass([
  Field(() => Float)
], FeatureImportance.prototype, "importance", 2);
FeatureImportance = __decorateClass([
  ObjectType({ description: "Drop of the key metric on held-out rows when this feature's values are shuffled." })
], FeatureImportance);
let MlModel = class {
  id;
  name;
  version;
  task;
  algorithm;
  target;
  status;
  active;
  rowsUsed;
  trainingMs;
  createdAt;
  source;
  featureSchema;
  preparation;
  metrics;
  params;
  keyMetric;
  featureImportance;
};
__decorateClass([
  Field(() => Int)
], MlModel.prototype, "id", 2);
__decorateClass([
  Field(() => String)
], MlModel.prototype, "name", 2);
__decorateClass([
  Field(() => Int)
], MlModel.prototype, "version", 2);
__decorateClass([
  Field(() => String, { description: "CLASSIFICATION or REGRESSION." })
], MlModel.prototype, "task", 2);
__decorateClass([
  Field(() => String)
], MlModel.prototype, "algorithm", 2);
__decorateClass([
  Field(() => String)
], MlModel.prototype, "target", 2);
__decorateClass([
  Field(() => String, { description: "READY or FAILED." })
], MlModel.prototype, "status", 2);
__decorateClass([
  Field(() => Boolean)
], MlModel.prototype, "active", 2);
__decorateClass([
  Field(() => Int)
], MlModel.prototype, "rowsUsed", 2);
__decorateClass([
  Field(() => Int)
], MlModel.prototype, "trainingMs", 2);
__decorateClass([
  Field(() => Date)
], MlModel.prototype, "createdAt", 2);
__decorateClass([
  Field(() => GraphQLJSON, { description: "Where the training rows came from." })
], MlModel.prototype, "source", 2);
__decorateClass([
  Field(() => GraphQLJSON, { description: "The fields an input must carry: [{ name, kind, sqlType, categories? }]." })
], MlModel.prototype, "featureSchema", 2);
__decorateClass([
  Field(() => GraphQLJSON, { description: "Scaling, encodings and fill values learned on the training split." })
], MlModel.prototype, "preparation", 2);
__decorateClass([
  Field(() => GraphQLJSON, { description: "Held-out metrics beside the trivial baseline, confusion matrix, feature importance." })
], MlModel.prototype, "metrics", 2);
__decorateClass([
  Field(() => GraphQLJSON, { description: "Algorithm parameters (XGBoost's)." })
], MlModel.prototype, "params", 2);
__decorateClass([
  Field(() => KeyMetric, { nullable: true })
], MlModel.prototype, "keyMetric", 2);
__decorateClass([
  Field(() => [FeatureImportance])
], MlModel.prototype, "featureImportance", 2);
MlModel = __decorateClass([
  ObjectType({ description: "One version of a model in the registry." })
], MlModel);
let TrainModelResult = class {
  model;
  activated;
  activationReason;
  skippedFeatures;
};
__decorateClass([
  Field(() => MlModel)
], TrainModelResult.prototype, "model", 2);
__decorateClass([
  Field(() => Boolean)
], TrainModelResult.prototype, "activated", 2);
__decorateClass([
  Field(() => String, { description: "Why the version was or was not activated." })
], TrainModelResult.prototype, "activationReason", 2);
__decorateClass([
  Field(() => GraphQLJSON, { description: "Columns left out of the default features, with the reason: [{ name, reason }]." })
], TrainModelResult.prototype, "skippedFeatures", 2);
TrainModelResult = __decorateClass([
  ObjectType()
], TrainModelResult);
let ClassProbability = class {
  label;
  probability;
};
__decorateClass([
  Field(() => String)
], ClassProbability.prototype, "label", 2);
__decorateClass([
  Field(() => Float)
], ClassProbability.prototype, "probability", 2);
ClassProbability = __decorateClass([
  ObjectType()
], ClassProbability);
let PredictionItem = class {
  prediction;
  probabilities;
};
__decorateClass([
  Field(() => GraphQLJSON, { description: "The predicted label (string) or value (number)." })
], PredictionItem.prototype, "prediction", 2);
__decorateClass([
  Field(() => [ClassProbability], { nullable: true, description: "Classification only; highest first." })
], PredictionItem.prototype, "probabilities", 2);
PredictionItem = __decorateClass([
  ObjectType()
], PredictionItem);
let PredictResult = class extends PredictionItem {
  model;
  version;
  latencyMs;
};
__decorateClass([
  Field(() => String)
], PredictResult.prototype, "model", 2);
__decorateClass([
  Field(() => Int)
], PredictResult.prototype, "version", 2);
__decorateClass([
  Field(() => Float, { description: "Time inside the gateway, milliseconds." })
], PredictResult.prototype, "latencyMs", 2);
PredictResult = __decorateClass([
  ObjectType()
], PredictResult);
let PredictBatchResult = class {
  model;
  version;
  predictions;
  latencyMs;
};
__decorateClass([
  Field(() => String)
], PredictBatchResult.prototype, "model", 2);
__decorateClass([
  Field(() => Int)
], PredictBatchResult.prototype, "version", 2);
__decorateClass([
  Field(() => [PredictionItem])
], PredictBatchResult.prototype, "predictions", 2);
__decorateClass([
  Field(() => Float)
], PredictBatchResult.prototype, "latencyMs", 2);
PredictBatchResult = __decorateClass([
  ObjectType()
], PredictBatchResult);
let PipelineStepView = class {
  index;
  kind;
  job;
};
__decorateClass([
  Field(() => Int)
], PipelineStepView.prototype, "index", 2);
__decorateClass([
  Field(() => String, { description: "INGEST, QUALITY_GATE, TRANSFORM, TRAIN or BATCH_INFERENCE." })
], PipelineStepView.prototype, "kind", 2);
__decorateClass([
  Field(() => Job, { nullable: true, description: "The step's own job; null until the step starts." })
], PipelineStepView.prototype, "job", 2);
PipelineStepView = __decorateClass([
  ObjectType()
], PipelineStepView);
let PipelineView = class {
  job;
  name;
  currentStep;
  steps;
};
__decorateClass([
  Field(() => Job)
], PipelineView.prototype, "job", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], PipelineView.prototype, "name", 2);
__decorateClass([
  Field(() => Int, { nullable: true, description: "Index of the step running now, or the last one that ran." })
], PipelineView.prototype, "currentStep", 2);
__decorateClass([
  Field(() => [PipelineStepView])
], PipelineView.prototype, "steps", 2);
PipelineView = __decorateClass([
  ObjectType({ description: "A pipeline's parent job and each step's job." })
], PipelineView);
export {
  ClassProbability,
  FeatureImportance,
  KeyMetric,
  MlModel,
  PipelineStepView,
  PipelineView,
  PredictBatchResult,
  PredictResult,
  PredictionItem,
  TrainModelResult
};
