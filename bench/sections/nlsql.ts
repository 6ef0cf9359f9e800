/**
 * Issue 3's benchmark: offline NL→SQL accuracy on the development set (and
 * the clinic generality set, the held-out shop set and the library schema set)
 * graded by executing gold and translated SQL;
 * offline translate + guard latency in-process; and `ask` latency over HTTP
 * by source (memory hit, offline translation, cached answer, LLM through a
 * stub OpenAI-compatible server with a fixed 300 ms delay), each beside the
 * plain-pg time of the same SQL.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { pino } from "pino";
import { Database } from "../../src/services/db/index.js";
import type { Catalog } from "../../src/services/catalog/types.js";
import { guardSql, loadGuard } from "../../src/services/nlsql/guard.js";
import { translateOffline } from "../../src/services/nlsql/offline/index.js";
import { DEMO_NOW, seedDemoShop } from "../../test/helpers/demo-seed.js";
import { buildCatalog, runScript } from "../../test/helpers/nlsql-catalog.js";
import { gradeAll, loadCases, type DevCase, type Runner, type Summary } from "../../test/helpers/nlsql-eval.js";
import { HttpDriver } from "../lib/http.js";
import { repoRoot, startGateway, type ServerHandle } from "../lib/processes.js";
import { nowMs, summarize, timeSequential, type LatencySummary } from "../lib/stats.js";
import type { BenchContext, BenchSection, ResultRow } from "../lib/types.js";

const SECTION = "nlsql";
const LLM_DELAY_MS = 300;
const MAX_ROWS = 100;

const ASK = /* GraphQL */ `query Ask($q: String!, $o: AskOptions) {
  ask(question: $q, options: $o) { queryId sql source cached rowCount rows timings { totalMs } }
}`;
const RATE = /* GraphQL */ `mutation Rate($id: ID!) { rateAnswer(queryId: $id, correct: true) { learned } }`;

interface AskResult {
  queryId: string;
  sql: string;
  source: "MEMORY" | "OFFLINE" | "LLM";
  cached: boolean;
  rowCount: number | null;
  timings: { totalMs: number };
}

const pct = (x: number) => Math.round(x * 1000) / 10;

/** A fresh database next to the bench one, holding the small deterministic demo shop the dev set's gold SQL was written for. */
async function freshAccuracyDatabase(benchUrl: string): Promise<string> {
  const u = new URL(benchUrl);
  const name = `${decodeURIComponent(u.pathname.slice(1))}_nlsql`;
  const adminUrl = new URL(benchUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  u.pathname = `/${name}`;
  return u.toString();
}

function accuracyRows(set: string, s: Summary, extraNote = ""): ResultRow[] {
  const answeredAnswerable = s.answered - (s.refusalsExpected - s.refusalsCorrect);
  const refusals = s.refusalsExpected ? `; ${s.refusalsCorrect}/${s.refusalsExpected} out-of-scope questions refused` : "";
  return [
    { section: SECTION, metric: `${set}: coverage (answered)`, value: pct(s.coverage), unit: "%", target: "≥ 90 %", note: `${answeredAnswerable}/${s.answerable} answered${refusals}${extraNote}` },
    { section: SECTION, metric: `${set}: precision (correct among answered)`, value: pct(s.precision), unit: "%", target: "≥ 98 %", note: `${s.correct}/${s.answered} correct` },
    { section: SECTION, metric: `${set}: execution accuracy`, value: pct(s.executionAccuracy), unit: "%", note: `${s.correct}/${s.total} correct (results of gold and translated SQL compared)` },
  ];
}

/** In-process offline translation (and guard) over every dev question, `rounds` times. */
function translateLatency(catalog: Catalog, cases: DevCase[], rounds: number, withGuard: boolean): number[] {
  const policy = { tables: catalog.tables.map((t) => ({ schema: t.schema, name: t.name })), searchPath: [...new Set(catalog.tables.map((t) => t.schema))], maxRows: 1000 };
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const c of cases) {
      const t0 = nowMs();
      const tr = translateOffline(c.question, catalog, { now: DEMO_NOW, defaultLimit: 100 });
      if (withGuard && tr.kind === "sql") guardSql(tr.sql, policy);
      times.push(nowMs() - t0);
    }
  return times;
}

