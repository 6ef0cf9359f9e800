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
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { Answer, QueryLogPage, RatingResult } from "../schema/ask.type.js";
import { AskOptions, QueryLogFilterInput } from "../schema/ask.input.js";
let AskResolver = class {
  async ask(ctx, question, options) {
    return await ctx.services.nlsql.ask(question, options ?? {}, ctx.auth.scope);
  }
  async rateAnswer(ctx, queryId, correct, correctedSql) {
    return ctx.services.nlsql.rateAnswer(queryId, correct, correctedSql);
  }
  async queryLog(ctx, filter, first, after) {
    return ctx.services.nlsql.queryLog(filter ?? {}, first, after);
  }
};
__decorateClass([
  Query(() => Answer, { description: "Answers a question about the data in plain language: the SQL that ran, how it was understood, and the rows." }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("question", () => String)),
  __decorateParam(2, Arg("options", () => AskOptions, { nullable: true }))
], AskResolver.prototype, "ask", 1);
__decorateClass([
  Mutation(() => RatingResult, { description: "Rates an answer. A correct answer, or a correctedSql that passes the guard, becomes a verified example that answers the question next time." }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("queryId", () => ID)),
  __decorateParam(2, Arg("correct", () => Boolean)),
  __decorateParam(3, Arg("correctedSql", () => String, { nullable: true }))
], AskResolver.prototype, "rateAnswer", 1);
__decorateClass([
  Query(() => QueryLogPage, { description: "Questions asked, newest first." }),
  __decorateParam(0, Ctx()),
  __decorateParam(1, Arg("filter", () => QueryLogFilterInput, { nullable: true })),
  __decorateParam(2, Arg("first", () => Int, { defaultValue: 20 })),
  __decorateParam(3, Arg("after", () => String, { nullable: true }))
], AskResolver.prototype, "queryLog", 1);
AskResolver = __decorateClass([
  Resolver()
], AskResolver);
export {
  AskResolver
};
