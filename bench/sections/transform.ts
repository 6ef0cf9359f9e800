/**
 * Issue 4's transform rows: a rule-based transform (copy + expressions) of
 * 500,000 rows from one table to another beside the same mapping as one plain
 * `INSERT … SELECT`; an LLM transform through an OpenAI-compatible stub server
 * on 127.0.0.1 that answers every call after 200 ms, at the default
 * LLM_BATCH_SIZE / LLM_CONCURRENCY, beside the bound those imply
 * (batch × concurrency rows per 200 ms). Its tables are dropped afterwards.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../../src/config.js";
import { startGateway } from "../lib/processes.js";
import { nowMs } from "../lib/stats.js";
import type { BenchContext, BenchSection, ResultRow } from "../lib/types.js";

const SECTION = "transform";
const SRC = "bench_tx_people";
const DST = "bench_tx_profiles";
const LLM_DST = "bench_tx_labels";
const STUB_LATENCY_MS = 200;
const LABELS = ["positive", "neutral", "negative"];

/** An OpenAI-compatible chat-completions server that answers the transform's JSON format after a fixed delay. */
async function startStubLlm(latencyMs: number): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      calls++;
      const messages = (JSON.parse(body) as { messages: Array<{ role: string; content: string }> }).messages;
      // The last user message is {"records":[{"id":…, …inputs}]} (llm-mapper.ts); answer one label per id.
      const records = (JSON.parse(messages[messages.length - 1]!.content) as { records: Array<{ id: number; name?: string }> }).records;
      const content = JSON.stringify({ results: records.map((r) => ({ id: r.id, value: LABELS[(r.name?.length ?? 0) % 3] })) });
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: `stub-${calls}`,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: "stub",
            choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      }, latencyMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, calls: () => calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface JobState {
  id: string;
  status: string;
  accepted: number;
  rejected: number;
  error: string | null;
}

async function runTransform(url: string, input: Record<string, unknown>): Promise<JobState> {
  const JOB = "id status accepted rejected error";
  let { transform: job } = await gql<{ transform: JobState }>(url, `mutation($i: TransformInput!) { transform(input: $i) { ${JOB} } }`, { i: input });
  while (["QUEUED", "RUNNING"].includes(job.status)) {
    await new Promise((r) => setTimeout(r, 50));
    ({ job } = await gql<{ job: JobState }>(url, `query($id: ID!) { job(id: $id) { ${JOB} } }`, { id: job.id }));
  }
  return job;
}

const RULES = [
  { column: "id", from: "id" },
  { column: "display_name", expression: "upper(trim(name))" },
  { column: "email_domain", expression: 'regex_extract(email, "@(.+)$")' },
  { column: "tier", expression: 'case(segment == "ENTERPRISE", "gold", segment == "SMB", "silver", "bronze")' },
  { column: "score", from: "score" },
];

