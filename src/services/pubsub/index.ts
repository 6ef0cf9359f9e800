/**
 * Publish/subscribe for GraphQL subscriptions: in-process by default, on Redis
 * when REDIS_URL is set so every gateway instance sees every worker's events.
 */
import { Redis } from "ioredis";
import { createPubSub, type PubSub } from "@graphql-yoga/subscription";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";

export type GatewayPubSub = PubSub<Record<string, [unknown] | [string | number, unknown]>>;

export interface PubSubHandle {
  pubSub: GatewayPubSub;
  kind: "memory" | "redis";
  close(): Promise<void>;
}

export function createGatewayPubSub(redisUrl: string | null, onError: (err: Error) => void = () => {}): PubSubHandle {
  if (!redisUrl) return { pubSub: createPubSub() as GatewayPubSub, kind: "memory", close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // ioredis reconnects by itself; without a listener each failed attempt is an unhandled 'error' event.
  publishClient.on("error", onError);
  subscribeClient.on("error", onError);
  // The event target fires publish/subscribe without awaiting them, so while Redis is away each
  // command's MaxRetriesPerRequestError would surface as an unhandled rejection.
  reportCommandRejections(publishClient, ["publish"], onError);
  reportCommandRejections(subscribeClient, ["subscribe", "unsubscribe"], onError);
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub({ eventTarget }) as GatewayPubSub,
    kind: "redis",
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

type FireAndForgetCommand = "publish" | "subscribe" | "unsubscribe";

function reportCommandRejections(client: Redis, commands: FireAndForgetCommand[], onError: (err: Error) => void): void {
  for (const name of commands) {
    const original = (client[name] as (...args: unknown[]) => Promise<unknown>).bind(client);
    Object.defineProperty(client, name, {
      configurable: true,
      value: (...args: unknown[]) => {
        const pending = original(...args);
        pending.catch(onError);
        return pending;
      },
    });
  }
}
