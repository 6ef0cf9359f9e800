import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Answer, QueryLogConnection, RatingResult } from "../schema/ask.type.js";
import { PageArgs } from "../schema/connection.type.js";
import { AskOptions, QueryLogFilterInput } from "../schema/ask.input.js";
import type { GatewayContext } from "../context.js";

@Resolver()
export class AskResolver {
  @Query(() => Answer, { description: "Answers a question about the data in plain language: the SQL that ran, how it was understood, and the rows." })
  async ask(
    @Ctx() ctx: GatewayContext,
    @Arg("question", () => String) question: string,
    @Arg("options", () => AskOptions, { nullable: true }) options: AskOptions | null,
  ): Promise<Answer> {
    return (await ctx.services.nlsql.ask(question, options ?? {}, ctx.auth.scope)) as Answer;
  }

  @Mutation(() => RatingResult, { description: "Rates an answer. A correct answer, or a correctedSql that passes the guard, becomes a verified example that answers the question next time." })
  async rateAnswer(
    @Ctx() ctx: GatewayContext,
    @Arg("queryId", () => ID) queryId: string,
    @Arg("correct", () => Boolean) correct: boolean,
    @Arg("correctedSql", () => String, { nullable: true }) correctedSql: string | null,
  ): Promise<RatingResult> {
    return ctx.services.nlsql.rateAnswer(queryId, correct, correctedSql);
  }

  @Query(() => QueryLogConnection, { description: "Questions asked, newest first." })
  queryLog(
    @Ctx() ctx: GatewayContext,
    @Arg("filter", () => QueryLogFilterInput, { nullable: true }) filter: QueryLogFilterInput | null,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    return ctx.services.nlsql.queryLog(filter ?? {}, page, ctx.services.config.api);
  }
}
