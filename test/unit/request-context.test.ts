/** The per-request context: its logger is made on first use, also on Apollo's per-request copy of it. */
import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { RequestContext } from "../../src/context.js";
import type { Services } from "../../src/app.js";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const out = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { lines, log: pino({ level: "info" }, out) };
}

describe("RequestContext", () => {
  it("makes no child logger until something logs, even when copied as Apollo copies contexts", () => {
    const { log } = capture();
    let children = 0;
    const counting = Object.assign(Object.create(log), { child: (b: Record<string, unknown>) => (children++, log.child(b)) });
    const ctx = new RequestContext({} as Services, { scope: "public" }, "req-1", counting);
    // Apollo Server's cloneObject: Object.assign(Object.create(Object.getPrototypeOf(ctx)), ctx).
    const copy = Object.assign(Object.create(Object.getPrototypeOf(ctx) as object), ctx) as RequestContext;
    expect(children).toBe(0);
    expect(copy.requestId).toBe("req-1");
    copy.log.info("hello");
    copy.log.info("again");
    expect(children).toBe(1);
  });

  it("stamps every line with the request id", async () => {
    const { lines, log } = capture();
    const ctx = new RequestContext({} as Services, { scope: "public" }, "req-2", log);
    ctx.log.warn({ n: 1 }, "something");
    await new Promise((r) => setImmediate(r));
    expect(lines).toMatchObject([{ requestId: "req-2", n: 1, msg: "something" }]);
  });
});
