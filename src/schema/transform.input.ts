import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { IngestModeEnum } from "./ingest.input.js";

export const FilterOpEnum = { EQ: "EQ", NE: "NE", LT: "LT", LTE: "LTE", GT: "GT", GTE: "GTE", IN: "IN", CONTAINS: "CONTAINS", IS_NULL: "IS_NULL", NOT_NULL: "NOT_NULL" } as const;
registerEnumType(FilterOpEnum, { name: "FilterOp", description: "Comparison of a source filter. CONTAINS is a case-insensitive substring match; IN takes a list value." });

export const LlmOutputTypeEnum = { TEXT: "TEXT", NUMBER: "NUMBER", INTEGER: "INTEGER", BOOLEAN: "BOOLEAN" } as const;
registerEnumType(LlmOutputTypeEnum, { name: "LlmOutputType", description: "Type of the value an LLM rule must produce." });

@InputType({ description: "One condition on the source table; all conditions must hold." })
export class SourceFilterInput {
  @Field(() => String, { description: "Column (SQL name or its @name)." })
  column!: string;
  @Field(() => FilterOpEnum)
  op!: keyof typeof FilterOpEnum;
  @Field(() => GraphQLJSON, { nullable: true, description: "Compared value; a list for IN; omit for IS_NULL / NOT_NULL." })
  value?: unknown;
}

@InputType({ description: "Where a transform reads: a table (with optional filter, read in primary-key order) or a read-only SELECT (checked by the SQL guard; give it an ORDER BY so a resumed job continues exactly)." })
export class TransformSourceInput {
  @Field(() => String, { nullable: true })
  table?: string | null;
  @Field(() => [SourceFilterInput], { nullable: true })
  filter?: SourceFilterInput[] | null;
  @Field(() => String, { nullable: true })
  sql?: string | null;
}

@InputType({ description: "Where a transform writes." })
export class TransformTargetInput {
  @Field(() => String, { description: "Target table (SQL name or its @name); the gateway's own tables are not writable." })
  table!: string;
  @Field(() => IngestModeEnum, { nullable: true, defaultValue: "INSERT" })
  mode?: "INSERT" | "UPSERT" | null;
  @Field(() => [String], { nullable: true, description: "UPSERT conflict key (a unique key of the target); defaults to its primary key." })
  key?: string[] | null;
}

@InputType({ description: "An instruction for the configured chat model, applied to many records per call." })
export class LlmRuleInput {
  @Field(() => String, { description: "What to produce, e.g. \"Classify the review's sentiment\"." })
  instruction!: string;
  @Field(() => [String], { description: "Source columns the model sees." })
  inputs!: string[];
  @Field(() => LlmOutputTypeEnum, { nullable: true, description: "Type of the answer (default TEXT) — or give outputEnum." })
  outputType?: keyof typeof LlmOutputTypeEnum | null;
  @Field(() => [String], { nullable: true, description: "The answer must be one of these values." })
  outputEnum?: string[] | null;
}

@InputType({ description: "Sets one target column: from a source column, an expression, or an LLM instruction (exactly one)." })
export class TransformRuleInput {
  @Field(() => String, { description: "Target column (SQL name or its @name)." })
  column!: string;
  @Field(() => String, { nullable: true, description: "Copy this source column." })
  from?: string | null;
  @Field(() => String, { nullable: true, description: "Expression over source columns, e.g. upper(trim(name)) — see the README for the functions." })
  expression?: string | null;
  @Field(() => LlmRuleInput, { nullable: true })
  llm?: LlmRuleInput | null;
}

@InputType({ description: "Read a source, map each record by rules, write to a target in batches — as a TRANSFORM job." })
export class TransformInput {
  @Field(() => TransformSourceInput)
  source!: TransformSourceInput;
  @Field(() => TransformTargetInput)
  target!: TransformTargetInput;
  @Field(() => [TransformRuleInput])
  rules!: TransformRuleInput[];
  @Field(() => Int, { nullable: true, description: "Records per batch (1–100000); default JOB_BATCH_SIZE." })
  batchSize?: number | null;
  @Field(() => Int, { nullable: true })
  maxRetries?: number | null;
  @Field(() => Boolean, { nullable: true, description: "Records that fail a rule or the target's checks are rejected with the reason instead of failing the job." })
  continueOnError?: boolean | null;
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}
