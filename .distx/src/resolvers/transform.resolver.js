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
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Job } from "../schema/job.type.js";
import { TransformInput } from "../schema/transform.input.js";
import { toTransformInput } from "../services/transform/index.js";
let TransformResolver = class {
  transform(input, ctx) {
    return ctx.services.transform.submit(toTransformInput(input));
  }
};
__decorateClass([
  Mutation(() => Job, {
    description: "Starts a TRANSFORM job: checked completely first (source, target, rules, LLM availability), then run in batches; follow it with Subscription.jobProgress."
  }),
  __decorateParam(0, Arg("input", () => TransformInput)),
  __decorateParam(1, Ctx())
], TransformResolver.prototype, "transform", 1);
TransformResolver = __decorateClass([
  Resolver()
], TransformResolver);
export {
  TransformResolver
};
