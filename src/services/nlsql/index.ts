/** NL→SQL: the pipeline service and its parts. */
import type { Config } from "../../config.js";
import type { Database } from "../db/index.js";
import type { Logger } from "../log.js";
import type { CatalogService } from "../catalog/index.js";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createChatModel } from "../llm/index.js";
import { NlsqlService } from "./nlsql.service.js";
import { SqlExecutor } from "./executor.js";
import { ExampleMemory } from "./memory.js";
import { LruAnswerCache, type AnswerCache } from "./answer-cache.js";
import { LlmTranslator } from "./llm-translator.js";
import { QueryLogWriter } from "./query-log-writer.js";

export { NlsqlService, type Answer, type AskOptions, type RatingResult, type QueryLogFilter, type AnswerSource } from "./nlsql.service.js";
export { guardSql, loadGuard, SqlRejectedError, ALLOWED_FUNCTIONS, type GuardPolicy, type GuardResult, type GuardRule } from "./guard.js";
export { LruAnswerCache, ResultCacheAnswers, answerCacheKey, type AnswerCache, type CachedAnswer } from "./answer-cache.js";
export { LlmTranslator, parseReply, type LlmUsage } from "./llm-translator.js";
export { normalizeQuestion } from "./normalize.js";

export interface CreateNlsqlOptions {
  config: Config;
  log: Logger;
  db: Database;
  catalog: CatalogService;
  /** The gateway's result cache, when one is wired; otherwise a private LRU. */
  cache?: AnswerCache;
  /** A chat model to use instead of the one LLM_PROVIDER describes (tests). */
  chatModel?: BaseChatModel;
  now?: () => Date;
}

export async function createNlsqlService(o: CreateNlsqlOptions): Promise<{ service: NlsqlService; close(): Promise<void> }> {
  const { config } = o;
  const executor = new SqlExecutor({
    db: o.db,
    databaseUrl: config.nl.databaseUrl,
    statementTimeoutMs: config.nl.statementTimeoutMs,
    searchPath: config.catalog.schemas,
    pgliteMaxCost: config.nl.pgliteMaxCost,
  });
  const model = o.chatModel ?? (config.llm ? await createChatModel(config.llm) : null);
  const llm = model
    ? new LlmTranslator({ model, log: o.log, timeoutMs: config.llm?.timeoutMs ?? 20_000, maxRetries: config.llm?.maxRetries ?? 2 })
    : null;
  const queryLog = new QueryLogWriter(o.db, o.log.child({ service: "nlsql" }), o.db.gateway.table("query_log"));
  const service = new NlsqlService({
    config,
    log: o.log,
    prisma: o.db.prisma,
    db: o.db,
    catalog: o.catalog,
    executor,
    memory: new ExampleMemory(o.db.prisma, config.nl.memoryMinSimilarity),
    cache: o.cache ?? new LruAnswerCache(Math.min(config.cache.maxEntries, 1000)),
    queryLog,
    llm,
    now: o.now,
  });
  return {
    service,
    close: async () => {
      await queryLog.flush();
      await executor.close();
    },
  };
}
