/**
 * The NL→SQL pipeline: validates a question, answers it from the cache, the
 * memory of verified examples, the offline translator or an LLM (in the
 * configured order), guards and runs the SQL read-only, logs every question
 * in query_log and learns verified examples from ratings.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Config } from "../../config.js";
import type { Logger } from "../log.js";
import type { Catalog, CatalogService } from "../catalog/index.js";
import { BadUserInputError, ErrorCode, GatewayError, NotFoundError } from "../errors.js";
import { guardSql, loadGuard, SqlRejectedError, type GuardPolicy, type GuardResult } from "./guard.js";
import { translateOffline, type OfflineRefusal } from "./offline/index.js";
import type { SqlExecutor } from "./executor.js";
import type { ExampleMemory } from "./memory.js";
import { answerCacheKey, type AnswerCache } from "./answer-cache.js";
import { normalizeQuestion } from "./normalize.js";
import type { LlmTranslator, LlmUsage } from "./llm-translator.js";
import type { QueryLogWriter } from "./query-log-writer.js";
import { queryLogList, type QueryLogEntryRow, type QueryLogFilter } from "./query-log.list.js";
import type { SqlRunner } from "../db/index.js";
import { keysetPage, type ConnectionShape, type PageArgs, type PageLimits } from "../paging/index.js";

export type { QueryLogFilter };

export type AnswerSource = "MEMORY" | "OFFLINE" | "LLM";

export interface AskOptions {
  maxRows?: number | null;
  explainOnly?: boolean | null;
  noCache?: boolean | null;
}

export interface Answer {
  queryId: string;
  question: string;
  interpretation: string;
  sql: string;
  columns: Array<{ name: string; type: string }>;
  /** Null when explainOnly. */
  rows: Array<Record<string, unknown>> | null;
  rowCount: number | null;
  truncated: boolean;
  cached: boolean;
  source: AnswerSource;
  tables: string[];
  timings: { translateMs: number; executeMs: number; totalMs: number };
}

export interface RatingResult {
  queryId: string;
  /** True when the rating produced (or refreshed) a verified example. */
  learned: boolean;
  /** True when a wrong memory answer was forgotten. */
  forgotten: boolean;
  exampleSql: string | null;
  message: string;
}

export interface NlsqlDeps {
  config: Config;
  log: Logger;
  prisma: PrismaClient;
  /** Raw SQL over the same pool (the query log's pages). */
  db: SqlRunner & { gateway: { table(name: string): string } };
  catalog: CatalogService;
  executor: SqlExecutor;
  memory: ExampleMemory;
  cache: AnswerCache;
  queryLog: QueryLogWriter;
  llm: LlmTranslator | null;
  /** Injected clock for relative dates in the offline translator (tests). */
  now?: () => Date;
}

interface Translated {
  source: AnswerSource;
  sql: string;
  interpretation: string;
  guarded: GuardResult;
}

interface Attempt {
  translateMs: number;
  executeMs: number;
  llm: LlmUsage | null;
  refusal: OfflineRefusal | null;
  tried: string[];
  /** The translation that was being run when an error happened, for the log. */
  translated: Translated | null;
}

const ms = (since: number) => Math.round((performance.now() - since) * 100) / 100;

export class NlsqlService {
  private readonly log: Logger;
  private readonly ready: Promise<void>;

  constructor(private readonly deps: NlsqlDeps) {
    this.log = deps.log.child({ service: "nlsql" });
    this.ready = loadGuard();
  }

