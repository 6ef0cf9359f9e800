import { Field, Float, ID, InputType, Int, registerEnumType } from "type-graphql";
import { SourceFilterInput, TransformInput, TransformTargetInput } from "./transform.input.js";
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

@InputType({
  description:
    "Rows to predict: a table (read in the order of a unique key) or a SELECT checked by the SQL guard like trainModel's (streamed in key order; its rows write to the predictions table); optionally filtered.",
})
export class BatchSourceInput {
  @Field(() => String, { nullable: true, description: "A table to read; or give sql instead." })
  table?: string | null;

  @Field(() => String, { nullable: true, description: "One read-only SELECT over allow-listed tables returning the model's feature columns and the key column." })
  sql?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "Column conditions, as in trainModel's source.filter (on the query's result columns for sql)." })
  filter?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "Column identifying rows (predictions.row_key): default the table's primary key; required for sql. Null or repeated keys are rejected records." })
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

@InputType({
  description:
    "Rows into a table as a pipeline step: wait for an ingest job (fromJob, e.g. from POST /ingest/{table}), or copy rows of fromTable into target as a TRANSFORM job (one copy rule per shared column).",
})
export class IngestStepInput {
  @Field(() => ID, { nullable: true, description: "An INGEST or BATCH_UPDATE job; the step waits for it and it becomes the step's job (cancelling the pipeline does not cancel it)." })
  fromJob?: string | null;
  @Field(() => String, { nullable: true, description: "A table to copy rows from (read in primary-key order)." })
  fromTable?: string | null;
  @Field(() => [SourceFilterInput], { nullable: true, description: "Conditions on fromTable's rows, as in Mutation.transform." })
  filter?: SourceFilterInput[] | null;
  @Field(() => TransformTargetInput, { nullable: true, description: "Where fromTable's rows go (table, INSERT or UPSERT, key)." })
  target?: TransformTargetInput | null;
  @Field(() => [String], { nullable: true, description: "Target columns to copy; default every target column fromTable also has (with INSERT, not a defaulted primary key)." })
  columns?: string[] | null;
  @Field(() => Int, { nullable: true, description: "Records per batch of the copy; default JOB_BATCH_SIZE." })
  batchSize?: number | null;
  @Field(() => Float, { nullable: true, defaultValue: 0, description: "A PARTIAL ingest passes when rejected / (accepted + rejected) is at most this (0–1); above it the pipeline fails. Above 0 a copy continues past bad rows." })
  maxRejectedFraction?: number | null;
}

@InputType({ description: "Exactly one of the fields." })
export class PipelineStepInput {
  @Field(() => IngestStepInput, { nullable: true })
  ingest?: IngestStepInput | null;
  @Field(() => QualityGateStepInput, { nullable: true })
  qualityGate?: QualityGateStepInput | null;
  @Field(() => TransformInput, { nullable: true, description: "Mutation.transform's input, run as the step's TRANSFORM job (leave idempotencyKey out); a PARTIAL transform passes." })
  transform?: TransformInput | null;
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
