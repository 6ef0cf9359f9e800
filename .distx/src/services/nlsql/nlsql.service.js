import { randomUUID } from "node:crypto";
import { BadUserInputError, ErrorCode, GatewayError, NotFoundError } from "../errors.js";
import { guardSql, loadGuard, SqlRejectedError } from "./guard.js";
import { translateOffline } from "./offline/index.js";
import { answerCacheKey } from "./answer-cache.js";
import { normalizeQuestion } from "./normalize.js";
const ms = (since) => Math.round((performance.now() - since) * 100) / 100;
class NlsqlService {
  constructor(deps) {
    this.deps = deps;
    this.log = deps.log.child({ service: "nlsql" });
    this.ready = loadGuard();
  }
  deps;
  log;
  ready;
  async ask(question, options, scope) {
    const started = performance.now();
    const { nl } = this.deps.config;
    const q = (question ?? "").trim();
    if (!q) throw new BadUserInputError('The question is empty: ask something about the data, e.g. "how many orders were placed last month?"', { problems: [{ field: "question", message: "empty" }] });
    if (q.length > nl.maxQuestionLength) {
      throw new BadUserInputError(`The question is ${q.length} characters long; at most ${nl.maxQuestionLength} are accepted (NL_MAX_QUESTION_LENGTH). Shorten it.`, {
        problems: [{ field: "question", message: "too long" }]
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
    const attempt = { translateMs: 0, executeMs: 0, llm: null, refusal: null, tried: [], translated: null };
    const base = { queryId, question: q, normalized, scope, catalogVersion: catalog.version };
    const cacheKey = answerCacheKey({ normalized, catalogVersion: catalog.version, scope, maxRows });
    const useCache = !options.noCache && !options.explainOnly;
    try {
      if (useCache) {
        const hit = await this.deps.cache.get(cacheKey);
        if (hit) {
          const answer2 = { ...hit, queryId, question: q, cached: true, timings: { translateMs: 0, executeMs: 0, totalMs: ms(started) } };
          this.logAnswer(base, answer2, "OK", attempt);
          return answer2;
        }
      }
      const policy = this.policy(catalog, maxRows);
      const translated = await this.translate(q, normalized, catalog, policy, attempt);
      attempt.translated = translated;
      if (options.explainOnly) {
        const answer2 = {
          queryId,
          question: q,
          interpretation: translated.interpretation,
          sql: translated.guarded.sql,
          columns: [],
          rows: null,
          rowCount: null,
          truncated: false,
          cached: false,
          source: translated.source,
          tables: translated.guarded.tables,
          timings: { translateMs: attempt.translateMs, executeMs: 0, totalMs: ms(started) }
        };
        this.logAnswer(base, answer2, "EXPLAINED", attempt);
        return answer2;
      }
      const storeAnswer = useCache ? await this.deps.cache.reserve(cacheKey, translated.guarded.tables) : null;
      const t1 = performance.now();
      const result = await this.deps.executor.run(translated.guarded.sql);
      attempt.executeMs = ms(t1);
      const truncated = translated.guarded.limitAction !== "kept" && result.rows.length >= translated.guarded.limit;
      const answer = {
        queryId,
        question: q,
        interpretation: translated.interpretation,
        sql: translated.guarded.sql,
        columns: result.columns,
        rows: result.rows,
        rowCount: result.rows.length,
        truncated,
        cached: false,
        source: translated.source,
        tables: translated.guarded.tables,
        timings: { translateMs: attempt.translateMs, executeMs: attempt.executeMs, totalMs: ms(started) }
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
  async invalidateTables(tables) {
    await this.deps.cache.invalidateTables(tables);
  }
  policy(catalog, maxRows) {
    return { tables: catalog.tables.map((t) => ({ schema: t.schema, name: t.name })), searchPath: this.deps.config.catalog.schemas, maxRows };
  }
  /** Runs the strategies in order; the first that yields SQL passing the guard (and EXPLAIN) wins. */
  async translate(question, normalized, catalog, policy, attempt) {
    const { nl } = this.deps.config;
    const t0 = performance.now();
    let lastRejection = null;
    let llmFailure = null;
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
          const out = translateOffline(question, catalog, { now: this.deps.now?.() ?? /* @__PURE__ */ new Date(), defaultLimit: Math.min(nl.defaultLimit, policy.maxRows) });
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
              }
            });
            attempt.llm = out.usage;
            if (out.kind === "sql") return { source: "LLM", sql: out.sql, interpretation: out.interpretation, guarded: out.guarded };
            attempt.refusal = { kind: "not_understood", understood: attempt.refusal?.understood ?? [], suggestions: attempt.refusal?.suggestions ?? [], reason: out.reason };
          } catch (err) {
            attempt.llm = err.usage ?? attempt.llm;
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
    const suggestions = refusal?.suggestions.length ? refusal.suggestions : [
      `Name a table or what it holds, e.g. ${catalog.tables.slice(0, 3).map((t) => t.synonyms[0] ?? t.name).join(", ") || "one of the allow-listed tables"}.`,
      "Ask for one thing at a time: a count, a total, a list with a filter, or a top N.",
      "If you know the SQL, answer it once with rateAnswer(correctedSql) and the question will be remembered."
    ];
    throw new GatewayError(
      ErrorCode.NOT_UNDERSTOOD,
      `The question was not understood${refusal?.reason ? ` (${refusal.reason})` : ""}${understood.length ? `; understood: ${understood.join("; ")}` : ""}. Tried: ${attempt.tried.join(", ") || "nothing (NLSQL_STRATEGY)"}.`,
      { understood, suggestions }
    );
  }
  async rateAnswer(queryId, correct, correctedSql) {
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
    let sql;
    let interpretation;
    let tables;
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
          problems: [{ field: "correctedSql", message: "required for a question that was not answered" }]
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
  originalOf(sql) {
    return sql;
  }
  async queryLog(filter, first, after) {
    const max = this.deps.config.api.maxPageSize;
    if (!Number.isInteger(first) || first < 1 || first > max) throw new BadUserInputError(`first must be between 1 and ${max} (MAX_PAGE_SIZE); got ${first}.`, { problems: [{ field: "first", message: "out of range" }] });
    let cursorId = null;
    if (after) {
      const decoded = Number(Buffer.from(after, "base64url").toString("utf8").replace(/^ql:/, ""));
      if (!Number.isInteger(decoded) || decoded < 1) throw new BadUserInputError(`after is not a cursor this API returned; got ${JSON.stringify(after)}.`, { problems: [{ field: "after", message: "invalid cursor" }] });
      cursorId = decoded;
    }
    await this.deps.queryLog.flush();
    const rows = await this.deps.prisma.queryLog.findMany({
      where: {
        ...cursorId ? { id: { lt: cursorId } } : {},
        ...filter.status ? { status: filter.status } : {},
        ...filter.source ? { source: filter.source } : {},
        ...filter.errorCode ? { errorCode: filter.errorCode } : {},
        ...filter.questionContains ? { question: { contains: filter.questionContains, mode: "insensitive" } } : {},
        ...filter.since ? { createdAt: { gte: filter.since } } : {}
      },
      orderBy: { id: "desc" },
      take: first + 1
    });
    const items = rows.slice(0, first);
    const last = items[items.length - 1];
    return { items, hasMore: rows.length > first, endCursor: last ? Buffer.from(`ql:${last.id}`).toString("base64url") : null };
  }
  logAnswer(base, a, status, attempt) {
    this.deps.queryLog.write({
      ...base,
      sql: a.sql,
      interpretation: a.interpretation,
      source: a.source,
      status,
      rowCount: a.rowCount,
      truncated: a.truncated,
      cached: a.cached,
      tables: a.tables,
      translateMs: a.timings.translateMs,
      executeMs: a.timings.executeMs,
      totalMs: a.timings.totalMs,
      ...llmFields(attempt.llm)
    });
  }
  logError(base, err, attempt, totalMs) {
    const e = err instanceof GatewayError ? err : null;
    const t = attempt.translated;
    const sql = t?.guarded.sql ?? (e && typeof e.extensions.sql === "string" ? e.extensions.sql : null);
    this.deps.queryLog.write({
      ...base,
      sql,
      source: t?.source ?? null,
      interpretation: t?.interpretation ?? null,
      tables: t?.guarded.tables ?? [],
      status: "ERROR",
      errorCode: e?.code ?? "INTERNAL",
      errorMessage: err?.message?.slice(0, 2e3) ?? String(err),
      translateMs: attempt.translateMs,
      executeMs: attempt.executeMs,
      totalMs,
      ...llmFields(attempt.llm)
    });
  }
}
const llmFields = (u) => u ? { llmCalls: u.calls, llmPromptTokens: u.promptTokens, llmCompletionTokens: u.completionTokens, llmMs: u.ms } : {};
export {
  NlsqlService
};