  async ask(question: string, options: AskOptions, scope: string): Promise<Answer> {
    const started = performance.now();
    const { nl } = this.deps.config;
    const q = (question ?? "").trim();
    if (!q) throw new BadUserInputError("The question is empty: ask something about the data, e.g. \"how many orders were placed last month?\"", { problems: [{ field: "question", message: "empty" }] });
    if (q.length > nl.maxQuestionLength) {
      throw new BadUserInputError(`The question is ${q.length} characters long; at most ${nl.maxQuestionLength} are accepted (NL_MAX_QUESTION_LENGTH). Shorten it.`, {
        problems: [{ field: "question", message: "too long" }],
      });
    }
    const maxRows = options.maxRows ?? nl.maxRows;
    if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > nl.maxRows) {
      throw new BadUserInputError(`options.maxRows must be between 1 and ${nl.maxRows} (NL_MAX_ROWS); got ${maxRows}.`, { problems: [{ field: "options.maxRows", message: "out of range" }] });
    }
    await this.ready;
    const catalog = await this.deps.catalog.get();
    const normalized = normalizeQuestion(q);
    const queryId = randomUUID();
    const attempt: Attempt = { translateMs: 0, executeMs: 0, llm: null, refusal: null, tried: [], translated: null };
    const base = { queryId, question: q, normalized, scope, catalogVersion: catalog.version };
    const cacheKey = answerCacheKey({ normalized, catalogVersion: catalog.version, scope, maxRows });
    const useCache = !options.noCache && !options.explainOnly;

