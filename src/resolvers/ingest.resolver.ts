import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import type { GatewayContext } from "../context.js";
import { Job } from "../schema/job.type.js";
import { BatchUpdateOptionsInput, IngestOptionsInput } from "../schema/ingest.input.js";

@Resolver()
export class IngestResolver {
  @Mutation(() => Job, {
    description:
      "Writes records into a table (SQL or Prisma name) as an INGEST job. Small inputs return finished; larger ones return the running job (follow it with Subscription.jobProgress). Above INGEST_MAX_INLINE_RECORDS use POST /ingest/{table}.",
  })
  ingest(
    @Arg("table", () => String) table: string,
    @Arg("records", () => [GraphQLJSON]) records: unknown[],
    @Arg("options", () => IngestOptionsInput, { nullable: true }) options: IngestOptionsInput | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Job> {
    return ctx.services.ingest.ingestInline(table, records, options ?? {});
  }

  @Mutation(() => Job, { description: "Sets columns on the rows matched by `key` (a unique key), as a BATCH_UPDATE job; keys matching no row become rejected records." })
  batchUpdate(
    @Arg("table", () => String) table: string,
    @Arg("key", () => [String]) key: string[],
    @Arg("records", () => [GraphQLJSON]) records: unknown[],
    @Arg("options", () => BatchUpdateOptionsInput, { nullable: true }) options: BatchUpdateOptionsInput | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Job> {
    return ctx.services.ingest.batchUpdate(table, key, records, options ?? {});
  }
}
