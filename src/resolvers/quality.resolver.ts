import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { Job } from "../schema/job.type.js";
import type { GatewayContext } from "../context.js";
import { QualityRuleInput } from "../schema/quality.input.js";
import { QualityHistoryConnection, QualityReport } from "../schema/quality.type.js";
import { PageArgs } from "../schema/connection.type.js";

@Resolver()
export class QualityResolver {
  @Query(() => QualityReport, {
    description: "Profiles a table's columns, checks rules (declared here, in doc comments, or implied by names), scores it 0–100 with each deduction explained, and stores the report.",
  })
  async dataQuality(
    @Arg("table", () => String) table: string,
    @Arg("columns", () => [String], { nullable: true }) columns: string[] | null,
    @Arg("rules", () => [QualityRuleInput], { nullable: true }) rules: QualityRuleInput[] | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<QualityReport> {
    return ctx.services.quality.report({ table, columns, rules });
  }

  @Mutation(() => Job, { description: "The same report as a QUALITY job with progress, for large tables; the job's result holds reportId and score. waitMs (≤ 600000) waits for it." })
  runDataQuality(
    @Arg("table", () => String) table: string,
    @Arg("columns", () => [String], { nullable: true }) columns: string[] | null,
    @Arg("rules", () => [QualityRuleInput], { nullable: true }) rules: QualityRuleInput[] | null,
    @Arg("waitMs", () => Int, { defaultValue: 0 }) waitMs: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<Job> {
    return ctx.services.quality.submit({ table, columns, rules }, waitMs);
  }

  @Query(() => QualityHistoryConnection, { description: "Stored reports of a table, newest first." })
  qualityHistory(@Arg("table", () => String) table: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GatewayContext) {
    return ctx.services.quality.history(table, page, ctx.services.config.api);
  }
}