async function accuracyAndTranslate(ctx: BenchContext, dev: DevCase[]): Promise<{ rows: ResultRow[]; correct: Set<string> }> {
  const url = await freshAccuracyDatabase(ctx.databaseUrl);
  const db = new Database({ url, dataDir: "memory://", poolSize: 2, log: pino({ level: "warn" }) });
  const rows: ResultRow[] = [];
  try {
    await db.migrate();
    await seedDemoShop(db);
    await loadGuard();
    const ro: Runner = { query: (sql) => db.transaction((tx) => tx.query(sql), { readOnly: true }) };
    const shop = await buildCatalog(db, ["public"]);
    const devSummary = await gradeAll(ro, shop, dev, DEMO_NOW, 1000);
    for (const f of devSummary.failures) ctx.log(`  dev [${f.status}] ${f.question}: ${f.detail ?? ""}`);
    rows.push(...accuracyRows("dev set", devSummary));

    // Cold: the first translation after a catalog change builds the schema index.
    const fresh = { ...shop, version: `${shop.version}-cold` };
    const c0 = nowMs();
    translateOffline(dev[0]!.question, fresh, { now: DEMO_NOW, defaultLimit: 100 });
    const cold = nowMs() - c0;
    translateLatency(shop, dev, 2, true); // warm-up (JIT, guard WASM)
    const rounds = ctx.quick ? 2 : 20;
    const tr = summarize(translateLatency(shop, dev, rounds, false));
    const tg = summarize(translateLatency(shop, dev, rounds, true));
    const n = `${dev.length} dev questions × ${rounds}, in-process`;
    rows.push(
      { section: SECTION, metric: "offline translate + guard, p50", value: tg.p50, unit: "ms", baseline: { label: "translate alone", value: tr.p50 }, target: "≤ 15 ms", note: n },
      { section: SECTION, metric: "offline translate + guard, p95", value: tg.p95, unit: "ms", baseline: { label: "translate alone", value: tr.p95 }, note: n },
      { section: SECTION, metric: "first translation after a catalog change (index build)", value: cold, unit: "ms", note: "one sample" },
    );

    // The generality set: another schema the translator was not written against.
    await runScript(db, fs.readFileSync(path.join(repoRoot, "test/fixtures/clinic-schema.sql"), "utf8"));
    const clinic = await buildCatalog(db, ["clinic"]);
    const gen = await gradeAll(ro, clinic, loadCases(path.join(repoRoot, "test/fixtures/nlsql-generality.jsonl")), DEMO_NOW, 1000);
    for (const f of gen.failures) ctx.log(`  generality [${f.status}] ${f.question}: ${f.detail ?? ""}`);
    rows.push(...accuracyRows("generality set (clinic)", gen).map((r) => ({ ...r, target: undefined })));

    // Held-out sets, written before the translator was tuned on them (with must-refuse questions).
    const holdout = await gradeAll(ro, shop, loadCases(path.join(repoRoot, "test/fixtures/nlsql-holdout.jsonl")), DEMO_NOW, 1000);
    for (const f of holdout.failures) ctx.log(`  holdout [${f.status}] ${f.question}: ${f.detail ?? ""}`);
    rows.push(...accuracyRows("held-out shop set", holdout).map((r) => ({ ...r, target: undefined })));
    const holdout2 = await gradeAll(ro, shop, loadCases(path.join(repoRoot, "test/fixtures/nlsql-holdout2.jsonl")), DEMO_NOW, 1000);
    for (const f of holdout2.failures) ctx.log(`  holdout2 [${f.status}] ${f.question}: ${f.detail ?? ""}`);
    rows.push(...accuracyRows("second held-out shop set", holdout2).map((r) => ({ ...r, target: undefined })));
    await runScript(db, fs.readFileSync(path.join(repoRoot, "test/fixtures/library-schema.sql"), "utf8"));
    const library = await buildCatalog(db, ["library"]);
    const lib = await gradeAll(ro, library, loadCases(path.join(repoRoot, "test/fixtures/nlsql-library.jsonl")), DEMO_NOW, 1000);
    for (const f of lib.failures) ctx.log(`  library [${f.status}] ${f.question}: ${f.detail ?? ""}`);
    rows.push(...accuracyRows("library schema set", lib).map((r) => ({ ...r, target: undefined })));
    return { rows, correct: new Set(devSummary.results.filter((r) => r.status === "correct").map((r) => r.question)) };
  } finally {
    await db.close();
  }
}

