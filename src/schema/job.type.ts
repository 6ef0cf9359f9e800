import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Connection } from "./connection.type.js";
import { JOB_KINDS, JOB_STATUSES, type JobKind, type JobStatus } from "../services/jobs/types.js";

export const JobKindEnum = Object.fromEntries(JOB_KINDS.map((k) => [k, k])) as { [K in JobKind]: K };
export const JobStatusEnum = Object.fromEntries(JOB_STATUSES.map((k) => [k, k])) as { [K in JobStatus]: K };
registerEnumType(JobKindEnum, { name: "JobKind", description: "What a job does." });
registerEnumType(JobStatusEnum, {
  name: "JobStatus",
  description: "QUEUED → RUNNING → SUCCEEDED (nothing rejected) | PARTIAL (some records rejected) | FAILED (committed batches stay) | CANCELLED.",
});

@ObjectType({ description: "A unit of bulk work run in batches: ingestion, transform, batch update, training, …" })
export class Job {
  @Field(() => ID)
  id!: string;
  @Field(() => JobKindEnum)
  kind!: JobKind;
  @Field(() => JobStatusEnum)
  status!: JobStatus;
  @Field(() => Int, { description: "Records processed so far (accepted + rejected for ingestion)." })
  done!: number;
  @Field(() => Int, { nullable: true, description: "Records expected, when known." })
  total!: number | null;
  @Field(() => Int, { description: "Records written." })
  accepted!: number;
  @Field(() => Int, { description: "Records refused; see rejectedRecords(jobId)." })
  rejected!: number;
  @Field(() => Int, { description: "Batch attempts that were retried after a transient failure." })
  retried!: number;
  @Field(() => Int, { description: "Batches committed." })
  batches!: number;
  @Field(() => GraphQLJSON)
  parameters!: unknown;
  @Field(() => GraphQLJSON, { nullable: true })
  result!: unknown;
  @Field(() => String, { nullable: true })
  error!: string | null;
  @Field(() => String, { nullable: true })
  message!: string | null;
  @Field(() => String, { nullable: true })
  idempotencyKey!: string | null;
  @Field(() => Boolean)
  cancelRequested!: boolean;
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;
  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType({ description: "Jobs, newest first (by creation time), one page at a time." })
export class JobConnection extends Connection(Job, "Job") {}

@InputType()
export class JobFilterInput {
  @Field(() => JobKindEnum, { nullable: true })
  kind?: JobKind | null;
  @Field(() => [JobStatusEnum], { nullable: true })
  status?: JobStatus[] | null;
}

@ObjectType({ description: "Progress of one job: after every committed batch and on every status change." })
export class JobProgress {
  @Field(() => ID)
  jobId!: string;
  @Field(() => JobKindEnum)
  kind!: JobKind;
  @Field(() => JobStatusEnum)
  status!: JobStatus;
  @Field(() => Int)
  done!: number;
  @Field(() => Int, { nullable: true })
  total!: number | null;
  @Field(() => Int)
  accepted!: number;
  @Field(() => Int)
  rejected!: number;
  @Field(() => Float, { nullable: true, description: "Records per second since the job started." })
  rowsPerSecond!: number | null;
  @Field(() => Float, { nullable: true, description: "Estimated seconds left (null while the total or the rate is unknown)." })
  etaSeconds!: number | null;
  @Field(() => String, { nullable: true })
  message!: string | null;
  @Field(() => Float, { description: "When the event was published, milliseconds since the epoch." })
  at!: number;
}

@ObjectType({ description: "A record a job did not write, with the reason." })
export class RejectedRecord {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  jobId!: string;
  @Field(() => Int, { description: "Batch number, from 0." })
  batch!: number;
  @Field(() => Int, { description: "Input line number (streamed files, from 1, header included) or index in `records` (inline, from 0)." })
  rowIndex!: number;
  @Field(() => String)
  reason!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: "The record as received." })
  record!: unknown;
}

@ObjectType({ description: "A job's rejected records in input order, one page at a time." })
export class RejectedRecordConnection extends Connection(RejectedRecord, "RejectedRecord") {}

@ObjectType({ description: "Totals over jobs: what the batch optimizer of the reference reported." })
export class BatchStats {
  @Field(() => Int)
  jobs!: number;
  @Field(() => Float, { description: "Batches committed." })
  totalOperations!: number;
  @Field(() => Float, { description: "Records processed (accepted + rejected)." })
  totalRecords!: number;
  @Field(() => Float)
  accepted!: number;
  @Field(() => Float)
  rejected!: number;
  @Field(() => Float, { description: "Batch retries after transient failures." })
  retries!: number;
  @Field(() => Int, { description: "Jobs that FAILED." })
  errors!: number;
  @Field(() => Float, { description: "Sum of the jobs' run times." })
  durationSeconds!: number;
  @Field(() => Float, { nullable: true, description: "totalRecords / durationSeconds." })
  meanRecordsPerSecond!: number | null;
}
