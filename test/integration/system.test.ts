import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { collect, startTestGateway, type TestGateway } from "../helpers/gateway.js";

describe.each(backendNames())("gateway basics on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend);
  });
  afterAll(async () => t?.close());

  it("reports which database it runs on", async () => {
    const data = await t.gql(`{ gatewayInfo { database pubSub version } }`);
    expect(data.gatewayInfo.database).toBe(backend);
    expect(data.gatewayInfo.pubSub).toBe(process.env.REDIS_URL && backend === "postgres" ? "redis" : "memory");
  });

  it("is healthy and ready once migrations are applied", async () => {
    expect((await fetch(`${t.gateway.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("streams heartbeats over graphql-ws", async () => {
    const events = await collect<{ heartbeat: { seq: number } }>(
      t.wsClient(),
      `subscription($n: Int) { heartbeat(intervalMs: 100, count: $n) { seq at uptimeSeconds } }`,
      { n: 3 },
      3,
    );
    expect(events.map((e) => e.data?.heartbeat.seq)).toEqual([1, 2, 3]);
  });

  it("answers a malformed JSON body with 400 and keeps serving", async () => {
    const res = await fetch(t.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(body.errors[0].message).toMatch(/not valid JSON/);
    await expect(t.gql(`{ gatewayInfo { version } }`)).resolves.toBeTruthy();
  });

  it("answers an oversized body with 413 naming the limit", async () => {
    const res = await fetch(t.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ gatewayInfo { version } }`, variables: { pad: "x".repeat(t.config.http.bodyLimitBytes + 10) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.errors[0].message).toMatch(/BODY_LIMIT_BYTES/);
  });

  it("refuses a body that grows past the limit while streaming (no Content-Length)", async () => {
    const limit = t.config.http.bodyLimitBytes;
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(`{"query":"{ gatewayInfo { version } }"`));
        if (sent > limit + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(t.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("PAYLOAD_TOO_LARGE");
    await expect(t.gql(`{ gatewayInfo { version } }`)).resolves.toBeTruthy();
  });

  it("takes a gzip-compressed JSON body", async () => {
    const body = gzipSync(JSON.stringify({ query: `{ gatewayInfo { version } n: __typename }` }));
    const res = await fetch(t.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip" }, body });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { n: string } }).data.n).toBe("Query");
  });

  it("answers a JSON scalar or a non-JSON content type with a 400 that says what to send", async () => {
    const scalar = await fetch(t.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: `"{ gatewayInfo { version } }"` });
    expect(scalar.status).toBe(400);
    const s = (await scalar.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(s.errors[0]!.extensions.code).toBe("BAD_REQUEST");
    expect(s.errors[0]!.message).toMatch(/expected an object or an array/);
    const text = await fetch(t.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "text/plain" }, body: `{ gatewayInfo { version } }` });
    expect(text.status).toBe(400);
    expect(await text.text()).toMatch(/content-type/i);
  });

  it("runs mutations and fragments through the compiled executor like graphql-js would", async () => {
    const data = await t.gql(`query { ...Info, again: gatewayInfo { v: version } } fragment Info on Query { gatewayInfo { version database } }`);
    expect(data.gatewayInfo.version).toBe(data.again.v);
    // A refused variable is reported as graphql-js words it, with BAD_USER_INPUT, and nothing runs.
    const err = await t.gqlError(`mutation($t: String!) { invalidateCache(table: $t) { tagsBumped } }`, { t: 42 });
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toMatch(/Variable "\$t" got invalid value 42; String cannot represent a non string value/);
  });

  it("rejects an out-of-range subscription argument with BAD_USER_INPUT", async () => {
    const events = await collect(t.wsClient(), `subscription { heartbeat(intervalMs: 5) { seq } }`, {}, 1).catch((e) => [{ errors: e }]);
    const first = events[0] as { errors?: unknown };
    expect(JSON.stringify(first.errors)).toMatch(/intervalMs must be between 100 and 60000/);
  });
});