/**
 * A tiny OpenAI-compatible chat-completions server on 127.0.0.1 that answers
 * every question with its gold SQL after a fixed delay.
 */
async function startStubLlm(goldByQuestion: Map<string, string>, delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const parsed = JSON.parse(body || "{}") as { model?: string; messages?: Array<{ role: string; content: string }> };
      const first = parsed.messages?.find((m) => m.role === "user")?.content;
      const text = typeof first === "string" ? first : JSON.stringify(first ?? "");
      let question = "";
      try {
        question = JSON.parse(text.replace(/^Question: /, "")) as string;
      } catch {
        /* not the translator's prompt */
      }
      const sql = goldByQuestion.get(question) ?? null;
      const content = JSON.stringify(sql ? { sql, interpretation: "stub" } : { sql: null, interpretation: "stub", reason: `not in the stub's list: ${text.slice(0, 200)}` });
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: "chatcmpl-bench",
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: parsed.model ?? "stub",
            choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
            usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
          }),
        );
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function ask(http: HttpDriver, q: string, noCache: boolean): Promise<AskResult> {
  return (await http.graphql<{ ask: AskResult }>("/graphql", ASK, { q, o: { maxRows: MAX_ROWS, noCache } })).data.ask;
}

/**
 * Cycles through `questions`, checking every answer came from the expected
 * source; also returns the service's own totalMs p50 (before the deferred query_log
 * insert, without HTTP and GraphQL), to show where the time goes.
 */
async function timeAsks(http: HttpDriver, questions: string[], iterations: number, opts: { noCache: boolean; source: AskResult["source"] | null; cached: boolean }): Promise<LatencySummary & { serviceP50: number }> {
  const service: number[] = [];
  const s = summarize(
    await timeSequential(async (i) => {
      const q = questions[i % questions.length]!;
      const a = await ask(http, q, opts.noCache);
      service.push(a.timings.totalMs);
      if ((opts.source && a.source !== opts.source) || a.cached !== opts.cached) throw new Error(`"${q}" was answered by ${a.source}${a.cached ? " (cached)" : ""}; expected ${opts.source ?? "any source"}${opts.cached ? " (cached)" : ""}`);
    }, iterations),
  );
  return { ...s, serviceP50: summarize(service).p50 };
}

/** Plain pg running the same SQL the gateway ran (cycling like the asks do). */
async function timePg(ctx: BenchContext, sqls: string[], iterations: number): Promise<LatencySummary> {
  return summarize(await timeSequential((i) => ctx.pg.query(sqls[i % sqls.length]!), iterations));
}

function latencyRows(label: string, s: LatencySummary & { serviceP50: number }, base: LatencySummary, baseLabel: string, note: string, target?: string): ResultRow[] {
  note = `${note}; the service's own totalMs p50 ${s.serviceP50.toFixed(2)} ms`;
  return [
    { section: SECTION, metric: `ask over HTTP, ${label}, p50`, value: s.p50, unit: "ms", baseline: { label: baseLabel, value: base.p50 }, target, note },
    { section: SECTION, metric: `ask over HTTP, ${label}, p95`, value: s.p95, unit: "ms", baseline: { label: baseLabel, value: base.p95 }, note },
  ];
}

