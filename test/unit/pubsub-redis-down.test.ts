import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGatewayPubSub, type PubSubHandle } from "../../src/services/pubsub/index.js";

// A port nobody listens on: Redis is "down" for the whole test.
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe("Redis pub/sub while Redis is unreachable", () => {
  let handle: PubSubHandle | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  afterEach(async () => {
    process.off("unhandledRejection", onUnhandled);
    await handle?.close();
  });

  it("reports failed publish and subscribe commands to onError instead of rejecting unhandled", async () => {
    process.on("unhandledRejection", onUnhandled);
    const errors: Error[] = [];
    handle = createGatewayPubSub(`redis://127.0.0.1:${await deadPort()}`, (err) => errors.push(err));
    const iterator = handle.pubSub.subscribe("topic-a", "k")[Symbol.asyncIterator]();
    const next = iterator.next(); // registers the listener, which sends SUBSCRIBE
    handle.pubSub.publish("topic-a", "k", { n: 1 });

    // ioredis gives up on a command after maxRetriesPerRequest (3) reconnect attempts.
    const deadline = Date.now() + 10_000;
    while (!errors.some((e) => e.name === "MaxRetriesPerRequestError") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(errors.map((e) => e.name)).toContain("MaxRetriesPerRequestError");
    expect(unhandled).toEqual([]);
    void iterator.return?.();
    void next.catch(() => {});
  }, 15_000);
});
