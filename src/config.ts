/**
 * The gateway's configuration, parsed once from the environment. Nothing else
 * reads process.env. Every problem is reported at once, naming the variable.
 */
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_GATEWAY_SCHEMA, gatewaySchemaProblem } from "./services/db/gateway-schema.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");
const int = (min: number, max: number) =>
  z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(min).max(max);
const postgresUrl = z
  .string()
  .url("expected a URL such as postgresql://user@host:5432/db")
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "expected a postgresql:// URL");
const redisUrl = z
  .string()
  .url("expected a URL such as redis://127.0.0.1:6379")
  .refine((v) => /^rediss?:\/\//.test(v), "expected a redis:// URL");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(0, 65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  GATEWAY_SCHEMA: z
    .string()
    .superRefine((v, ctx) => {
      const problem = gatewaySchemaProblem(v);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    })
    .default(DEFAULT_GATEWAY_SCHEMA),
  DB_POOL_SIZE: int(1, 500).default(10),
  REDIS_URL: redisUrl.optional(),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, "expected letters, digits, _ : . or -").default("kz"),
  CACHE_TTL_SECONDS: int(1, 7 * 24 * 3600).default(60),
  CACHE_MAX_ENTRIES: int(1, 10_000_000).default(10_000),
  CORS_ORIGINS: z.string().default("*"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_PAGE_SIZE: int(1, 10_000).default(500),
  // The data API generated from the user's tables
  API_SCHEMAS: z.string().regex(/^\s*[^,\s][^,]*(,\s*[^,\s][^,]*)*\s*$/, "expected a comma-separated list of schema names").default("public"),
  API_TABLES: z.string().regex(/^\s*[^,\s][^,]*(,\s*[^,\s][^,]*)*\s*$/, "expected a comma-separated list of table names (optionally schema.table)").optional(),
  API_TABLES_DENY: z.string().regex(/^\s*[^,\s][^,]*(,\s*[^,\s][^,]*)*\s*$/, "expected a comma-separated list of table names (optionally schema.table)").optional(),
  API_DEFAULT_PAGE_SIZE: int(1, 10_000).default(100),
  BODY_LIMIT_BYTES: int(1024, 1024 ** 3).default(16 * 1024 * 1024),
  SEED_ON_START: z
    .enum(["auto", "true", "false", "1", "0", "yes", "no"], { message: "expected auto, true or false" })
    .transform((v): SeedOnStart => (v === "auto" ? "auto" : v === "true" || v === "1" || v === "yes" ? "always" : "never"))
    .default("auto"),
  JOB_CONCURRENCY: int(1, 64).default(2),
  JOB_BATCH_SIZE: int(1, 100_000).default(5_000),
  JOB_MAX_RETRIES: int(0, 20).default(3),
  JOB_BATCH_TIMEOUT_MS: int(100, 3_600_000).default(60_000),
  JOB_RETRY_BASE_MS: int(1, 60_000).default(200),
  JOB_STALE_MS: int(500, 3_600_000).default(30_000),
  RUN_WORKERS: bool.default("true"),
  JOB_RUNNER: z.enum(["auto", "in-process", "bullmq"], { message: "expected auto, in-process or bullmq" }).default("auto"),
  INGEST_MAX_INLINE_RECORDS: int(1, 1_000_000).default(10_000),
  INGEST_INLINE_WAIT_MS: int(0, 600_000).default(10_000),
  INGEST_WRITERS: int(1, 16).optional(),
  SPOOL_DIR: z.string().min(1).optional(),
  SEED_SCALE: z.coerce.number({ message: "expected a number" }).positive().max(100).default(0.1),
  ML_MAX_TRAINING_ROWS: int(100, 10_000_000).default(200_000),
  ML_MIN_TRAINING_ROWS: int(4, 1_000_000).default(20),
  ML_PREDICT_BATCH_MAX: int(1, 1_000_000).default(10_000),
  QUALITY_EXACT_DISTINCT_MAX_ROWS: int(0, 1_000_000_000).default(1_000_000),
  SCHEMA_POLL_MS: int(0, 3_600_000).default(2_000),
  // Natural-language questions (catalog, NL→SQL, LLM)
  NL_SCHEMAS: z.string().regex(/^\s*[\w$]+(\s*,\s*[\w$]+)*\s*$/, "expected a comma-separated list of schema names").default("public"),
  NL_TABLES: z.string().regex(/^\s*[\w$.]+(\s*,\s*[\w$.]+)*\s*$/, "expected a comma-separated list of table names (optionally schema.table)").optional(),
  NL_VALUE_INDEX_MAX_DISTINCT: int(1, 10_000).default(200),
  NL_VALUE_INDEX_SCAN_ROWS: int(100, 100_000_000).default(100_000),
  NL_MAX_ROWS: int(1, 1_000_000).default(1000),
  NL_DEFAULT_LIMIT: int(1, 1_000_000).default(100),
  NL_STATEMENT_TIMEOUT_MS: int(10, 3_600_000).default(5000),
  NL_DATABASE_URL: postgresUrl.optional(),
  NL_PGLITE_MAX_COST: z.coerce.number({ message: "expected a number" }).positive().default(5_000_000),
  NL_MAX_QUESTION_LENGTH: int(10, 100_000).default(500),
  NLSQL_STRATEGY: z
    .string()
    .regex(/^\s*(memory|offline|llm)(\s*,\s*(memory|offline|llm))*\s*$/, "expected a comma-separated order of memory, offline, llm (e.g. memory,offline,llm)")
    .default("memory,offline,llm"),
  NL_OFFLINE_MIN_CONFIDENCE: z.coerce.number({ message: "expected a number between 0 and 1" }).min(0).max(1).default(0.7),
  NL_MEMORY_MIN_SIMILARITY: z.coerce.number({ message: "expected a number between 0 and 1" }).min(0).max(1).default(0.8),
  LLM_PROVIDER: z.enum(["openai", "anthropic", "ollama", "none"], { message: "expected openai, anthropic, ollama or none" }).default("none"),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_BASE_URL: z.string().url("expected a URL such as http://127.0.0.1:11434").optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: int(100, 600_000).default(20_000),
  LLM_MAX_RETRIES: int(0, 10).default(2),
  LLM_BATCH_SIZE: int(1, 500).default(50),
  LLM_CONCURRENCY: int(1, 64).default(8),
});

