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
import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from "type-graphql";
import { GatewayInfo, Heartbeat } from "../schema/system.type.js";
import { heartbeat, uptimeSeconds } from "../services/system/index.js";
import { BadUserInputError } from "../services/errors.js";
let SystemResolver = class {
  gatewayInfo(ctx) {
    return {
      version: ctx.services.version,
      database: ctx.services.db.kind,
      pubSub: ctx.services.pubSub.kind,
      uptimeSeconds: uptimeSeconds()
    };
  }
  heartbeat(beat, _intervalMs, _count) {
    return beat;
  }
};
__decorateClass([
  Query(() => GatewayInfo, { description: "Which database and pub/sub this gateway runs on." }),
  __decorateParam(0, Ctx())
], SystemResolver.prototype, "gatewayInfo", 1);
__decorateClass([
  Subscription(() => Heartbeat, {
    description: "A beat every intervalMs milliseconds (100\u201360000, default 1000), `count` times or until unsubscribed.",
    subscribe: ({ args }) => {
      const { intervalMs, count } = args;
      if (intervalMs < 100 || intervalMs > 6e4) {
        throw new BadUserInputError(`intervalMs must be between 100 and 60000; got ${intervalMs}.`, { problems: [{ field: "intervalMs", message: "out of range" }] });
      }
      if (count !== null && count !== void 0 && count < 1) {
        throw new BadUserInputError(`count must be at least 1; got ${count}.`, { problems: [{ field: "count", message: "out of range" }] });
      }
      return heartbeat(intervalMs, count ?? null);
    }
  }),
  __decorateParam(0, Root()),
  __decorateParam(1, Arg("intervalMs", () => Int, { defaultValue: 1e3 })),
  __decorateParam(2, Arg("count", () => Int, { nullable: true }))
], SystemResolver.prototype, "heartbeat", 1);
SystemResolver = __decorateClass([
  Resolver()
], SystemResolver);
export {
  SystemResolver
};
