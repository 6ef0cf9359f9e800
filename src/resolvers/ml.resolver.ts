import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import type { GatewayContext } from "../context.js";
import { TrainModelInput } from "../schema/ml.input.js";
import { MlModel, PredictBatchResult, PredictResult, TrainModelResult } from "../schema/ml.type.js";

@Resolver()
export class MlResolver {
  @Mutation(() => TrainModelResult, {
    description: "Trains a model on a table (stages: loading, preparing, training, evaluating), evaluates it on held-out rows beside the trivial baseline and stores it as the next version.",
  })
  async trainModel(@Arg("input", () => TrainModelInput) input: TrainModelInput, @Ctx() ctx: GatewayContext): Promise<TrainModelResult> {
    return (await ctx.services.ml.train(input)) as unknown as TrainModelResult;
  }

  @Query(() => [MlModel], { description: "Every stored model version (newest first per name), optionally of one name." })
  async models(@Arg("name", () => String, { nullable: true }) name: string | null, @Ctx() ctx: GatewayContext): Promise<MlModel[]> {
    return (await ctx.services.ml.registry.list(name)) as unknown as MlModel[];
  }

  @Query(() => MlModel, { description: "One version; without version the active one (or the newest when none is active)." })
  async model(
    @Arg("name", () => String) name: string,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<MlModel> {
    return (await ctx.services.ml.registry.get(name, version)) as unknown as MlModel;
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