export const transform: BenchSection = {
  name: SECTION,
  description: "rule-based transform of 500k rows vs INSERT … SELECT; LLM transform with a 200 ms stub model vs the batch × concurrency bound",
  async run(ctx: BenchContext) {
    const rows: ResultRow[] = [];
    const n = ctx.quick ? 50_000 : 500_000;
    const llmRows = ctx.quick ? 2_000 : 10_000;
    const defaults = loadConfig({}).transform;
    const drop = () => ctx.pg.query(`DROP TABLE IF EXISTS ${SRC}, ${DST}, ${LLM_DST}`);
    await drop();
    ctx.log(`  creating ${SRC} with ${n} rows`);
    await ctx.pg.query(`CREATE TABLE ${SRC} (id integer PRIMARY KEY, name text NOT NULL, email text NOT NULL, segment text NOT NULL, score numeric(10,2))`);
    await ctx.pg.query(
      `INSERT INTO ${SRC} SELECT i, '  person ' || i || ' ', 'p' || i || '@' || (ARRAY['example.com','mail.org','shop.net'])[1 + i % 3],
         (ARRAY['CONSUMER','SMB','ENTERPRISE'])[1 + i % 3], (i % 100000) / 100.0 FROM generate_series(1, $1) AS i`,
      [n],
    );
    await ctx.pg.query(`CREATE TABLE ${DST} (id integer PRIMARY KEY, display_name text NOT NULL, email_domain text, tier text, score numeric(10,2))`);
    await ctx.pg.query(`CREATE TABLE ${LLM_DST} (id integer PRIMARY KEY, label text)`);
    await ctx.pg.query(`ANALYZE ${SRC}`);
    const stub = await startStubLlm(STUB_LATENCY_MS);
    // Its own gateway (started after the tables exist) with the stub as its chat model, configured as any OpenAI-compatible server.
    const gw = await startGateway(ctx.databaseUrl, ctx.redisUrl, { LLM_PROVIDER: "openai", LLM_BASE_URL: stub.url, LLM_API_KEY: "x", LLM_MODEL: "stub" });
    try {
      ctx.log("  the same mapping as one INSERT … SELECT through plain pg");
      const b0 = nowMs();
      await ctx.pg.query(
        `INSERT INTO ${DST} SELECT id, upper(btrim(name)), substring(email from '@(.+)$'),
           CASE segment WHEN 'ENTERPRISE' THEN 'gold' WHEN 'SMB' THEN 'silver' ELSE 'bronze' END, score FROM ${SRC} ORDER BY id`,
      );
      const baseRate = n / ((nowMs() - b0) / 1000);
      await ctx.pg.query(`TRUNCATE ${DST}`);

      ctx.log(`  Mutation.transform of ${n} rows (copy + expressions)`);
      const t0 = nowMs();
      const job = await runTransform(gw.url, { source: { table: SRC }, target: { table: DST }, rules: RULES });
      const rate = n / ((nowMs() - t0) / 1000);
      if (job.status !== "SUCCEEDED" || job.accepted !== n) throw new Error(`rule-based transform ended ${job.status} with ${job.accepted} accepted, ${job.rejected} rejected: ${job.error}`);
      const check = await ctx.pg.query(`SELECT count(*)::int AS n FROM ${DST} WHERE display_name = upper(btrim('  person ' || id || ' '))`);
      if (check.rows[0].n !== n) throw new Error(`rule-based transform wrote ${check.rows[0].n} correct rows of ${n}`);
      rows.push({ section: SECTION, metric: `rule-based transform, ${n.toLocaleString("en")} rows (1 copy + 3 expressions + 1 copy), submit to SUCCEEDED`, value: rate, unit: "rows/s", baseline: { label: "the same mapping as one INSERT … SELECT", value: baseRate }, target: "≥ 50k rows/s" });

      ctx.log(`  LLM transform of ${llmRows} rows, stub model ${STUB_LATENCY_MS} ms per call`);
      const callsBefore = stub.calls();
      const l0 = nowMs();
      const llmJob = await runTransform(gw.url, {
        source: { table: SRC, filter: [{ column: "id", op: "LTE", value: llmRows }] },
        target: { table: LLM_DST },
        rules: [
          { column: "id", from: "id" },
          { column: "label", llm: { instruction: "Guess the sentiment of this person's name", inputs: ["name", "email"], outputEnum: LABELS } },
        ],
      });
      const llmSeconds = (nowMs() - l0) / 1000;
      const calls = stub.calls() - callsBefore;
      if (llmJob.status !== "SUCCEEDED" || llmJob.accepted !== llmRows) throw new Error(`LLM transform ended ${llmJob.status} with ${llmJob.accepted} accepted, ${llmJob.rejected} rejected: ${llmJob.error}`);
      const bound = (defaults.llmBatchSize * defaults.llmConcurrency) / (STUB_LATENCY_MS / 1000);
      rows.push({
        section: SECTION,
        metric: `LLM transform, ${llmRows.toLocaleString("en")} distinct rows, stub model ${STUB_LATENCY_MS} ms/call (LLM_BATCH_SIZE ${defaults.llmBatchSize}, LLM_CONCURRENCY ${defaults.llmConcurrency})`,
        value: llmRows / llmSeconds,
        unit: "rows/s",
        baseline: { label: `bound: ${defaults.llmBatchSize} × ${defaults.llmConcurrency} rows per ${STUB_LATENCY_MS} ms`, value: bound },
        target: "≥ 1,500 rows/s",
        note: `${calls} model calls`,
      });
    } finally {
      await gw.stop();
      await stub.close();
      ctx.log("  dropping the transform tables");
      await drop();
    }
    return rows;
  },
};
