import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { QualityRuleInput } from "../schema/quality.input.js";
import { QualityHistoryEntry, QualityReport } from "../schema/quality.type.js";

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

  @Query(() => [QualityHistoryEntry], { description: "Stored reports of a table, newest first." })
  async qualityHistory(
    @Arg("table", () => String) table: string,
    @Arg("limit", () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<QualityHistoryEntry[]> {
    return ctx.services.quality.history(table, limit);
  }
}
