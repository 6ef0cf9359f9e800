import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "How to answer a question." })
export class AskOptions {
  @Field(() => Int, { nullable: true, description: "Row cap for this answer (1 to NL_MAX_ROWS; default NL_MAX_ROWS)." })
  maxRows?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Translate and guard only; do not run the SQL." })
  explainOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Do not answer from (or store in) the answer cache." })
  noCache?: boolean | null;
}

@InputType({ description: "Which logged questions to list." })
export class QueryLogFilterInput {
  @Field(() => String, { nullable: true, description: "OK, EXPLAINED or ERROR." })
  status?: string | null;

  @Field(() => String, { nullable: true, description: "MEMORY, OFFLINE or LLM." })
  source?: string | null;

  @Field(() => String, { nullable: true, description: "e.g. NOT_UNDERSTOOD, SQL_REJECTED, TIMEOUT." })
  errorCode?: string | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive substring of the question." })
  questionContains?: string | null;

  @Field(() => Date, { nullable: true })
  since?: Date | null;
}
