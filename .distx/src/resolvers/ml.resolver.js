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
var __decorateParam = (index, decorator) => (target, key) => decorator(target, key, index);
import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { BatchOutputInput, BatchSourceInput, PipelineInput, TrainModelInput } from "../schema/ml.input.js";
import { MlModel, PipelineView, PredictBatchResult, PredictResult } from "../schema/ml.type.js";
import { Job } from "../schema/job.type.js";
let MlResolver = class {
  trainModel(input, waitMs, ctx) {
    return ctx.services.ml.submitTrain(input, waitMs);
  }
  runBatchInference(model, source, output, version, batchSize, waitMs, ctx) {
    return ctx.services.ml.submitBatchInference({ model, version: version ?? void 0, source, outputColumn: output?.column ?? null, batchSize: batchSize ?? void 0 }, waitMs);
  }
  runPipeline(input, waitMs, ctx) {
    return ctx.services.pipelines.submitInput(input, waitMs);
  }
  pipeline(id, ctx) {
    return ctx.services.pipelines.view(id);
  }
  async models(name, ctx) {
    return await ctx.services.ml.registry.list(name);
  }
  async model(name, version, ctx) {
    return await ctx.services.ml.registry.get(name, version);
  }
  async activateModel(name, version, ctx) {
    return await ctx.services.ml.registry.activate(name, version);
  }
  async deleteModel(name, version, ctx) {
    return ctx.services.ml.registry.delete(name, version);
  }
  async predict(model, input, version, ctx) {
    return ctx.services.ml.inference.predict(model, input, version);
  }
  async predictBatch(model, inputs, version, ctx) {
    return ctx.services.ml.inference.predictBatch(model, inputs, version);
  }
};
__decorateClass([
  Mutation(() => Job, {
    description: "Starts a TRAIN job (progress stages: loading, preparing, training, evaluating): evaluates on held-out rows beside the trivial baseline and stores the next version; result holds version, activation and key metric. waitMs (\u2264 600000) waits for the job before answering."
  }),
  __decorateParam(0, Arg("input", () => TrainModelInput)),
  __decorateParam(1, Arg("waitMs", () => Int, { defaultValue: 0 })),
  __decorateParam(2, Ctx())
], MlResolver.prototype, "trainModel", 1);
__decorateClass([
  Mutation(() => Job, { description: "Starts a BATCH_INFERENCE job: predicts every source row (streamed in key order) and writes to a column by key or to the predictions table; rows not matching the feature schema become rejected records." }),
  __decorateParam(0, Arg("model", () => String)),
  __decorateParam(1, Arg("source", () => BatchSourceInput)),
  __decorateParam(2, Arg("output", () => BatchOutputInput, { nullable: true })),
  __decorateParam(3, Arg("version", () => Int, { nullable: true })),
  __decorateParam(4, Arg("batchSize", () => Int, { nullable: true })),
  __decorateParam(5, Arg("waitMs", () => Int, { defaultValue: 0 })),
  __decorateParam(6, Ctx())
], MlResolver.prototype, "runBatchInference", 1);
__decorateClass([
  Mutation(() => Job, {
    description: "Starts a PIPELINE job running its steps in order (ingest \u2192 quality gate \u2192 transform \u2192 train \u2192 batch inference, any subset); the whole pipeline is checked first and refused with every problem listed; a failed step stops the rest and the parent names it. See Query.pipeline."
  }),
  __decorateParam(0, Arg("input", () => PipelineInput)),
  __decorateParam(1, Arg("waitMs", () => Int, { defaultValue: 0 })),
  __decorateParam(2, Ctx())
], MlResolver.prototype, "runPipeline", 1);
__decorateClass([
  Query(() => PipelineView, { description: "A pipeline's parent job, its current step and each step's job." }),
  __decorateParam(0, Arg("id", () => String)),
  __decorateParam(1, Ctx())
], MlResolver.prototype, "pipeline", 1);
__decorateClass([
  Query(() => [MlModel], { description: "Every stored model version (newest first per name), optionally of one name." }),
  __decorateParam(0, Arg("name", () => String, { nullable: true })),
  __decorateParam(1, Ctx())
], MlResolver.prototype, "models", 1);
__decorateClass([
  Query(() => MlModel, { description: "One version; without version the active one (or the newest when none is active)." }),
  __decorateParam(0, Arg("name", () => String)),
  __decorateParam(1, Arg("version", () => Int, { nullable: true })),
  __decorateParam(2, Ctx())
], MlResolver.prototype, "model", 1);
__decorateClass([
  Mutation(() => MlModel, { description: "Makes a version the active one (roll forward or back); every gateway process reloads it." }),
  __decorateParam(0, Arg("name", () => String)),
  __decorateParam(1, Arg("version", () => Int)),
  __decorateParam(2, Ctx())
], MlResolver.prototype, "activateModel", 1);
__decorateClass([
  Mutation(() => Int, { description: "Deletes one version, or all versions of the name when version is absent; returns how many were deleted." }),
  __decorateParam(0, Arg("name", () => String)),
  __decorateParam(1, Arg("version", () => Int, { nullable: true })),
  __decorateParam(2, Ctx())
], MlResolver.prototype, "deleteModel", 1);
__decorateClass([
  Query(() => PredictResult, { description: "Predicts one input with the model's active version (or the given version)." }),
  __decorateParam(0, Arg("model", () => String)),
  __decorateParam(1, Arg("input", () => GraphQLJSON)),
  __decorateParam(2, Arg("version", () => Int, { nullable: true })),
  __decorateParam(3, Ctx())
], MlResolver.prototype, "predict", 1);
__decorateClass([
  Query(() => PredictBatchResult, { description: "Predicts up to ML_PREDICT_BATCH_MAX inputs in one call." }),
  __decorateParam(0, Arg("model", () => String)),
  __decorateParam(1, Arg("inputs", () => [GraphQLJSON])),
  __decorateParam(2, Arg("version", () => Int, { nullable: true })),
  __decorateParam(3, Ctx())
], MlResolver.prototype, "predictBatch", 1);
MlResolver = __decorateClass([
  Resolver()
], MlResolver);
export {
  MlResolver
};
