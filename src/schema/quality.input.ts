import { Field, Float, InputType, registerEnumType } from "type-graphql";

export enum QualityRuleKind {
  EMAIL = "EMAIL",
  NON_NEGATIVE = "NON_NEGATIVE",
  PAST = "PAST",
  UNIQUE = "UNIQUE",
  NOT_NULL = "NOT_NULL",
  PATTERN = "PATTERN",
  RANGE = "RANGE",
}
registerEnumType(QualityRuleKind, { name: "QualityRuleKind" });

@InputType({ description: "A rule a column's values must follow, on top of those read from doc comments and column names." })
export class QualityRuleInput {
  @Field(() => String)
  column!: string;
  @Field(() => QualityRuleKind)
  rule!: QualityRuleKind;
  @Field(() => String, { nullable: true, description: "PATTERN: a PostgreSQL regular expression." })
  pattern?: string | null;
  @Field(() => Float, { nullable: true, description: "RANGE: smallest allowed value." })
  min?: number | null;
  @Field(() => Float, { nullable: true, description: "RANGE: largest allowed value." })
  max?: number | null;
}
