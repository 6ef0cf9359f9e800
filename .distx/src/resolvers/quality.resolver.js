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
import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { Job } from "../schema/job.type.js";
import { QualityRuleInput } from "../schema/quality.input.js";
import { QualityHistoryEntry, QualityReport } from "../schema/quality.type.js";
let QualityResolver = class {
  async dataQuality(table, columns, rules, ctx) {
    return ctx.services.quality.report({ table, columns, rules });
  }
  runDataQuality(table, columns, rules, waitMs, ctx) {
    return ctx.services.quality.submit({ table, columns, rules }, waitMs);
  }
  async qualityHistory(table, limit, ctx) {
    return ctx.services.quality.history(table, limit);
  }
};
__decorateClass([
  Query(() => QualityReport, {
    description: "Profiles a table's columns, checks rules (declared here, in doc comments, or implied by names), scores it 0\u2013100 with each deduction explained, and stores the report."
  }),
  __decorateParam(0, Arg("table", () => String)),
  __decorateParam(1, Arg("columns", () => [String], { nullable: true })),
  __decorateParam(2, Arg("rules", () => [QualityRuleInput], { nullable: true })),
  __decorateParam(3, Ctx())
], QualityResolver.prototype, "dataQuality", 1);
__decorateClass([
  Mutation(() => Job, { description: "The same report as a QUALITY job with progress, for large tables; the job's result holds reportId and score. waitMs (\u2264 600000) waits for it." }),
  __decorateParam(0, Arg("table", () => String)),
  __decorateParam(1, Arg("columns", () => [String], { nullable: true })),
  __decorateParam(2, Arg("rules", () => [QualityRuleInput], { nullable: true })),
  __decorateParam(3, Arg("waitMs", () => Int, { defaultValue: 0 })),
  __decorateParam(4, Ctx())
], QualityResolver.prototype, "runDataQuality", 1);
__decorateClass([
  Query(() => [QualityHistoryEntry], { description: "Stored reports of a table, newest first." }),
  __decorateParam(0, Arg("table", () => String)),
  __decorateParam(1, Arg("limit", () => Int, { defaultValue: 50 })),
  __decorateParam(2, Ctx())
], QualityResolver.prototype, "qualityHistory", 1);
QualityResolver = __decorateClass([
  Resolver()
], QualityResolver);
export {
  QualityResolver
};