export type Env = z.input<typeof envSchema>;

/** Every environment variable the gateway reads (the README's table must list each). */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as Array<keyof Env>;

/**
 * When a start creates and seeds the demo shop: `auto` only on the first start of an empty embedded (PGlite)
 * database; `always` whenever the demo's tables are missing or all empty (any database); `never`.
 */
export type SeedOnStart = "auto" | "always" | "never";

export interface Config {
  env: "development" | "production" | "test";
  http: { port: number; host: string; corsOrigins: string[] | "*"; bodyLimitBytes: number };
  /** gatewaySchema: the PostgreSQL schema holding every table the gateway owns (never one of the user's). */
  db: { url: string | null; dataDir: string; poolSize: number; gatewaySchema: string };
  /** Keys and channels of this deployment start with `prefix`, so several can share one Redis. */
  redis: { url: string; prefix: string } | null;
  cache: { ttlSeconds: number; maxEntries: number };
  log: { level: string };
  api: {
    maxPageSize: number;
    /** Rows of a list asked for without first or last (at most maxPageSize). */
    defaultPageSize: number;
    /** SQL schemas the data API exposes, in order of precedence when names collide. */
    schemas: string[];
    /** Only these tables (`table` or `schema.table`); null = every table of the schemas. */
    tables: string[] | null;
    /** Never these tables. */
    tablesDeny: string[];
  };
  seed: { onStart: SeedOnStart; scale: number };
  /** Training keeps at most maxTrainingRows (a uniform sample above it); predictBatch takes at most predictBatchMax inputs. */
  ml: { maxTrainingRows: number; minTrainingRows: number; predictBatchMax: number };
  /** Above exactDistinctMaxRows rows, distinct counts are estimated from a sample. */
  quality: { exactDistinctMaxRows: number };
  /** How often a gateway process reads the catalog fingerprint to follow DDL (0 = never; refreshSchema still works). */
  schemaWatch: { pollMs: number };
  catalog: {
    /** SQL schemas introspected for the catalog. */
    schemas: string[];
    /** Explicit allow-list (`table` or `schema.table`); null means the default rule (see catalog service). */
    tables: string[] | null;
    valueIndexMaxDistinct: number;
    valueIndexScanRows: number;
  };
  nl: {
    maxRows: number;
    defaultLimit: number;
    statementTimeoutMs: number;
    /** Separate (e.g. read-only role or replica) connection for running NL SQL; null = the main pool. */
    databaseUrl: string | null;
    maxQuestionLength: number;
    /** PGlite cannot cancel a running statement: plans estimated above this cost are refused as TIMEOUT. */
    pgliteMaxCost: number;
    strategy: Array<"memory" | "offline" | "llm">;
    offlineMinConfidence: number;
    memoryMinSimilarity: number;
  };
  /** Null when LLM_PROVIDER is none. */
  llm: { provider: "openai" | "anthropic" | "ollama"; model: string; baseUrl: string | null; apiKey: string | null; timeoutMs: number; maxRetries: number } | null;
  jobs: {
    concurrency: number;
    batchSize: number;
    maxRetries: number;
    batchTimeoutMs: number;
    retryBaseMs: number;
    /** A RUNNING job whose heartbeat is older than this is taken over (in-process) / its BullMQ lock expires. */
    staleMs: number;
    /** False: this process accepts jobs but never runs them (BullMQ workers do). */
    runWorkers: boolean;
    /** Resolved: bullmq when REDIS_URL is set (and JOB_RUNNER is auto or bullmq). */
    runner: "in-process" | "bullmq";
    /** Batches of one INSERT job (ingest, transform) written at once on separate connections; 2 on PostgreSQL, 1 on PGlite unless INGEST_WRITERS says. */
    writers: number;
  };
  ingest: { maxInlineRecords: number; inlineWaitMs: number; spoolDir: string };
  /** LLM rules of transforms: records per model call and calls in flight. */
  transform: { llmBatchSize: number; llmConcurrency: number; llmTimeoutMs: number; llmMaxRetries: number };
}

