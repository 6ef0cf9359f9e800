import { Redis } from "ioredis";
import { createPubSub } from "@graphql-yoga/subscription";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
function createGatewayPubSub(redisUrl, onError = () => {
}) {
  if (!redisUrl) return { pubSub: createPubSub(), kind: "memory", close: async () => {
  } };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  publishClient.on("error", onError);
  subscribeClient.on("error", onError);
  reportCommandRejections(publishClient, ["publish"], onError);
  reportCommandRejections(subscribeClient, ["subscribe", "unsubscribe"], onError);
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub({ eventTarget }),
    kind: "redis",
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    }
  };
}
function reportCommandRejections(client, commands, onError) {
  for (const name of commands) {
    const original = client[name].bind(client);
    Object.defineProperty(client, name, {
      configurable: true,
      value: (...args) => {
        const pending = original(...args);
        pending.catch(onError);
        return pending;
      }
    });
  }
}
export {
  createGatewayPubSub
};
