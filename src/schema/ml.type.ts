import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Job } from "./job.type.js";
import { Connection } from "./connection.type.js";

@ObjectType({ description: "The metric that decides IF_BETTER activation: rocAuc (binary), f1 (multi-class) or r2 (regression)." })
export class KeyMetric {
  @Field(() => String)
  name!: string;
  @Field(() => Float)
  value!: number;
  @Field(() => Boolean)
  higherIsBetter!: boolean;
}

@ObjectType({ description: "Drop of the key metric on held-out rows when this feature's values are shuffled." })
export class FeatureImportance {
  @Field(() => String)
  feature!: string;
  @Field(() => Float)
  importance!: number;
}

@ObjectType({ description: "One version of a model in the registry." })
export class MlModel {
  @Field(() => Int)
  id!: number;
  @Field(() => String)
  name!: string;
  @Field(() => Int)
  version!: number;
  @Field(() => String, { description: "CLASSIFICATION or REGRESSION." })
  task!: string;
  @Field(() => String)
  algorithm!: string;
  @Field(() => String)
  target!: string;
  @Field(() => String, { description: "READY or FAILED." })
  status!: string;
  @Field(() => Boolean)
  active!: boolean;
  @Field(() => Int)
  rowsUsed!: number;
  @Field(() => Int)
  trainingMs!: number;
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => GraphQLJSON, { description: "Where the training rows came from." })
  source!: unknown;
  @Field(() => GraphQLJSON, { description: "The fields an input must carry: [{ name, kind, sqlType, categories? }]." })
  featureSchema!: unknown;
  @Field(() => GraphQLJSON, { description: "Scaling, encodings and fill values learned on the training split." })
  preparation!: unknown;
  @Field(() => GraphQLJSON, { description: "Held-out metrics beside the trivial baseline, confusion matrix, feature importance." })
  metrics!: unknown;
  @Field(() => GraphQLJSON, { description: "Algorithm parameters (XGBoost's)." })
  params!: unknown;
  @Field(() => KeyMetric, { nullable: true })
  keyMetric!: KeyMetric | null;
  @Field(() => [FeatureImportance])
  featureImportance!: FeatureImportance[];
}

@ObjectType({ description: "Stored model versions, by name, newest version first within a name." })
export class MlModelConnection extends Connection(MlModel, "MlModel") {}

@ObjectType()
export class TrainModelResult {
  @Field(() => MlModel)
  model!: MlModel;
  @Field(() => Boolean)
  activated!: boolean;
  @Field(() => String, { description: "Why the version was or was not activated." })
  activationReason!: string;
  @Field(() => GraphQLJSON, { description: "Columns left out of the default features, with the reason: [{ name, reason }]." })
  skippedFeatures!: unknown;
}

@ObjectType()
export class ClassProbability {
  @Field(() => String)
  label!: string;
  @Field(() => Float)
  probability!: number;
}

@ObjectType()
export class PredictionItem {
  @Field(() => GraphQLJSON, { description: "The predicted label (string) or value (number)." })
  prediction!: string | number;
  @Field(() => [ClassProbability], { nullable: true, description: "Classification only; highest first." })
  probabilities!: ClassProbability[] | null;
}

@ObjectType()
export class PredictResult extends PredictionItem {
  @Field(() => String)
  model!: string;
  @Field(() => Int)
  version!: number;
  @Field(() => Float, { description: "Time inside the gateway, milliseconds." })
  latencyMs!: number;
}

@ObjectType()
export class PredictBatchResult {
  @Field(() => String)
  model!: string;
  @Field(() => Int)
  version!: number;
  @Field(() => [PredictionItem])
  predictions!: PredictionItem[];
  @Field(() => Float)
  latencyMs!: number;
}

@ObjectType({ description: "One prediction a batch inference job wrote to the predictions table." })
export class ModelPrediction {
  @Field(() => ID, { description: "The row's id in the predictions table (a bigint, as a string)." })
  id!: string;
  @Field(() => String, { description: "Model name." })
  model!: string;
  @Field(() => Int, { description: "Model version that predicted it." })
  version!: number;
  @Field(() => String, { description: "The source row's key (its key column's value, as text)." })
  key!: string;
  @Field(() => GraphQLJSON, { description: "The predicted label (string) or value (number)." })
  prediction!: string | number;
  @Field(() => [ClassProbability], { nullable: true, description: "Classification only; highest first." })
  probabilities!: ClassProbability[] | null;
  @Field(() => ID, { nullable: true, description: "The BATCH_INFERENCE job that wrote it." })
  jobId!: string | null;
  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "A model's predictions in the order they were written, one page at a time." })
export class ModelPredictionConnection extends Connection(ModelPrediction, "ModelPrediction") {}

@ObjectType()
export class PipelineStepView {
  @Field(() => Int)
  index!: number;
  @Field(() => String, { description: "INGEST, QUALITY_GATE, TRANSFORM, TRAIN or BATCH_INFERENCE." })
  kind!: string;
  @Field(() => Job, { nullable: true, description: "The step's own job; null until the step starts." })
  job!: Job | null;
}

@ObjectType({ description: "A pipeline's parent job and each step's job." })
export class PipelineView {
  @Field(() => Job)
  job!: Job;
  @Field(() => String, { nullable: true })
  name!: string | null;
  @Field(() => Int, { nullable: true, description: "Index of the step running now, or the last one that ran." })
  currentStep!: number | null;
  @Field(() => [PipelineStepView])
  steps!: PipelineStepView[];
}