async function httpLatency(ctx: BenchContext, dev: DevCase[], correct: Set<string>): Promise<ResultRow[]> {
  const gw = await ctx.gateway();
  const client = new HttpDriver(gw.url);
  const rows: ResultRow[] = [];
  const iters = ctx.quick ? 20 : 200;
  const perSet = ctx.quick ? 6 : 12;
  try {
    // Questions the offline translator gets right on the dev set, split into a taught half (memory) and an untaught half (offline).
    const candidates = dev.filter((c) => correct.has(c.question));
    const memoryQs: string[] = [];
    const memorySql: string[] = [];
    for (const c of candidates.filter((_, i) => i % 2 === 0)) {
      if (memoryQs.length >= perSet) break;
      const probe = await ask(client, c.question, true).catch(() => null); // not understood on the bench data: skip
      if (!probe) continue;
      if (probe.source !== "MEMORY") await client.graphql("/graphql", RATE, { id: probe.queryId });
      const again = await ask(client, c.question, true);
      if (again.source !== "MEMORY") throw new Error(`"${c.question}" was taught with rateAnswer but answered by ${again.source}`);
      memoryQs.push(c.question);
      memorySql.push(again.sql);
    }
    const offlineQs: string[] = [];
    const offlineSql: string[] = [];
    for (const c of candidates.filter((_, i) => i % 2 === 1)) {
      if (offlineQs.length >= perSet) break;
      const probe = await ask(client, c.question, true).catch(() => null);
      if (probe?.source !== "OFFLINE") continue; // refused on the bench data, or close enough to a taught question to hit memory
      offlineQs.push(c.question);
      offlineSql.push(probe.sql);
    }
    ctx.log(`ask over HTTP: ${memoryQs.length} taught questions, ${offlineQs.length} offline questions, ${iters} asks each`);
    const pgMemory = await timePg(ctx, memorySql, iters);
    const memory = await timeAsks(client, memoryQs, iters, { noCache: true, source: "MEMORY", cached: false });
    rows.push(...latencyRows("memory hit (noCache)", memory, pgMemory, "plain pg, same SQL", `${memoryQs.length} questions taught with rateAnswer, maxRows ${MAX_ROWS}`));
    const pgOffline = await timePg(ctx, offlineSql, iters);
    const offline = await timeAsks(client, offlineQs, iters, { noCache: true, source: "OFFLINE", cached: false });
    rows.push(...latencyRows("offline translation (noCache)", offline, pgOffline, "plain pg, same SQL", `${offlineQs.length} dev questions, maxRows ${MAX_ROWS}`));

    const all = [...memoryQs, ...offlineQs];
    for (const q of all) await ask(client, q, false); // fill the answer cache
    const cached = await timeAsks(client, all, iters, { noCache: false, source: null, cached: true });
    const pgAll = await timePg(ctx, [...memorySql, ...offlineSql], iters);
    rows.push(...latencyRows("cached answer", cached, pgAll, "plain pg, same SQL", `the ${all.length} questions above asked again; ${ctx.redisUrl ? "Redis" : "in-memory"} cache; query_log written behind the answer`, "≤ 2 ms"));
    // Where a cached answer's time goes: the same asks without the rows in the response.
    const ASK_NO_ROWS = `query Ask($q: String!, $o: AskOptions) { ask(question: $q, options: $o) { queryId cached } }`;
    const noRows = summarize(
      await timeSequential(async (i) => {
        const r = await client.graphql<{ ask: { cached: boolean } }>("/graphql", ASK_NO_ROWS, { q: all[i % all.length], o: { maxRows: MAX_ROWS, noCache: false } });
        if (!r.data.ask.cached) throw new Error(`"${all[i % all.length]}" was not answered from the cache`);
      }, iters),
    );
    rows.push({ section: SECTION, metric: "ask over HTTP, cached answer without `rows` selected, p50", value: noRows.p50, unit: "ms", baseline: { label: "with rows", value: cached.p50 }, note: "diagnostic: the rest is GraphQL, HTTP and plugins" });
    const floor = summarize(await timeSequential(() => client.graphql("/graphql", "{ __typename }"), iters));
    rows.push({ section: SECTION, metric: "GraphQL round trip `{ __typename }`, p50 (floor)", value: floor.p50, unit: "ms", note: "the same gateway and client, no resolver work" });

    try {
      rows.push(...(await llmLatency(ctx, dev.filter((c) => offlineQs.includes(c.question)))));
    } catch (err) {
      ctx.log(`LLM path failed: ${(err as Error).stack ?? err}`);
      rows.push({ section: SECTION, metric: "ask over HTTP, LLM (stub model), p50", value: Number.NaN, unit: "ms", target: "overhead ≤ 25 ms", note: `not run: ${(err as Error).message.slice(0, 300)}` });
    }
  } finally {
    client.close();
  }
  return rows;
}

