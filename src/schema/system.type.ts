import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One beat of Subscription.heartbeat: proves the websocket path is alive." })
export class Heartbeat {
  @Field(() => Int, { description: "1 for the first beat of this subscription, then counting up." })
  seq!: number;

  @Field(() => Date, { description: "Server time of the beat." })
  at!: Date;

  @Field(() => Int, { description: "Seconds since this gateway process started." })
  uptimeSeconds!: number;
}

@ObjectType({ description: "What this gateway is and how it is running." })
export class GatewayInfo {
  @Field(() => String)
  version!: string;

  @Field(() => String, { description: "pglite (embedded) or postgres." })
  database!: string;

  @Field(() => String, { description: "memory or redis: where subscriptions' events travel." })
  pubSub!: string;

  @Field(() => Int)
  uptimeSeconds!: number;
}
