var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? __getOwnPropDesc(target, key) : target;
  for (var i = decorators.length - 1, decorator; i >= 0; i--)
    if (decorator = decorators[i])
      result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) __defProp(target, key, result);
  return result;
};
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { JOB_KINDS, JOB_STATUSES } from "../services/jobs/types.js";
const JobKindEnum = Object.fromEntries(JOB_KINDS.map((k) => [k, k]));
const JobStatusEnum = Object.fromEntries(JOB_STATUSES.map((k) => [k, k]));
registerEnumType(JobKindEnum, { name: "JobKind", description: "What a job does." });
registerEnumType(JobStatusEnum, {
  name: "JobStatus",
  description: "QUEUED \u2192 RUNNING \u2192 SUCCEEDED (nothing rejected) | PARTIAL (some records rejected) | FAILED (committed batches stay) | CANCELLED."
});
let Job = class {
  id;
  kind;
  status;
  done;
  total;
  accepted;
  rejected;
  retried;
  batches;
  parameters;
  result;
  error;
  message;
  idempotencyKey;
  cancelRequested;
  createdAt;
  startedAt;
  finishedAt;
};
__decorateClass([
  Field(() => ID)
], Job.prototype, "id", 2);
__decorateClass([
  Field(() => JobKindEnum)
], Job.prototype, "kind", 2);
__decorateClass([
  Field(() => JobStatusEnum)
], Job.prototype, "status", 2);
__decorateClass([
  Field(() => Int, { description: "Records processed so far (accepted + rejected for ingestion)." })
], Job.prototype, "done", 2);
__decorateClass([
  Field(() => Int, { nullable: true, description: "Records expected, when known." })
], Job.prototype, "total", 2);
__decorateClass([
  Field(() => Int, { description: "Records written." })
], Job.prototype, "accepted", 2);
__decorateClass([
  Field(() => Int, { description: "Records refused; see rejectedRecords(jobId)." })
], Job.prototype, "rejected", 2);
__decorateClass([
  Field(() => Int, { description: "Batch attempts that were retried after a transient failure." })
], Job.prototype, "retried", 2);
__decorateClass([
  Field(() => Int, { description: "Batches committed." })
], Job.prototype, "batches", 2);
__decorateClass([
  Field(() => GraphQLJSON)
], Job.prototype, "parameters", 2);
__decorateClass([
  Field(() => GraphQLJSON, { nullable: true })
], Job.prototype, "result", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], Job.prototype, "error", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], Job.prototype, "message", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], Job.prototype, "idempotencyKey", 2);
__decorateClass([
  Field(() => Boolean)
], Job.prototype, "cancelRequested", 2);
__decorateClass([
  Field(() => Date)
], Job.prototype, "createdAt", 2);
__decorateClass([
  Field(() => Date, { nullable: true })
], Job.prototype, "startedAt", 2);
__decorateClass([
  Field(() => Date, { nullable: true })
], Job.prototype, "finishedAt", 2);
Job = __decorateClass([
  ObjectType({ description: "A unit of bulk work run in batches: ingestion, transform, batch update, training, \u2026" })
], Job);
let JobPage = class {
  nodes;
  endCursor;
  hasNextPage;
};
__decorateClass([
  Field(() => [Job])
], JobPage.prototype, "nodes", 2);
__decorateClass([
  Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last page." })
], JobPage.prototype, "endCursor", 2);
__decorateClass([
  Field(() => Boolean)
], JobPage.prototype, "hasNextPage", 2);
JobPage = __decorateClass([
  ObjectType({ description: "A page of jobs, newest first." })
], JobPage);
let JobFilterInput = class {
  kind;
  status;
};
__decorateClass([
  Field(() => JobKindEnum, { nullable: true })
], JobFilterInput.prototype, "kind", 2);
__decorateClass([
  Field(() => [JobStatusEnum], { nullable: true })
], JobFilterInput.prototype, "status", 2);
JobFilterInput = __decorateClass([
  InputType()
], JobFilterInput);
let JobProgress = class {
  jobId;
  kind;
  status;
  done;
  total;
  accepted;
  rejected;
  rowsPerSecond;
  etaSeconds;
  message;
  at;
};
__decorateClass([
  Field(() => ID)
], JobProgress.prototype, "jobId", 2);
__decorateClass([
  Field(() => JobKindEnum)
], JobProgress.prototype, "kind", 2);
__decorateClass([
  Field(() => JobStatusEnum)
], JobProgress.prototype, "status", 2);
__decorateClass([
  Field(() => Int)
], JobProgress.prototype, "done", 2);
__decorateClass([
  Field(() => Int, { nullable: true })
], JobProgress.prototype, "total", 2);
__decorateClass([
  Field(() => Int)
], JobProgress.prototype, "accepted", 2);
__decorateClass([
  Field(() => Int)
], JobProgress.prototype, "rejected", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "Records per second since the job started." })
], JobProgress.prototype, "rowsPerSecond", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "Estimated seconds left (null while the total or the rate is unknown)." })
], JobProgress.prototype, "etaSeconds", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], JobProgress.prototype, "message", 2);
__decorateClass([
  Field(() => Float, { description: "When the event was published, milliseconds since the epoch." })
], JobProgress.prototype, "at", 2);
JobProgress = __decorateClass([
  ObjectType({ description: "Progress of one job: after every committed batch and on every status change." })
], JobProgress);
let RejectedRecord = class {
  id;
  jobId;
  batch;
  rowIndex;
  reason;
  record;
};
__decorateClass([
  Field(() => ID)
], RejectedRecord.prototype, "id", 2);
__decorateClass([
  Field(() => ID)
], RejectedRecord.prototype, "jobId", 2);
__decorateClass([
  Field(() => Int, { description: "Batch number, from 0." })
], RejectedRecord.prototype, "batch", 2);
__decorateClass([
  Field(() => Int, { description: "Input line number (streamed files, from 1, header included) or index in `records` (inline, from 0)." })
], RejectedRecord.prototype, "rowIndex", 2);
__decorateClass([
  Field(() => String)
], RejectedRecord.prototype, "reason", 2);
__decorateClass([
  Field(() => GraphQLJSON, { nullable: true, description: "The record as received." })
], RejectedRecord.prototype, "record", 2);
RejectedRecord = __decorateClass([
  ObjectType({ description: "A record a job did not write, with the reason." })
], RejectedRecord);
let RejectedRecordPage = class {
  nodes;
  endCursor;
  hasNextPage;
};
__decorateClass([
  Field(() => [RejectedRecord])
], RejectedRecordPage.prototype, "nodes", 2);
__decorateClass([
  Field(() => String, { nullable: true })
], RejectedRecordPage.prototype, "endCursor", 2);
__decorateClass([
  Field(() => Boolean)
], RejectedRecordPage.prototype, "hasNextPage", 2);
RejectedRecordPage = __decorateClass([
  ObjectType({ description: "A page of rejected records, in input order." })
], RejectedRecordPage);
let BatchStats = class {
  jobs;
  totalOperations;
  totalRecords;
  accepted;
  rejected;
  retries;
  errors;
  durationSeconds;
  meanRecordsPerSecond;
};
__decorateClass([
  Field(() => Int)
], BatchStats.prototype, "jobs", 2);
__decorateClass([
  Field(() => Float, { description: "Batches committed." })
], BatchStats.prototype, "totalOperations", 2);
__decorateClass([
  Field(() => Float, { description: "Records processed (accepted + rejected)." })
], BatchStats.prototype, "totalRecords", 2);
__decorateClass([
  Field(() => Float)
], BatchStats.prototype, "accepted", 2);
__decorateClass([
  Field(() => Float)
], BatchStats.prototype, "rejected", 2);
__decorateClass([
  Field(() => Float, { description: "Batch retries after transient failures." })
], BatchStats.prototype, "retries", 2);
__decorateClass([
  Field(() => Int, { description: "Jobs that FAILED." })
], BatchStats.prototype, "errors", 2);
__decorateClass([
  Field(() => Float, { description: "Sum of the jobs' run times." })
], BatchStats.prototype, "durationSeconds", 2);
__decorateClass([
  Field(() => Float, { nullable: true, description: "totalRecords / durationSeconds." })
], BatchStats.prototype, "meanRecordsPerSecond", 2);
BatchStats = __decorateClass([
  ObjectType({ description: "Totals over jobs: what the batch optimizer of the reference reported." })
], BatchStats);
export {
  BatchStats,
  Job,
  JobFilterInput,
  JobKindEnum,
  JobPage,
  JobProgress,
  JobStatusEnum,
  RejectedRecord,
  RejectedRecordPage
};
