import { Field, InputType, Int, registerEnumType } from "type-graphql";
import type { WriteMode } from "../services/ingest/index.js";

export const IngestModeEnum = { INSERT: "INSERT", UPSERT: "UPSERT" } as const;
registerEnumType(IngestModeEnum, { name: "IngestMode", description: "INSERT adds rows; UPSERT inserts or, on a conflict on `key`, updates." });

@InputType({ description: "How to write ingested records." })
export class IngestOptionsInput {
  @Field(() => IngestModeEnum, { nullable: true, defaultValue: "INSERT" })
  mode?: Exclude<WriteMode, "UPDATE">;
  @Field(() => [String], { nullable: true, description: "UPSERT conflict key (column or field names; a unique key). Defaults to the primary key." })
  key?: string[] | null;
  @Field(() => Int, { nullable: true, description: "Records per batch (1–100000); default JOB_BATCH_SIZE." })
  batchSize?: number | null;
  @Field(() => Int, { nullable: true, description: "Retries of a batch after a transient failure (0–20); default JOB_MAX_RETRIES." })
  maxRetries?: number | null;
  @Field(() => Boolean, { nullable: true, description: "A batch the database refuses is split until the bad records are isolated and rejected, instead of failing the job." })
  continueOnError?: boolean | null;
  @Field(() => String, { nullable: true, description: "The same key again returns the first job instead of writing twice." })
  idempotencyKey?: string | null;
}

@InputType({ description: "How to run a batch update." })
export class BatchUpdateOptionsInput {
  @Field(() => Int, { nullable: true })
  batchSize?: number | null;
  @Field(() => Int, { nullable: true })
  maxRetries?: number | null;
  @Field(() => Boolean, { nullable: true })
  continueOnError?: boolean | null;
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}
