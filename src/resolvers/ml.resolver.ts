import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import type { GatewayContext } from "../context.js";
import { BatchOutputInput, BatchSourceInput, PipelineInput, TrainModelInput } from "../schema/ml.input.js";
import { MlModel, MlModelConnection, ModelPredictionConnection, PipelineView, PredictBatchResult, PredictResult } from "../schema/ml.type.js";
import { PageArgs } from "../schema/connection.type.js";
import { CacheRead } from "../services/cache/cache-read.js";
import { Job } from "../schema/job.type.js";

@Resolver()
export class MlResolver {
  @Mutation(() => Job, {
    description:
      "Starts a TRAIN job (progress stages: loading, preparing, training, evaluating): evaluates on held-out rows beside the trivial baseline and stores the next version; result holds version, activation and key metric. waitMs (≤ 600000) waits for the job before answering.",
  })
  trainModel(
    @Arg("input", () => TrainModelInput) input: TrainModelInput,
    @Arg("waitMs", () => Int, { defaultValue: 0 }) waitMs: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<Job> {
    return ctx.services.ml.submitTrain(input, waitMs);
  }

  @Mutation(() => Job, { description: "Starts a BATCH_INFERENCE job: predicts every source row (streamed in key order) and writes to a column by key or to the predictions table; rows not matching the feature schema become rejected records." })
  runBatchInference(
    @Arg("model", () => String) model: string,
    @Arg("source", () => BatchSourceInput) source: BatchSourceInput,
    @Arg("output", () => BatchOutputInput, { nullable: true }) output: BatchOutputInput | null,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Arg("batchSize", () => Int, { nullable: true }) batchSize: number | null,
    @Arg("waitMs", () => Int, { defaultValue: 0 }) waitMs: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<Job> {
    return ctx.services.ml.submitBatchInference({ model, version: version ?? undefined, source, outputColumn: output?.column ?? null, batchSize: batchSize ?? undefined }, waitMs);
  }

  @Mutation(() => Job, {
    description:
      "Starts a PIPELINE job running its steps in order (ingest → quality gate → transform → train → batch inference, any subset); the whole pipeline is checked first and refused with every problem listed; a failed step stops the rest and the parent names it. See Query.pipeline.",
  })
  runPipeline(
    @Arg("input", () => PipelineInput) input: PipelineInput,
    @Arg("waitMs", () => Int, { defaultValue: 0 }) waitMs: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<Job> {
    return ctx.services.pipelines.submitInput(input, waitMs);
  }

  @Query(() => PipelineView, { nullable: true, description: "A pipeline's parent job, its current step and each step's job; null when no job has this id." })
  pipeline(@Arg("id", () => String) id: string, @Ctx() ctx: GatewayContext): Promise<PipelineView | null> {
    return ctx.services.pipelines.find(id);
  }

  @Query(() => MlModelConnection, { description: "Stored model versions (by name, newest version first within a name), optionally of one name." })
  models(@Arg("name", () => String, { nullable: true }) name: string | null, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GatewayContext) {
    return ctx.services.ml.registry.page(name, page, ctx.services.config.api);
  }

  @Query(() => MlModel, { nullable: true, description: "One version; without version the active one (or the newest when none is active); null when there is none." })
  async model(
    @Arg("name", () => String) name: string,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<MlModel | null> {
    return (await ctx.services.ml.registry.find(name, version)) as unknown as MlModel | null;
  }

  @CacheRead({ tables: ["predictions"] })
  @Query(() => ModelPredictionConnection, {
    description: "What batch inference wrote to the predictions table for a model, in the order it was written; optionally of one version, job or row key. Also as a file: GET /export/models/{model}/predictions.",
  })
  predictions(
    @Arg("model", () => String) model: string,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Arg("jobId", () => ID, { nullable: true }) jobId: string | null,
    @Arg("key", () => String, { nullable: true }) key: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GatewayContext,
  ) {
    return ctx.services.ml.predictions.page({ model, version, jobId, key }, page, ctx.services.config.api);
  }

  @Mutation(() => MlModel, { description: "Makes a version the active one (roll forward or back); every gateway process reloads it." })
  async activateModel(@Arg("name", () => String) name: string, @Arg("version", () => Int) version: number, @Ctx() ctx: GatewayContext): Promise<MlModel> {
    return (await ctx.services.ml.registry.activate(name, version)) as unknown as MlModel;
  }

  @Mutation(() => Int, { description: "Deletes one version, or all versions of the name when version is absent; returns how many were deleted." })
  async deleteModel(
    @Arg("name", () => String) name: string,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<number> {
    return ctx.services.ml.registry.delete(name, version);
  }

  @Query(() => PredictResult, { description: "Predicts one input with the model's active version (or the given version)." })
  async predict(
    @Arg("model", () => String) model: string,
    @Arg("input", () => GraphQLJSON) input: unknown,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<PredictResult> {
    return ctx.services.ml.inference.predict(model, input, version);
  }

  @Query(() => PredictBatchResult, { description: "Predicts up to ML_PREDICT_BATCH_MAX inputs in one call." })
  async predictBatch(
    @Arg("model", () => String) model: string,
    @Arg("inputs", () => [GraphQLJSON]) inputs: unknown[],
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<PredictBatchResult> {
    return ctx.services.ml.inference.predictBatch(model, inputs, version);
  }
}
