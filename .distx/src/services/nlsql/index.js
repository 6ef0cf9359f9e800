import { createChatModel } from "../llm/index.js";
import { NlsqlService } from "./nlsql.service.js";
import { SqlExecutor } from "./executor.js";
import { ExampleMemory } from "./memory.js";
import { LruAnswerCache } from "./answer-cache.js";
import { LlmTranslator } from "./llm-translator.js";
import { QueryLogWriter } from "./query-log-writer.js";
import { NlsqlService as NlsqlService2 } from "./nlsql.service.js";
import { guardSql, loadGuard, SqlRejectedError, ALLOWED_FUNCTIONS } from "./guard.js";
import { LruAnswerCache as LruAnswerCache2, ResultCacheAnswers, answerCacheKey } from "./answer-cache.js";
import { LlmTranslator as LlmTranslator2, parseReply } from "./llm-translator.js";
import { normalizeQuestion } from "./normalize.js";
async function createNlsqlService(o) {
  const { config } = o;
  const executor = new SqlExecutor({
    db: o.db,
    databaseUrl: config.nl.databaseUrl,
    statementTimeoutMs: config.nl.statementTimeoutMs,
    searchPath: config.catalog.schemas,
    pgliteMaxCost: config.nl.pgliteMaxCost
  });
  const model = o.chatModel ?? (config.llm ? await createChatModel(config.llm) : null);
  const llm = model ? new LlmTranslator({ model, log: o.log, timeoutMs: config.llm?.timeoutMs ?? 2e4, maxRetries: config.llm?.maxRetries ?? 2 }) : null;
  const queryLog = new QueryLogWriter(o.db.prisma, o.log.child({ service: "nlsql" }));
  const service = new NlsqlService({
    config,
    log: o.log,
    prisma: o.db.prisma,
    catalog: o.catalog,
    executor,
    memory: new ExampleMemory(o.db.prisma, config.nl.memoryMinSimilarity),
    cache: o.cache ?? new LruAnswerCache(Math.min(config.cache.maxEntries, 1e3)),
    queryLog,
    llm,
    now: o.now
  });
  return {
    service,
    close: async () => {
      await queryLog.flush();
      await executor.close();
    }
  };
}
export {
  ALLOWED_FUNCTIONS,
  LlmTranslator2 as LlmTranslator,
  LruAnswerCache2 as LruAnswerCache,
  NlsqlService2 as NlsqlService,
  ResultCacheAnswers,
  SqlRejectedError,
  answerCacheKey,
  createNlsqlService,
  guardSql,
  loadGuard,
  normalizeQuestion,
  parseReply
};
