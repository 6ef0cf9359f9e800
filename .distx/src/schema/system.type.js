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
import { Field, Int, ObjectType } from "type-graphql";
let Heartbeat = class {
  seq;
  at;
  uptimeSeconds;
};
__decorateClass([
  Field(() => Int, { description: "1 for the first beat of this subscription, then counting up." })
], Heartbeat.prototype, "seq", 2);
__decorateClass([
  Field(() => Date, { description: "Server time of the beat." })
], Heartbeat.prototype, "at", 2);
__decorateClass([
  Field(() => Int, { description: "Seconds since this gateway process started." })
], Heartbeat.prototype, "uptimeSeconds", 2);
Heartbeat = __decorateClass([
  ObjectType({ description: "One beat of Subscription.heartbeat: proves the websocket path is alive." })
], Heartbeat);
let GatewayInfo = class {
  version;
  database;
  pubSub;
  uptimeSeconds;
};
__decorateClass([
  Field(() => String)
], GatewayInfo.prototype, "version", 2);
__decorateClass([
  Field(() => String, { description: "pglite (embedded) or postgres." })
], GatewayInfo.prototype, "database", 2);
__decorateClass([
  Field(() => String, { description: "memory or redis: where subscriptions' events travel." })
], GatewayInfo.prototype, "pubSub", 2);
__decorateClass([
  Field(() => Int)
], GatewayInfo.prototype, "uptimeSeconds", 2);
GatewayInfo = __decorateClass([
  ObjectType({ description: "What this gateway is and how it is running." })
], GatewayInfo);
export {
  GatewayInfo,
  Heartbeat
};