async function llmLatency(ctx: BenchContext, cases: DevCase[]): Promise<ResultRow[]> {
  const stub = await startStubLlm(new Map(cases.filter((c) => c.gold).map((c) => [c.question, c.gold!])), LLM_DELAY_MS);
  let gw: ServerHandle | null = null;
  let client: HttpDriver | null = null;
  try {
    gw = await startGateway(ctx.databaseUrl, ctx.redisUrl, { LLM_PROVIDER: "openai", LLM_BASE_URL: stub.url, LLM_API_KEY: "x", LLM_MODEL: "stub-model", NLSQL_STRATEGY: "llm" });
    client = new HttpDriver(gw.url);
    const qs = cases.map((c) => c.question);
    const sqls: string[] = [];
    for (const q of qs) sqls.push((await ask(client, q, true)).sql);
    const iters = ctx.quick ? 10 : 100;
    const stubAlone = summarize(
      await timeSequential(async () => {
        const res = await fetch(`${stub.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "stub", messages: [{ role: "user", content: `Question: "${qs[0]}"` }] }) });
        await res.text();
      }, ctx.quick ? 5 : 20),
    );
    const llm = await timeAsks(client, qs, iters, { noCache: true, source: "LLM", cached: false });
    const pgSame = await timePg(ctx, sqls, iters);
    const note = `stub OpenAI-compatible server on 127.0.0.1 answering the gold SQL after ${LLM_DELAY_MS} ms (its round trip alone: p50 ${stubAlone.p50.toFixed(1)} ms); ${qs.length} questions, noCache; NLSQL_STRATEGY=llm; the service's own totalMs p50 ${llm.serviceP50.toFixed(1)} ms`;
    return [
      { section: SECTION, metric: "ask over HTTP, LLM (stub model), p50", value: llm.p50, unit: "ms", baseline: { label: "plain pg, same SQL", value: pgSame.p50 }, note },
      { section: SECTION, metric: "ask over HTTP, LLM (stub model), p95", value: llm.p95, unit: "ms", baseline: { label: "plain pg, same SQL", value: pgSame.p95 }, note },
      {
        section: SECTION,
        metric: `gateway overhead on the LLM path (p50 − ${LLM_DELAY_MS} ms)`,
        value: llm.p50 - LLM_DELAY_MS,
        unit: "ms",
        baseline: { label: "plain pg, same SQL", value: pgSame.p50 },
        target: "≤ 25 ms",
        note: "includes the prompt, the guard, EXPLAIN and running the SQL",
      },
    ];
  } finally {
    client?.close();
    await gw?.stop();
    await stub.close();
  }
}

export const nlsql: BenchSection = {
  name: SECTION,
  description: "NL→SQL: dev-set accuracy (coverage, precision, execution accuracy), offline translate+guard, ask over HTTP by source (memory, offline, cached, stub LLM)",
  async run(ctx) {
    const dev = loadCases(path.join(repoRoot, "test/fixtures/nlsql-dev.jsonl"));
    const { rows, correct } = await accuracyAndTranslate(ctx, dev);
    rows.push(...(await httpLatency(ctx, dev, correct)));
    return rows;
  },
};
