import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GatewayContext } from "../context.js";
import { Job } from "../schema/job.type.js";
import { TransformInput } from "../schema/transform.input.js";
import { toTransformInput } from "../services/transform/index.js";

@Resolver()
export class TransformResolver {
  @Mutation(() => Job, {
    description: "Starts a TRANSFORM job: checked completely first (source, target, rules, LLM availability), then run in batches; follow it with Subscription.jobProgress.",
  })
  transform(@Arg("input", () => TransformInput) input: TransformInput, @Ctx() ctx: GatewayContext): Promise<Job> {
    return ctx.services.transform.submit(toTransformInput(input));
  }
}