const defaultLlmModels = { openai: "gpt-4o-mini", anthropic: "claude-3-5-haiku-latest", ollama: "llama3.1" } as const;
const list = (v: string) => v.split(",").map((x) => x.trim()).filter(Boolean);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`),
    );
  }
  const e = parsed.data;
  // Problems that involve two variables, reported together like the rest.
  const combined: string[] = [];
  if (e.JOB_RUNNER === "bullmq" && !e.REDIS_URL) combined.push("JOB_RUNNER: bullmq needs REDIS_URL (got JOB_RUNNER=bullmq without REDIS_URL)");
  if ((e.LLM_PROVIDER === "openai" || e.LLM_PROVIDER === "anthropic") && !e.LLM_API_KEY && !e.LLM_BASE_URL) {
    combined.push(`LLM_API_KEY: required when LLM_PROVIDER=${e.LLM_PROVIDER} talks to the provider's own API (set it, or set LLM_BASE_URL for a compatible server, or LLM_PROVIDER=none)`);
  }
  const ownSchema = list(e.NL_SCHEMAS).find((s) => s === e.GATEWAY_SCHEMA);
  if (ownSchema) combined.push(`NL_SCHEMAS: ${ownSchema} is the gateway's own schema (GATEWAY_SCHEMA), which is never exposed; list the schemas of your data (got NL_SCHEMAS=${e.NL_SCHEMAS})`);
  if (combined.length) throw new ConfigError(combined);
  const origins = e.CORS_ORIGINS.trim();
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      corsOrigins: origins === "*" ? "*" : origins.split(",").map((o) => o.trim()).filter(Boolean),
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
    },
    db: { url: e.DATABASE_URL ?? null, dataDir: e.DATA_DIR, poolSize: e.DB_POOL_SIZE, gatewaySchema: e.GATEWAY_SCHEMA },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
    cache: { ttlSeconds: e.CACHE_TTL_SECONDS, maxEntries: e.CACHE_MAX_ENTRIES },
    log: { level: e.LOG_LEVEL },
    api: {
      maxPageSize: e.MAX_PAGE_SIZE,
      defaultPageSize: Math.min(e.API_DEFAULT_PAGE_SIZE, e.MAX_PAGE_SIZE),
      schemas: list(e.API_SCHEMAS),
      tables: e.API_TABLES ? list(e.API_TABLES) : null,
      tablesDeny: e.API_TABLES_DENY ? list(e.API_TABLES_DENY) : [],
    },
    seed: { onStart: e.SEED_ON_START, scale: e.SEED_SCALE },
    ml: { maxTrainingRows: e.ML_MAX_TRAINING_ROWS, minTrainingRows: e.ML_MIN_TRAINING_ROWS, predictBatchMax: e.ML_PREDICT_BATCH_MAX },
    quality: { exactDistinctMaxRows: e.QUALITY_EXACT_DISTINCT_MAX_ROWS },
    schemaWatch: { pollMs: e.SCHEMA_POLL_MS },
    catalog: {
      schemas: list(e.NL_SCHEMAS),
      tables: e.NL_TABLES ? list(e.NL_TABLES) : null,
      valueIndexMaxDistinct: e.NL_VALUE_INDEX_MAX_DISTINCT,
      valueIndexScanRows: e.NL_VALUE_INDEX_SCAN_ROWS,
    },
    nl: {
      maxRows: e.NL_MAX_ROWS,
      defaultLimit: Math.min(e.NL_DEFAULT_LIMIT, e.NL_MAX_ROWS),
      statementTimeoutMs: e.NL_STATEMENT_TIMEOUT_MS,
      databaseUrl: e.NL_DATABASE_URL ?? null,
      maxQuestionLength: e.NL_MAX_QUESTION_LENGTH,
      pgliteMaxCost: e.NL_PGLITE_MAX_COST,
      strategy: [...new Set(list(e.NLSQL_STRATEGY))] as Array<"memory" | "offline" | "llm">,
      offlineMinConfidence: e.NL_OFFLINE_MIN_CONFIDENCE,
      memoryMinSimilarity: e.NL_MEMORY_MIN_SIMILARITY,
    },
    llm:
      e.LLM_PROVIDER === "none"
        ? null
        : {
            provider: e.LLM_PROVIDER,
            model: e.LLM_MODEL ?? defaultLlmModels[e.LLM_PROVIDER],
            baseUrl: e.LLM_BASE_URL ?? null,
            apiKey: e.LLM_API_KEY ?? null,
            timeoutMs: e.LLM_TIMEOUT_MS,
            maxRetries: e.LLM_MAX_RETRIES,
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
      writers: Math.min(e.INGEST_WRITERS ?? (e.DATABASE_URL ? 2 : 1), Math.max(1, Math.floor(e.DB_POOL_SIZE / 2))),
    },
    transform: { llmBatchSize: e.LLM_BATCH_SIZE, llmConcurrency: e.LLM_CONCURRENCY, llmTimeoutMs: e.LLM_TIMEOUT_MS, llmMaxRetries: e.LLM_MAX_RETRIES },
    ingest: {
      maxInlineRecords: e.INGEST_MAX_INLINE_RECORDS,
      inlineWaitMs: e.INGEST_INLINE_WAIT_MS,
      spoolDir: e.SPOOL_DIR ?? (e.DATA_DIR === "memory://" ? path.join(os.tmpdir(), "kz-spool") : path.join(e.DATA_DIR, "spool")),
    },
  };
}

/**
 * For entry points: parses the environment, or prints every problem and exits
 * with status 2. `check` may refuse a valid config for this process by throwing ConfigError.
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env, check?: (c: Config) => void): Config {
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
