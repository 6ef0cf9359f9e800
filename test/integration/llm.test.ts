import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { pino } from "pino";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { createNlsqlService } from "../../src/services/nlsql/index.js";

/**
 * A tiny OpenAI-compatible chat-completions server on 127.0.0.1: each request
 * takes the next scripted reply (content, HTTP status, delay). The real
 * ChatOpenAI client of the gateway talks to it over HTTP.
 */
interface Scripted {
  content?: string;
  status?: number;
  delayMs?: number;
}
class StubLlmServer {
  readonly requests: Array<{ messages: Array<{ role: string; content: string }>; model: string }> = [];
  script: Scripted[] = [];
  private server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const parsed = JSON.parse(body || "{}");
      this.requests.push({ messages: parsed.messages ?? [], model: parsed.model });
      const step = this.script.shift() ?? { status: 500, content: "script exhausted" };
      const send = () => {
        if (res.destroyed) return;
        if (step.status && step.status !== 200) {
          res.writeHead(step.status, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: step.content ?? "failure", type: "server_error" } }));
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${this.requests.length}`,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: parsed.model,
            choices: [{ index: 0, message: { role: "assistant", content: step.content ?? "" }, finish_reason: "stop" }],
            usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
          }),
        );
      };
      if (step.delayMs) setTimeout(send, step.delayMs);
      else send();
    });
  });
  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

const reply = (sql: string | null, interpretation = "stub interpretation", reason?: string) => JSON.stringify({ sql, interpretation, ...(reason ? { reason } : {}) });
const ASK = `query($q: String!, $o: AskOptions) { ask(question: $q, options: $o) { queryId sql rows rowCount source interpretation tables } }`;
const LOG = `query($f: QueryLogFilterInput) { queryLog(filter: $f, first: 1) { nodes { queryId source status errorCode llmCalls llmPromptTokens llmCompletionTokens llmMs } } }`;

async function seed(t: TestGateway) {
  const db = t.app.services.db;
  await db.query(`INSERT INTO customers (email, name, country, city, segment) VALUES ('a@x.test', 'Ada', 'DE', 'Berlin', 'SMB'), ('b@x.test', 'Bob', 'US', 'Boston', 'CONSUMER')`);
  await db.query(`INSERT INTO categories (name) VALUES ('Books')`);
}
const count = async (t: TestGateway, table: string) => (await t.app.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

describe.each(backendNames())("LLM path through ChatOpenAI and a stub server on %s", (backend) => {
  const llm = new StubLlmServer();
  let t: TestGateway;
  beforeAll(async () => {
    const url = await llm.start();
    t = await startTestGateway(backend, {
      LLM_PROVIDER: "openai", LLM_BASE_URL: url, LLM_MODEL: "stub-model", LLM_TIMEOUT_MS: "1500", LLM_MAX_RETRIES: "1", NLSQL_STRATEGY: "memory,llm",
    }, { demoTables: true });
    await seed(t);
  });
  afterAll(async () => {
    await t?.close();
    await llm.close();
  });
  beforeEach(() => {
    llm.requests.length = 0;
    llm.script = [];
  });

  it("answers with the model's SQL, after the guard, and accounts tokens in the log", async () => {
    llm.script = [{ content: reply("SELECT count(*) AS n FROM customers", "Counts the customers.") }];
    const { ask } = await t.gql(ASK, { q: "how many clients do we have" });
    expect(ask).toMatchObject({ source: "LLM", rows: [{ n: 2 }], interpretation: "Counts the customers.", tables: ["customers"] });
    expect(ask.sql).toBe(`SELECT count(*) AS n FROM "public".customers\nLIMIT 1000`);
    expect(llm.requests).toHaveLength(1);
    expect(llm.requests[0]!.model).toBe("stub-model");
    const system = llm.requests[0]!.messages[0]!.content;
    // Only the relevant part of the catalog: customers (matched by its synonym "clients") and the tables pointing at it.
    expect(system).toContain("TABLE public.customers (also: users, clients");
    expect(system).toContain("TABLE public.orders");
    expect(system).not.toContain("TABLE public.categories");
    expect(system).toContain("values e.g. DE|US");
    expect(llm.requests[0]!.messages[1]!.content).toBe(`Question: "how many clients do we have"`);
    const log = (await t.gql(LOG, { f: { source: "LLM" } })).queryLog.nodes[0];
    expect(log).toMatchObject({ queryId: ask.queryId, status: "OK", llmCalls: 1, llmPromptTokens: 120, llmCompletionTokens: 30 });
    expect(log.llmMs).toBeGreaterThanOrEqual(0);
  });

  it("puts the most similar verified examples in the prompt", async () => {
    llm.script = [{ content: reply(null, "?", "no") }];
    const err = await t.gqlError(ASK, { q: "customers in germany" });
    await t.gql(`mutation($id: ID!) { rateAnswer(queryId: $id, correct: false, correctedSql: "SELECT name FROM customers WHERE country = 'DE'") { learned } }`, { id: err.extensions?.queryId });
    llm.script = [{ content: reply("SELECT name FROM customers WHERE country = 'US'") }];
    const { ask } = await t.gql(ASK, { q: "customers in the united states" });
    expect(ask.rows).toEqual([{ name: "Bob" }]);
    expect(llm.requests.at(-1)!.messages[0]!.content).toContain(`Verified examples:\nQ: customers in germany\nSQL: SELECT name FROM customers WHERE country = 'DE'`);
  });

  it("waits for a slow reply within LLM_TIMEOUT_MS", async () => {
    llm.script = [{ delayMs: 150, content: reply("SELECT count(*) AS n FROM categories") }];
    expect((await t.gql(ASK, { q: "number of departments" })).ask.rows).toEqual([{ n: 1 }]);
  });

  it("corrects a malformed reply in one more round", async () => {
    llm.script = [{ content: "Sure! Here is your query: SELECT * FROM customers" }, { content: "```json\n" + reply("SELECT name FROM customers ORDER BY name") + "\n```" }];
    const { ask } = await t.gql(ASK, { q: "names of the clients" });
    expect(ask.rows).toEqual([{ name: "Ada" }, { name: "Bob" }]);
    expect(llm.requests).toHaveLength(2);
    expect(llm.requests[1]!.messages.at(-1)!.content).toMatch(/^Your reply was not the JSON object asked for \(no JSON object found\)/);
  });

  it("corrects SQL the guard rejects, and SQL the database rejects", async () => {
    llm.script = [{ content: reply("DELETE FROM customers") }, { content: reply("SELECT email FROM customers ORDER BY email") }];
    expect((await t.gql(ASK, { q: "remove all clients" })).ask.rows).toEqual([{ email: "a@x.test" }, { email: "b@x.test" }]);
    expect(llm.requests[1]!.messages.at(-1)!.content).toMatch(/^That SQL was rejected \(select_only\): Only a plain SELECT may run; got DELETE\./);

    llm.script = [{ content: reply("SELECT mail FROM customers") }, { content: reply("SELECT city FROM customers ORDER BY city") }];
    expect((await t.gql(ASK, { q: "client cities" })).ask.rows).toEqual([{ city: "Berlin" }, { city: "Boston" }]);
    expect(llm.requests.at(-1)!.messages.at(-1)!.content).toMatch(/rejected \(database\): The database rejected the SQL while checking it: column "mail" does not exist/);
    expect(await count(t, "customers")).toBe(2);
  });

  it("gives SQL_REJECTED when the correction is rejected too", async () => {
    llm.script = [{ content: reply("SELECT pg_sleep(100)") }, { content: reply("SELECT * FROM pg_catalog.pg_authid") }];
    const err = await t.gqlError(ASK, { q: "sleep please" });
    expect(err.extensions).toMatchObject({ code: "SQL_REJECTED", rule: "table_not_allowed" });
    const log = (await t.gql(LOG, { f: { errorCode: "SQL_REJECTED" } })).queryLog.nodes[0];
    expect(log.llmCalls).toBe(2);
  });

  it("retries a failed call with backoff", async () => {
    llm.script = [{ status: 500, content: "overloaded" }, { content: reply("SELECT count(*) AS n FROM customers") }];
    expect((await t.gql(ASK, { q: "client count" })).ask.rows).toEqual([{ n: 2 }]);
    expect(llm.requests).toHaveLength(2);
  });

  it("gives LLM_UNAVAILABLE when the model times out on every attempt", async () => {
    llm.script = [{ delayMs: 6000, content: reply("SELECT 1") }, { delayMs: 6000, content: reply("SELECT 1") }];
    const err = await t.gqlError(ASK, { q: "client emails" });
    expect(err.extensions?.code).toBe("LLM_UNAVAILABLE");
    expect(err.message).toBe("The language model did not answer: no reply within 1500 ms (LLM_TIMEOUT_MS) after 2 attempt(s). Try again later, or ask in simpler terms for the offline translator.");
    expect(llm.requests).toHaveLength(2);
  });

  it("says NOT_UNDERSTOOD with the model's reason when it cannot answer", async () => {
    llm.script = [{ content: reply(null, "Weather is not in these tables.", "there is no weather data") }];
    const err = await t.gqlError(ASK, { q: "what is the weather in Berlin" });
    expect(err.extensions?.code).toBe("NOT_UNDERSTOOD");
    expect(err.message).toMatch(/\(there is no weather data\)/);
  });
});

describe.each(backendNames())("adversarial model outputs (LangChain fake chat model) on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, {}, { demoTables: true });
    await seed(t);
  });
  afterAll(async () => t?.close());

  const hostile: Array<[string, string]> = [
    ["DELETE FROM customers", "select_only"],
    ["SELECT 1; DELETE FROM customers", "single_statement"],
    ["SELECT pg_sleep(100)", "function_not_allowed"],
    ["SELECT * FROM pg_catalog.pg_shadow", "table_not_allowed"],
    ["COPY customers TO STDOUT", "select_only"],
    ["SELECT name FROM customers /* harmless */; -- hidden\nDROP TABLE customers", "single_statement"],
    ["SELECT * FROM query_log", "table_not_allowed"],
    ["WITH x AS (DELETE FROM customers RETURNING *) SELECT * FROM x", "no_writable_cte"],
    ["SELECT * INTO stolen FROM customers", "no_into"],
    ["SELECT set_config('default_transaction_read_only', 'off', false)", "function_not_allowed"],
  ];

  it.each(hostile)("never runs %s", async (sql, rule) => {
    const model = new FakeListChatModel({ responses: [reply(sql), reply(sql)] });
    const nl = await createNlsqlService({
      config: { ...t.config, nl: { ...t.config.nl, strategy: ["llm"] } },
      log: pino({ level: "silent" }),
      db: t.app.services.db,
      catalog: t.app.services.catalog,
      chatModel: model,
    });
    try {
      const err = await nl.service.ask("do something harmless", {}, "public").then(() => null, (e) => e);
      expect(err?.extensions?.code).toBe("SQL_REJECTED");
      expect(err?.extensions?.rule).toBe(rule);
    } finally {
      await nl.close();
    }
    expect(await count(t, "customers")).toBe(2);
    expect((await t.app.services.db.query(`SELECT to_regclass('public.stolen')::text AS t`)).rows[0]).toEqual({ t: null });
  });

  it("never runs a raw statement returned instead of JSON", async () => {
    const model = new FakeListChatModel({ responses: ["DROP TABLE customers", "TRUNCATE customers"] });
    const nl = await createNlsqlService({ config: { ...t.config, nl: { ...t.config.nl, strategy: ["llm"] } }, log: pino({ level: "silent" }), db: t.app.services.db, catalog: t.app.services.catalog, chatModel: model });
    const err = await nl.service.ask("drop it", {}, "public").then(() => null, (e) => e);
    await nl.close();
    expect(err?.extensions?.code).toBe("SQL_REJECTED");
    expect(err?.message).toMatch(/The language model's reply was not valid: no JSON object found/);
    expect(await count(t, "customers")).toBe(2);
  });
});