    try {
      if (useCache) {
        const hit = await this.deps.cache.get(cacheKey);
        if (hit) {
          const answer: Answer = { ...hit, queryId, question: q, cached: true, timings: { translateMs: 0, executeMs: 0, totalMs: ms(started) } };
          this.logAnswer(base, answer, "OK", attempt);
          return answer;
        }
      }
      const policy = this.policy(catalog, maxRows);
      const translated = await this.translate(q, normalized, catalog, policy, attempt);
      attempt.translated = translated;
      if (options.explainOnly) {
        const answer: Answer = {
          queryId, question: q, interpretation: translated.interpretation, sql: translated.guarded.sql, columns: [], rows: null, rowCount: null,
          truncated: false, cached: false, source: translated.source, tables: translated.guarded.tables,
          timings: { translateMs: attempt.translateMs, executeMs: 0, totalMs: ms(started) },
        };
        this.logAnswer(base, answer, "EXPLAINED", attempt);
        return answer;
      }
      const storeAnswer = useCache ? await this.deps.cache.reserve(cacheKey, translated.guarded.tables) : null;
      const t1 = performance.now();
      const result = await this.deps.executor.run(translated.guarded.sql);
      attempt.executeMs = ms(t1);
      const truncated = translated.guarded.limitAction !== "kept" && result.rows.length >= translated.guarded.limit;
      const answer: Answer = {
        queryId, question: q, interpretation: translated.interpretation, sql: translated.guarded.sql, columns: result.columns, rows: result.rows,
        rowCount: result.rows.length, truncated, cached: false, source: translated.source, tables: translated.guarded.tables,
        timings: { translateMs: attempt.translateMs, executeMs: attempt.executeMs, totalMs: ms(started) },
      };
      if (storeAnswer) {
        const { queryId: _q, question: _qq, cached: _c, timings: _t, ...value } = answer;
        await storeAnswer({ ...value, rows: result.rows, rowCount: result.rows.length }, this.deps.config.cache.ttlSeconds);
      }
      this.logAnswer(base, answer, "OK", attempt);
      return answer;
    } catch (err) {
      const e = err instanceof GatewayError ? err : null;
      this.logError(base, err, attempt, ms(started));
      if (e) {
        e.extensions.queryId = queryId;
        throw e;
      }
      throw err;
    }
  }

  /** Drops cached answers that read any of these tables; write paths (ingest, transforms, batch updates) call it. */
  async invalidateTables(tables: string[]): Promise<void> {
    await this.deps.cache.invalidateTables(tables);
  }

  private policy(catalog: Catalog, maxRows: number): GuardPolicy {
    return { tables: catalog.tables.map((t) => ({ schema: t.schema, name: t.name })), searchPath: this.deps.config.catalog.schemas, maxRows };
  }

  /** Runs the strategies in order; the first that yields SQL passing the guard (and EXPLAIN) wins. */
  private async translate(question: string, normalized: string, catalog: Catalog, policy: GuardPolicy, attempt: Attempt): Promise<Translated> {
    const { nl } = this.deps.config;
    const t0 = performance.now();
    let lastRejection: SqlRejectedError | null = null;
    let llmFailure: GatewayError | null = null;
    try {
      for (const strategy of nl.strategy) {
        if (strategy === "memory") {
          attempt.tried.push("memory");
          const ex = await this.deps.memory.match(normalized);
          if (!ex) continue;
          try {
            const guarded = guardSql(ex.sql, policy);
            return { source: "MEMORY", sql: ex.sql, interpretation: ex.interpretation ?? `A verified answer to "${ex.question}".`, guarded };
          } catch (err) {
            if (!(err instanceof SqlRejectedError)) throw err;
            this.log.warn({ exampleId: ex.id, rule: err.rule }, "a remembered example no longer passes the guard");
            lastRejection = err;
          }
        } else if (strategy === "offline") {
          attempt.tried.push("offline");
          const out = translateOffline(question, catalog, { now: this.deps.now?.() ?? new Date(), defaultLimit: Math.min(nl.defaultLimit, policy.maxRows) });
          if (out.kind === "not_understood") {
            attempt.refusal = out;
            continue;
          }
          if (out.confidence < nl.offlineMinConfidence) {
            attempt.refusal = { kind: "not_understood", understood: [out.interpretation], suggestions: [], reason: `the offline translator was only ${Math.round(out.confidence * 100)}% sure` };
            continue;
          }
          try {
            const guarded = guardSql(out.sql, policy);
            return { source: "OFFLINE", sql: out.sql, interpretation: out.interpretation, guarded };
          } catch (err) {
            if (!(err instanceof SqlRejectedError)) throw err;
            this.log.warn({ rule: err.rule, sql: out.sql }, "offline translation rejected by the guard");
            lastRejection = err;
          }
        } else if (strategy === "llm" && this.deps.llm) {
          attempt.tried.push("llm");
          const examples = await this.deps.memory.similar(normalized, 3);
          try {
            const out = await this.deps.llm.translate({
              question,
              catalog,
              examples,
              check: async (sql) => {
                const guarded = guardSql(sql, policy);
                await this.deps.executor.validate(guarded.sql);
                return guarded;
              },
            });
            attempt.llm = out.usage;
            if (out.kind === "sql") return { source: "LLM", sql: out.sql, interpretation: out.interpretation, guarded: out.guarded };
            attempt.refusal = { kind: "not_understood", understood: attempt.refusal?.understood ?? [], suggestions: attempt.refusal?.suggestions ?? [], reason: out.reason };
          } catch (err) {
            attempt.llm = (err as { usage?: LlmUsage }).usage ?? attempt.llm;
            if (err instanceof SqlRejectedError) lastRejection = err;
            else if (err instanceof GatewayError) llmFailure = err;
            else throw err;
          }
        }
      }
    } finally {
      attempt.translateMs = ms(t0);
    }
    if (lastRejection) throw lastRejection;
    if (llmFailure) throw llmFailure;
    const refusal = attempt.refusal;
    const understood = refusal?.understood ?? [];
    const suggestions = refusal?.suggestions.length
      ? refusal.suggestions
      : [
          `Name a table or what it holds, e.g. ${catalog.tables.slice(0, 3).map((t) => t.synonyms[0] ?? t.name).join(", ") || "one of the allow-listed tables"}.`,
          "Ask for one thing at a time: a count, a total, a list with a filter, or a top N.",
          "If you know the SQL, answer it once with rateAnswer(correctedSql) and the question will be remembered.",
        ];
    throw new GatewayError(
      ErrorCode.NOT_UNDERSTOOD,
      `The question was not understood${refusal?.reason ? ` (${refusal.reason})` : ""}${understood.length ? `; understood: ${understood.join("; ")}` : ""}. Tried: ${attempt.tried.join(", ") || "nothing (NLSQL_STRATEGY)"}.`,
      { understood, suggestions },
    );
  }

  async rateAnswer(queryId: string, correct: boolean, correctedSql: string | null | undefined): Promise<RatingResult> {
    await this.ready;
    await this.deps.queryLog.flush();
    const entry = await this.deps.prisma.queryLog.findUnique({ where: { queryId } });
    if (!entry) throw new NotFoundError("Query", queryId);
    const corrected = correctedSql?.trim() || null;
    if (!correct && !corrected) {
      await this.deps.prisma.queryLog.update({ where: { queryId }, data: { rating: false } });
      const forgotten = entry.source === "MEMORY" && entry.sql ? await this.deps.memory.forget(entry.normalized, this.originalOf(entry.sql)) : false;
      return { queryId, learned: false, forgotten, exampleSql: null, message: forgotten ? "Recorded as wrong; the remembered answer was forgotten." : "Recorded as wrong. Send correctedSql to teach the right answer." };
    }
    let sql: string;
    let interpretation: string | null;
    let tables: string[];
    const catalog = await this.deps.catalog.get();
    if (corrected) {
      const guarded = guardSql(corrected, this.policy(catalog, this.deps.config.nl.maxRows));
      await this.deps.executor.validate(guarded.sql);
      sql = corrected;
      interpretation = `A verified answer to "${entry.question}" (SQL given by a user).`;
      tables = guarded.tables;
    } else {
      if (!entry.sql || entry.status === "ERROR") {
        throw new BadUserInputError(`Query ${queryId} produced no SQL to confirm (it failed with ${entry.errorCode ?? "an error"}). Send correctedSql with the right SQL instead.`, {
          problems: [{ field: "correctedSql", message: "required for a question that was not answered" }],
        });
      }
      sql = this.originalOf(entry.sql);
      interpretation = entry.interpretation;
      tables = entry.tables;
    }
    await this.deps.prisma.queryLog.update({ where: { queryId }, data: { rating: correct && !corrected ? true : false, correctedSql: corrected } });
    await this.deps.memory.save({ question: entry.question, normalized: entry.normalized, sql, interpretation, tables, origin: corrected ? "CORRECTED" : "RATED_CORRECT", queryId });
    return { queryId, learned: true, forgotten: false, exampleSql: sql, message: `Remembered: the question "${entry.question}" will be answered with this SQL.` };
  }

  /** The SQL as stored in the log is the guarded form; the guard re-applies on use, so keep it as is. */
  private originalOf(sql: string): string {
    return sql;
  }

  /** Logged questions, newest first, as a connection; lines still queued are written first. */
  async queryLog(filter: QueryLogFilter, page: PageArgs, limits: PageLimits): Promise<ConnectionShape<QueryLogEntryRow>> {
    await this.deps.queryLog.flush();
    return keysetPage(this.deps.db, queryLogList(filter, this.deps.db.gateway.table("query_log")), page, limits);
  }

  private logAnswer(base: { queryId: string; question: string; normalized: string; scope: string; catalogVersion: string }, a: Answer, status: "OK" | "EXPLAINED", attempt: Attempt) {
    this.deps.queryLog.write({
      ...base, sql: a.sql, interpretation: a.interpretation, source: a.source, status, rowCount: a.rowCount, truncated: a.truncated, cached: a.cached,
      tables: a.tables, translateMs: a.timings.translateMs, executeMs: a.timings.executeMs, totalMs: a.timings.totalMs, ...llmFields(attempt.llm),
    });
  }

  private logError(base: { queryId: string; question: string; normalized: string; scope: string; catalogVersion: string }, err: unknown, attempt: Attempt, totalMs: number) {
    const e = err instanceof GatewayError ? err : null;
    const t = attempt.translated;
    const sql = t?.guarded.sql ?? (e && typeof e.extensions.sql === "string" ? e.extensions.sql : null);
    this.deps.queryLog.write({
      ...base, sql, source: t?.source ?? null, interpretation: t?.interpretation ?? null, tables: t?.guarded.tables ?? [], status: "ERROR", errorCode: e?.code ?? "INTERNAL", errorMessage: (err as Error)?.message?.slice(0, 2000) ?? String(err),
      translateMs: attempt.translateMs, executeMs: attempt.executeMs, totalMs, ...llmFields(attempt.llm),
    });
  }
}

const llmFields = (u: LlmUsage | null) =>
  u ? { llmCalls: u.calls, llmPromptTokens: u.promptTokens, llmCompletionTokens: u.completionTokens, llmMs: u.ms } : {};
