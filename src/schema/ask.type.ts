import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Connection } from "./connection.type.js";

export enum AnswerSource {
  MEMORY = "MEMORY",
  OFFLINE = "OFFLINE",
  LLM = "LLM",
}
registerEnumType(AnswerSource, {
  name: "AnswerSource",
  description: "What produced the SQL: a verified example (MEMORY), the offline translator, or a language model.",
});

@ObjectType({ description: "A column of an answer." })
export class AnswerColumn {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "PostgreSQL type of the result column, e.g. bigint, numeric, text." })
  type!: string;
}

@ObjectType({ description: "Where the time of an answer went, in milliseconds." })
export class AnswerTimings {
  @Field(() => Float)
  translateMs!: number;

  @Field(() => Float)
  executeMs!: number;

  @Field(() => Float)
  totalMs!: number;
}

@ObjectType({ description: "The answer to a natural-language question: the SQL that ran, how it was understood, and the rows." })
export class Answer {
  @Field(() => ID, { description: "Identifies this answer in queryLog and rateAnswer." })
  queryId!: string;

  @Field(() => String)
  question!: string;

  @Field(() => String, { description: "A plain-English restatement of what was run." })
  interpretation!: string;

  @Field(() => String, { description: "The SQL that ran (or would run, with explainOnly), after the guard." })
  sql!: string;

  @Field(() => [AnswerColumn])
  columns!: AnswerColumn[];

  @Field(() => GraphQLJSON, { nullable: true, description: "The rows as JSON objects keyed by column name; null with explainOnly." })
  rows!: unknown;

  @Field(() => Int, { nullable: true })
  rowCount!: number | null;

  @Field(() => Boolean, { description: "True when the row cap (maxRows / NL_MAX_ROWS) cut the result short." })
  truncated!: boolean;

  @Field(() => Boolean, { description: "True when served from the answer cache." })
  cached!: boolean;

  @Field(() => AnswerSource)
  source!: AnswerSource;

  @Field(() => [String], { description: "Tables the SQL reads." })
  tables!: string[];

  @Field(() => AnswerTimings)
  timings!: AnswerTimings;
}

@ObjectType({ description: "What rateAnswer did with a rating." })
export class RatingResult {
  @Field(() => ID)
  queryId!: string;

  @Field(() => Boolean, { description: "True when the question is now remembered as a verified example." })
  learned!: boolean;

  @Field(() => Boolean, { description: "True when a wrong remembered answer was forgotten." })
  forgotten!: boolean;

  @Field(() => String, { nullable: true })
  exampleSql!: string | null;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: "One question as logged in query_log." })
export class QueryLogEntry {
  @Field(() => ID)
  queryId!: string;

  @Field(() => String)
  question!: string;

  @Field(() => String, { nullable: true })
  sql!: string | null;

  @Field(() => String, { nullable: true })
  interpretation!: string | null;

  @Field(() => String, { nullable: true, description: "MEMORY, OFFLINE or LLM." })
  source!: string | null;

  @Field(() => String, { description: "OK, EXPLAINED or ERROR." })
  status!: string;

  @Field(() => String, { nullable: true })
  errorCode!: string | null;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;

  @Field(() => Int, { nullable: true })
  rowCount!: number | null;

  @Field(() => Boolean)
  cached!: boolean;

  @Field(() => [String])
  tables!: string[];

  @Field(() => Float, { nullable: true })
  translateMs!: number | null;

  @Field(() => Float, { nullable: true })
  executeMs!: number | null;

  @Field(() => Float)
  totalMs!: number;

  @Field(() => Int)
  llmCalls!: number;

  @Field(() => Int, { nullable: true })
  llmPromptTokens!: number | null;

  @Field(() => Int, { nullable: true })
  llmCompletionTokens!: number | null;

  @Field(() => Float, { nullable: true })
  llmMs!: number | null;

  @Field(() => Boolean, { nullable: true, description: "The caller's rating: true correct, false wrong, null not rated." })
  rating!: boolean | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "The query log, newest first, one page at a time." })
export class QueryLogConnection extends Connection(QueryLogEntry, "QueryLogEntry") {}
