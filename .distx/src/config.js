import os from "node:os";
import path from "node:path";
import { z } from "zod";
const bool = z.enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" }).transform((v) => v === "true" || v === "1" || v === "yes");
const int = (min, max) => z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(min).max(max);
const postgresUrl = z.string().url("expected a URL such as postgresql://user@host:5432/db").refine((v) => /^postgres(ql)?:\/\//.test(v), "expected a postgresql:// URL");
const redisUrl = z.string().url("expected a URL such as redis://127.0.0.1:6379").refine((v) => /^rediss?:\/\//.test(v), "expected a redis:// URL");
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(0, 65535).default(4e3),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  DB_POOL_SIZE: int(1, 500).default(10),
  REDIS_URL: redisUrl.optional(),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, "expected letters, digits, _ : . or -").default("kz"),
  CACHE_TTL_SECONDS: int(1, 7 * 24 * 3600).default(60),
  CACHE_MAX_ENTRIES: int(1, 1e7).default(1e4),
  CORS_ORIGINS: z.string().default("*"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_PAGE_SIZE: int(1, 1e4).default(500),
  BODY_LIMIT_BYTES: int(1024, 1024 ** 3).default(16 * 1024 * 1024),
  SEED_ON_START: bool.default("true"),
  JOB_CONCURRENCY: int(1, 64).default(2),
  JOB_BATCH_SIZE: int(1, 1e5).default(5e3),
  JOB_MAX_RETRIES: int(0, 20).default(3),
  JOB_BATCH_TIMEOUT_MS: int(100, 36e5).default(6e4),
  JOB_RETRY_BASE_MS: int(1, 6e4).default(200),
  JOB_STALE_MS: int(500, 36e5).default(3e4),
  RUN_WORKERS: bool.default("true"),
  JOB_RUNNER: z.enum(["auto", "in-process", "bullmq"], { message: "expected auto, in-process or bullmq" }).default("auto"),
  INGEST_MAX_INLINE_RECORDS: int(1, 1e6).default(1e4),
  INGEST_INLINE_WAIT_MS: int(0, 6e5).default(1e4),
  INGEST_WRITERS: int(1, 16).optional(),
  SPOOL_DIR: z.string().min(1).optional(),
  SEED_SCALE: z.coerce.number({ message: "expected a number" }).positive().max(100).default(0.1),
  ML_MAX_TRAINING_ROWS: int(100, 1e7).default(2e5),
  ML_MIN_TRAINING_ROWS: int(4, 1e6).default(20),
  ML_PREDICT_BATCH_MAX: int(1, 1e6).default(1e4),
  QUALITY_EXACT_DISTINCT_MAX_ROWS: int(0, 1e9).default(1e6),
  // Natural-language questions (catalog, NL→SQL, LLM)
  NL_SCHEMAS: z.string().regex(/^\s*[\w$]+(\s*,\s*[\w$]+)*\s*$/, "expected a comma-separated list of schema names").default("public"),
  NL_TABLES: z.string().regex(/^\s*[\w$.]+(\s*,\s*[\w$.]+)*\s*$/, "expected a comma-separated list of table names (optionally schema.table)").optional(),
  NL_VALUE_INDEX_MAX_DISTINCT: int(1, 1e4).default(200),
  NL_VALUE_INDEX_SCAN_ROWS: int(100, 1e8).default(1e5),
  NL_MAX_ROWS: int(1, 1e6).default(1e3),
  NL_DEFAULT_LIMIT: int(1, 1e6).default(100),
  NL_STATEMENT_TIMEOUT_MS: int(10, 36e5).default(5e3),
  NL_DATABASE_URL: postgresUrl.optional(),
  NL_PGLITE_MAX_COST: z.coerce.number({ message: "expected a number" }).positive().default(5e6),
  NL_MAX_QUESTION_LENGTH: int(10, 1e5).default(500),
  NLSQL_STRATEGY: z.string().regex(/^\s*(memory|offline|llm)(\s*,\s*(memory|offline|llm))*\s*$/, "expected a comma-separated order of memory, offline, llm (e.g. memory,offline,llm)").default("memory,offline,llm"),
  NL_OFFLINE_MIN_CONFIDENCE: z.coerce.number({ message: "expected a number between 0 and 1" }).min(0).max(1).default(0.7),
  NL_MEMORY_MIN_SIMILARITY: z.coerce.number({ message: "expected a number between 0 and 1" }).min(0).max(1).default(0.8),
  LLM_PROVIDER: z.enum(["openai", "anthropic", "ollama", "none"], { message: "expected openai, anthropic, ollama or none" }).default("none"),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_BASE_URL: z.string().url("expected a URL such as http://127.0.0.1:11434").optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: int(100, 6e5).default(2e4),
  LLM_MAX_RETRIES: int(0, 10).default(2),
  LLM_BATCH_SIZE: int(1, 500).default(50),
  LLM_CONCURRENCY: int(1, 64).default(8)
});
const ENV_VARIABLES = Object.keys(envSchema.shape);
const defaultLlmModels = { openai: "gpt-4o-mini", anthropic: "claude-3-5-haiku-latest", ollama: "llama3.1" };
const list = (v) => v.split(",").map((x) => x.trim()).filter(Boolean);
class ConfigError extends Error {
  constructor(problems) {
    super(`Invalid configuration:
${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
    this.name = "ConfigError";
  }
  problems;
}
function loadConfig(env = process.env) {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== void 0 && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`)
    );
  }
  const e = parsed.data;
  const combined = [];
  if (e.JOB_RUNNER === "bullmq" && !e.REDIS_URL) combined.push("JOB_RUNNER: bullmq needs REDIS_URL (got JOB_RUNNER=bullmq without REDIS_URL)");
  if ((e.LLM_PROVIDER === "openai" || e.LLM_PROVIDER === "anthropic") && !e.LLM_API_KEY && !e.LLM_BASE_URL) {
    combined.push(`LLM_API_KEY: required when LLM_PROVIDER=${e.LLM_PROVIDER} talks to the provider's own API (set it, or set LLM_BASE_URL for a compatible server, or LLM_PROVIDER=none)`);
  }
  if (combined.length) throw new ConfigError(combined);
  const origins = e.CORS_ORIGINS.trim();
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      corsOrigins: origins === "*" ? "*" : origins.split(",").map((o) => o.trim()).filter(Boolean),
      bodyLimitBytes: e.BODY_LIMIT_BYTES
    },
    db: { url: e.DATABASE_URL ?? null, dataDir: e.DATA_DIR, poolSize: e.DB_POOL_SIZE },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
    cache: { ttlSeconds: e.CACHE_TTL_SECONDS, maxEntries: e.CACHE_MAX_ENTRIES },
    log: { level: e.LOG_LEVEL },
    api: { maxPageSize: e.MAX_PAGE_SIZE },
    seed: { onStart: e.SEED_ON_START, scale: e.SEED_SCALE },
    ml: { maxTrainingRows: e.ML_MAX_TRAINING_ROWS, minTrainingRows: e.ML_MIN_TRAINING_ROWS, predictBatchMax: e.ML_PREDICT_BATCH_MAX },
    quality: { exactDistinctMaxRows: e.QUALITY_EXACT_DISTINCT_MAX_ROWS },
    catalog: {
      schemas: list(e.NL_SCHEMAS),
      tables: e.NL_TABLES ? list(e.NL_TABLES) : null,
      valueIndexMaxDistinct: e.NL_VALUE_INDEX_MAX_DISTINCT,
      valueIndexScanRows: e.NL_VALUE_INDEX_SCAN_ROWS
    },
    nl: {
      maxRows: e.NL_MAX_ROWS,
      defaultLimit: Math.min(e.NL_DEFAULT_LIMIT, e.NL_MAX_ROWS),
      statementTimeoutMs: e.NL_STATEMENT_TIMEOUT_MS,
      databaseUrl: e.NL_DATABASE_URL ?? null,
      maxQuestionLength: e.NL_MAX_QUESTION_LENGTH,
      pgliteMaxCost: e.NL_PGLITE_MAX_COST,
      strategy: [...new Set(list(e.NLSQL_STRATEGY))],
      offlineMinConfidence: e.NL_OFFLINE_MIN_CONFIDENCE,
      memoryMinSimilarity: e.NL_MEMORY_MIN_SIMILARITY
    },
    llm: e.LLM_PROVIDER === "none" ? null : {
      provider: e.LLM_PROVIDER,
      model: e.LLM_MODEL ?? defaultLlmModels[e.LLM_PROVIDER],
      baseUrl: e.LLM_BASE_URL ?? null,
      apiKey: e.LLM_API_KEY ?? null,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES
    },
    jobs: {
      concurrency: e.JOB_CONCURRENCY,
      batchSize: e.JOB_BATCH_SIZE,
      maxRetries: e.JOB_MAX_RETRIES,
      batchTimeoutMs: e.JOB_BATCH_TIMEOUT_MS,
      retryBaseMs: e.JOB_RETRY_BASE_MS,
      staleMs: e.JOB_STALE_MS,
      runWorkers: e.RUN_WORKERS,
      runner: e.JOB_RUNNER === "in-process" || !e.REDIS_URL ? "in-process" : "bullmq",
      // PGlite has one connection: a second writer would only queue behind the first. At most half the pool,
      // so writers never starve the requests and job bookkeeping that share it.
      writers: Math.min(e.INGEST_WRITERS ?? (e.DATABASE_URL ? 2 : 1), Math.max(1, Math.floor(e.DB_POOL_SIZE / 2)))
    },
    transform: { llmBatchSize: e.LLM_BATCH_SIZE, llmConcurrency: e.LLM_CONCURRENCY, llmTimeoutMs: e.LLM_TIMEOUT_MS, llmMaxRetries: e.LLM_MAX_RETRIES },
    ingest: {
      maxInlineRecords: e.INGEST_MAX_INLINE_RECORDS,
      inlineWaitMs: e.INGEST_INLINE_WAIT_MS,
      spoolDir: e.SPOOL_DIR ?? (e.DATA_DIR === "memory://" ? path.join(os.tmpdir(), "kz-spool") : path.join(e.DATA_DIR, "spool"))
    }
  };
}
function loadConfigOrExit(env = process.env, check) {
  try {
    const config = loadConfig(env);
    check?.(config);
    return config;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
export {
  ConfigError,
  ENV_VARIABLES,
  loadConfig,
  loadConfigOrExit
};
