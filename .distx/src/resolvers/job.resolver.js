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
var __decorateParam = (index, decorator) => (target, key) => decorator(target, key, index);
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { BatchStats, Job, JobFilterInput, JobKindEnum, JobPage, JobProgress, RejectedRecordPage } from "../schema/job.type.js";
let JobResolver = class {
  job(id, ctx) {
    return ctx.services.jobs.engine.get(id);
  }
  jobs(filter, first, after, ctx) {
    return ctx.services.jobs.engine.page(filter ?? {}, first, after ?? null, ctx.services.config.api.maxPageSize);
  }
  rejectedRecords(jobId, first, after, ctx) {
    return ctx.services.jobs.engine.rejectedRecords(jobId, first, after ?? null, ctx.services.config.api.maxPageSize);
  }
  batchStats(kind, since, ctx) {
    return ctx.services.jobs.engine.stats({ kind, since }).then((s) => ({ ...s, totalOperations: s.operations, totalRecords: s.records, errors: s.failedJobs }));
  }
  cancelJob(id, ctx) {
    return ctx.services.jobs.engine.cancel(id);
  }
  jobProgress(event, _jobId) {
    return event;
  }
  jobEvents(event, _kind) {
    return event;
  }
};
__decorateClass([
  Query(() => Job, { nullable: true, description: "One job by id; null when it does not exist." }),
  __decorateParam(0, Arg("id", () => ID)),
  __decorateParam(1, Ctx())
], JobResolver.prototype, "job", 1);
__decorateClass([
  Query(() => JobPage, { description: "Jobs, newest first, optionally filtered by kind and status." }),
  __decorateParam(0, Arg("filter", () => JobFilterInput, { nullable: true })),
  __decorateParam(1, Arg("first", () => Int, { defaultValue: 20 })),
  __decorateParam(2, Arg("after", () => String, { nullable: true })),
  __decorateParam(3, Ctx())
], JobResolver.prototype, "jobs", 1);
__decorateClass([
  Query(() => RejectedRecordPage, { description: "The records a job did not write, each with the reason and its input line or index." }),
  __decorateParam(0, Arg("jobId", () => ID)),
  __decorateParam(1, Arg("first", () => Int, { defaultValue: 100 })),
  __decorateParam(2, Arg("after", () => String, { nullable: true })),
  __decorateParam(3, Ctx())
], JobResolver.prototype, "rejectedRecords", 1);
__decorateClass([
  Query(() => BatchStats, { description: "Totals over jobs: operations (batches), records, duration, mean throughput, retries, failed jobs." }),
  __decorateParam(0, Arg("kind", () => JobKindEnum, { nullable: true })),
  __decorateParam(1, Arg("since", () => Date, { nullable: true })),
  __decorateParam(2, Ctx())
], JobResolver.prototype, "batchStats", 1);
__decorateClass([
  Mutation(() => Job, { description: "Cancels a job: a queued one at once, a running one after its current batch (committed batches stay)." }),
  __decorateParam(0, Arg("id", () => ID)),
  __decorateParam(1, Ctx())
], JobResolver.prototype, "cancelJob", 1);
__decorateClass([
  Subscription(() => JobProgress, {
    description: "The job's current state at once, then an event after every batch and status change; completes when the job ends.",
    subscribe: ({ args, context }) => context.services.jobs.engine.progress(args.jobId)
  }),
  __decorateParam(0, Root()),
  __decorateParam(1, Arg("jobId", () => ID))
], JobResolver.prototype, "jobProgress", 1);
__decorateClass([
  Subscription(() => JobProgress, {
    description: "Progress events of every job (optionally of one kind), for dashboards.",
    subscribe: ({ args, context }) => context.services.jobs.engine.eventStream(args.kind ?? null)
  }),
  __decorateParam(0, Root()),
  __decorateParam(1, Arg("kind", () => JobKindEnum, { nullable: true }))
], JobResolver.prototype, "jobEvents", 1);
JobResolver = __decorateClass([
  Resolver()
], JobResolver);
export {
  JobResolver
};
