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

@InputType({ description: "Where rows come from: a table, optionally filtered." })
export class RowSourceInput {
  @Field(() => String)
  table!: string;

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
