import { Field, Float, InputType, Int, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";

export enum MlTask {
  CLASSIFICATION = "CLASSIFICATION",
  REGRESSION = "REGRESSION",
}
export enum MlAlgorithm {
  AUTO = "AUTO",
  LINEAR = "LINEAR",
  RANDOM_FOREST = "RANDOM_FOREST",
  GRADIENT_BOOSTING = "GRADIENT_BOOSTING",
}
export enum ActivationPolicy {
  ALWAYS = "ALWAYS",
  IF_BETTER = "IF_BETTER",
  NEVER = "NEVER",
}
registerEnumType(MlTask, { name: "MlTask" });
registerEnumType(MlAlgorithm, {
  name: "MlAlgorithm",
  description: "AUTO = GRADIENT_BOOSTING. LINEAR = regularized linear/logistic regression. All run on XGBoost compiled to WebAssembly.",
});
registerEnumType(ActivationPolicy, { name: "ActivationPolicy", description: "IF_BETTER: the new version becomes active only if its key metric beats the active version's." });

@InputType({ description: "Where training rows come from: a table, or a SELECT (checked by the SQL guard); optionally filtered by column conditions." })
export class RowSourceInput {
  @Field(() => String, { nullable: true })
  table?: string | null;

  @Field(() => String, { nullable: true, description: "One SELECT over allow-listed tables; its result columns are the candidate features and the target." })
  sql?: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Column conditions, all must hold: {"status": "PAID"}, {"channel": ["WEB","MOBILE"]}, {"total": {"gte": 10, "lt": 100}}, {"city": {"isNull": false}}.',
  })
  filter?: Record<string, unknown> | null;
}

@InputType()
export class TrainModelInput {
  @Field(() => String, { description: "Registry name; each training adds a version under it." })
  name!: string;

  @Field(() => RowSourceInput)
  source!: RowSourceInput;

  @Field(() => String, { description: "Column to predict." })
  target!: string;

  @Field(() => [String], { nullable: true, description: 'Makes a yes/no classifier: the label is "true" when the target is one of these values.' })
  targetPositive?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Feature columns; default every usable column (keys, unique and foreign-key columns left out)." })
  features?: string[] | null;

  @Field(() => MlTask, { nullable: true, description: "Inferred when absent: numeric target → REGRESSION, else CLASSIFICATION." })
  task?: MlTask | null;

  @Field(() => MlAlgorithm, { nullable: true, defaultValue: MlAlgorithm.AUTO })
  algorithm?: MlAlgorithm | null;

  @Field(() => Float, { nullable: true, defaultValue: 0.2, description: "Share of rows held out for evaluation (0.05–0.5)." })
  testFraction?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 42 })
  seed?: number | null;

  @Field(() => ActivationPolicy, { nullable: true, defaultValue: ActivationPolicy.IF_BETTER })
  activate?: ActivationPolicy | null;
}

@InputType({ description: "Rows to predict: a table, optionally filtered, read in the order of a unique key." })
export class BatchSourceInput {
  @Field(() => String)
  table!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: "Column conditions, as in trainModel's source.filter." })
  filter?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "Unique column identifying rows; default the primary key." })
  key?: string | null;
}

@InputType({ description: "Where predictions go: a column of the source table (by key), or, when column is absent, the predictions table." })
export class BatchOutputInput {
  @Field(() => String, { nullable: true })
  column?: string | null;
}

@InputType({ description: "Fails the pipeline when the table's quality score is under minScore." })
export class QualityGateStepInput {
  @Field(() => String)
  table!: string;
  @Field(() => [String], { nullable: true })
  columns?: string[] | null;
  @Field(() => Float)
  minScore!: number;
}

@InputType({ description: "Batch inference as a pipeline step." })
export class BatchInferenceStepInput {
  @Field(() => String)
  model!: string;
  @Field(() => Int, { nullable: true, description: "Default: the active version when the step starts." })
  version?: number | null;
  @Field(() => BatchSourceInput)
  source!: BatchSourceInput;
  @Field(() => BatchOutputInput, { nullable: true })
  output?: BatchOutputInput | null;
}

@InputType({ description: "Exactly one of the fields." })
export class PipelineStepInput {
  @Field(() => QualityGateStepInput, { nullable: true })
  qualityGate?: QualityGateStepInput | null;
  @Field(() => TrainModelInput, { nullable: true })
  train?: TrainModelInput | null;
  @Field(() => BatchInferenceStepInput, { nullable: true })
  batchInference?: BatchInferenceStepInput | null;
}

@InputType()
export class PipelineInput {
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => [PipelineStepInput])
  steps!: PipelineStepInput[];
}
