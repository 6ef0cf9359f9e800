/**
 * CORS_ORIGINS over real HTTP: plain JSON POSTs to /graphql are served before
 * express (src/http/gateway.ts), everything else through it, and both must
 * answer browsers alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

const ALLOWED = "https://app.example.com";

describe("CORS for browser frontends", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("pglite", { CORS_ORIGINS: `${ALLOWED}, https://admin.example.com` });
  });
  afterAll(async () => t?.close());

  const post = (origin: string) =>
    fetch(t.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify({ query: "{ gatewayInfo { version } }" }) });

  it("answers a preflight from a listed origin", async () => {
    const res = await fetch(t.gateway.graphqlUrl, {
      method: "OPTIONS",
      headers: { origin: ALLOWED, "access-control-request-method": "POST", "access-control-request-headers": "content-type, cache-control" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type, cache-control");
  });

  it("lets a listed origin read a POST's answer and the x-cache / x-request-id headers", async () => {
    const res = await post(ALLOWED);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-expose-headers")).toBe("x-request-id,x-cache");
    expect(res.headers.get("vary")).toContain("Origin");
    expect(((await res.json()) as { data: unknown }).data).toBeTruthy();
  });

  it("gives an unlisted origin no CORS headers (the browser then withholds the answer)", async () => {
    const res = await post("https://evil.example.net");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers alike on the express path (GET /graphql and other routes)", async () => {
    const get = await fetch(`${t.gateway.graphqlUrl}?query=${encodeURIComponent("{ gatewayInfo { version } }")}`, { headers: { origin: ALLOWED, accept: "application/json", "apollo-require-preflight": "true" } });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    const health = await fetch(`${t.gateway.url}/healthz`, { headers: { origin: ALLOWED } });
    expect(health.headers.get("access-control-allow-origin")).toBe(ALLOWED);
  });

  it("answers body errors on the plain path with CORS headers and a code", async () => {
    const res = await fetch(t.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", origin: ALLOWED }, body: "{nope" });
    expect(res.status).toBe(400);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("BAD_REQUEST");
  });
});
