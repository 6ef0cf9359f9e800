import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from "type-graphql";
import { GatewayInfo, Heartbeat } from "../schema/system.type.js";
import type { GatewayContext } from "../context.js";
import { heartbeat, uptimeSeconds, type Beat } from "../services/system/index.js";
import { BadUserInputError } from "../services/errors.js";

@Resolver()
export class SystemResolver {
  @Query(() => GatewayInfo, { description: "Which database and pub/sub this gateway runs on." })
  gatewayInfo(@Ctx() ctx: GatewayContext): GatewayInfo {
    return {
      version: ctx.services.version,
      database: ctx.services.db.kind,
      pubSub: ctx.services.pubSub.kind,
      uptimeSeconds: uptimeSeconds(),
    };
  }

  @Subscription(() => Heartbeat, {
    description: "A beat every intervalMs milliseconds (100–60000, default 1000), `count` times or until unsubscribed.",
    subscribe: ({ args }) => {
      const { intervalMs, count } = args as { intervalMs: number; count: number | null };
      if (intervalMs < 100 || intervalMs > 60_000) {
        throw new BadUserInputError(`intervalMs must be between 100 and 60000; got ${intervalMs}.`, { problems: [{ field: "intervalMs", message: "out of range" }] });
      }
      if (count !== null && count !== undefined && count < 1) {
        throw new BadUserInputError(`count must be at least 1; got ${count}.`, { problems: [{ field: "count", message: "out of range" }] });
      }
      return heartbeat(intervalMs, count ?? null);
    },
  })
  heartbeat(
    @Root() beat: Beat,
    @Arg("intervalMs", () => Int, { defaultValue: 1000 }) _intervalMs: number,
    @Arg("count", () => Int, { nullable: true }) _count: number | null,
  ): Heartbeat {
    return beat;
  }
}
