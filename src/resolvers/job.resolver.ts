import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { PageArgs } from "../schema/connection.type.js";
import { BatchStats, Job, JobConnection, JobFilterInput, JobKindEnum, JobProgress, RejectedRecordConnection } from "../schema/job.type.js";
import type { JobKind, JobProgressEvent } from "../services/jobs/types.js";

@Resolver()
export class JobResolver {
  @Query(() => Job, { nullable: true, description: "One job by id; null when it does not exist." })
  job(@Arg("id", () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Job | null> {
    return ctx.services.jobs.engine.get(id);
  }

  @Query(() => JobConnection, { description: "Jobs, newest first, optionally filtered by kind and status." })
  jobs(
    @Arg("filter", () => JobFilterInput, { nullable: true }) filter: JobFilterInput | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GatewayContext,
  ) {
    return ctx.services.jobs.engine.page(filter ?? {}, page, ctx.services.config.api);
  }

  @Query(() => RejectedRecordConnection, { description: "The records a job did not write, in input order, each with the reason and its input line or index; NOT_FOUND for an unknown job." })
  rejectedRecords(@Arg("jobId", () => ID) jobId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GatewayContext) {
    return ctx.services.jobs.engine.rejectedRecords(jobId, page, ctx.services.config.api);
  }

  @Query(() => BatchStats, { description: "Totals over jobs: operations (batches), records, duration, mean throughput, retries, failed jobs." })
  batchStats(
    @Arg("kind", () => JobKindEnum, { nullable: true }) kind: JobKind | null,
    @Arg("since", () => Date, { nullable: true }) since: Date | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<BatchStats> {
    return ctx.services.jobs.engine.stats({ kind, since }).then((s) => ({ ...s, totalOperations: s.operations, totalRecords: s.records, errors: s.failedJobs }));
  }

  @Mutation(() => Job, { description: "Cancels a job: a queued one at once, a running one after its current batch (committed batches stay)." })
  cancelJob(@Arg("id", () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Job> {
    return ctx.services.jobs.engine.cancel(id);
  }

  @Subscription(() => JobProgress, {
    description: "The job's current state at once, then an event after every batch and status change; completes when the job ends.",
    subscribe: ({ args, context }) => (context as GatewayContext).services.jobs.engine.progress((args as { jobId: string }).jobId),
  })
  jobProgress(@Root() event: JobProgressEvent, @Arg("jobId", () => ID) _jobId: string): JobProgress {
    return event;
  }

  @Subscription(() => JobProgress, {
    description: "Progress events of every job (optionally of one kind), for dashboards.",
    subscribe: ({ args, context }) => (context as GatewayContext).services.jobs.engine.eventStream((args as { kind?: JobKind | null }).kind ?? null),
  })
  jobEvents(@Root() event: JobProgressEvent, @Arg("kind", () => JobKindEnum, { nullable: true }) _kind: JobKind | null): JobProgress {
    return event;
  }
}
