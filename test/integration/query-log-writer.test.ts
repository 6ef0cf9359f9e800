import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { QueryLogWriter, type QueryLogEntry } from "../../src/services/nlsql/query-log-writer.js";
import { createLogger } from "../../src/services/log.js";

const entry = (over: Partial<QueryLogEntry> = {}): QueryLogEntry => ({
  queryId: randomUUID(), question: "how many orders?", normalized: "how many orders", scope: "test", status: "OK", totalMs: 1, catalogVersion: "v", ...over,
});

describe.each(backendNames())("query_log written behind the answer (%s)", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, {}, { demoTables: true });
  });
  afterAll(async () => t?.close());

  it("writes a burst of entries in order and makes them visible on flush", async () => {
    const writer = new QueryLogWriter(t.app.services.db, createLogger("silent"), t.app.services.db.gateway.table("query_log"));
    const scope = `burst-${randomUUID()}`;
    const ids = Array.from({ length: 1_234 }, () => randomUUID());
    for (const queryId of ids) writer.write(entry({ queryId, scope }));
    await writer.flush();
    const rows = await t.app.services.db.prisma.queryLog.findMany({ where: { scope }, orderBy: { id: "asc" }, select: { queryId: true } });
    expect(rows.map((r) => r.queryId)).toEqual(ids);
    expect(writer.dropped).toBe(0);
  });

  it("stores every field as given, and the columns' defaults for fields left out", async () => {
    const writer = new QueryLogWriter(t.app.services.db, createLogger("silent"), t.app.services.db.gateway.table("query_log"));
    const scope = `fields-${randomUUID()}`;
    const full = entry({
      scope, question: `it's "quoted" \\ and ünïcode 🎉`, sql: "SELECT 1", interpretation: "one", source: "LLM", status: "ERROR", errorCode: "TIMEOUT",
      errorMessage: "line\nbreak", rowCount: 7, truncated: true, cached: true, tables: ["orders", "order_items"], translateMs: 0.125, executeMs: 12.5,
      totalMs: 13.75, llmCalls: 2, llmPromptTokens: 1_000, llmCompletionTokens: 50, llmMs: 300.5,
    });
    const bare = entry({ scope });
    writer.write(full);
    writer.write(bare);
    await writer.flush();
    const rows = await t.app.services.db.prisma.queryLog.findMany({ where: { scope }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    const { id: _a, createdAt, rating, correctedSql, ...stored } = rows[0]!;
    expect(stored).toEqual(full);
    expect({ rating, correctedSql }).toEqual({ rating: null, correctedSql: null });
    expect(createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(rows[1]).toMatchObject({ queryId: bare.queryId, truncated: false, cached: false, tables: [], llmCalls: 0, sql: null, rowCount: null, llmMs: null });
  });

  it("counts the lines of a failed INSERT as dropped and keeps writing the ones after", async () => {
    const writer = new QueryLogWriter(t.app.services.db, createLogger("silent"), t.app.services.db.gateway.table("query_log"));
    const scope = `dup-${randomUUID()}`;
    const taken = randomUUID();
    writer.write(entry({ queryId: taken, scope }));
    await writer.flush();
    writer.write(entry({ queryId: taken, scope })); // unique query_id: this INSERT fails
    await writer.flush();
    writer.write(entry({ scope }));
    await writer.flush();
    expect(writer.dropped).toBe(1);
    expect(await t.app.services.db.prisma.queryLog.count({ where: { scope } })).toBe(2);
  });

  it("lets a question be rated before its log line would otherwise have been written", async () => {
    const { nlsql } = t.app.services;
    const { queryId } = await nlsql.ask("how many orders are there?", { noCache: true }, "test");
    // Same tick as the answer: the log line is still queued, so rateAnswer must flush it first.
    const rated = await nlsql.rateAnswer(queryId, false, null);
    expect(rated).toMatchObject({ queryId, learned: false });
  });
});
