/**
 * The gateway's configuration, parsed once from the environment. Nothing else
 * reads process.env. Every problem is reported at once, naming the variable.
 */
import { z } from "zod";

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
  DB_POOL_SIZE: int(1, 500).default(10),
  REDIS_URL: redisUrl.optional(),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, "expected letters, digits, _ : . or -").default("kz"),
  CACHE_TTL_SECONDS: int(1, 7 * 24 * 3600).default(60),
  CACHE_MAX_ENTRIES: int(1, 10_000_000).default(10_000),
  CORS_ORIGINS: z.string().default("*"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_PAGE_SIZE: int(1, 10_000).default(500),
  BODY_LIMIT_BYTES: int(1024, 1024 ** 3).default(1024 * 1024),
  SEED_ON_START: bool.default("true"),
  SEED_SCALE: z.coerce.number({ message: "expected a number" }).positive().max(100).default(0.1),
  ML_MAX_TRAINING_ROWS: int(100, 10_000_000).default(200_000),
  ML_MIN_TRAINING_ROWS: int(4, 1_000_000).default(20),
  ML_PREDICT_BATCH_MAX: int(1, 1_000_000).default(10_000),
  QUALITY_EXACT_DISTINCT_MAX_ROWS: int(0, 1_000_000_000).default(1_000_000),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: "development" | "production" | "test";
  http: { port: number; host: string; corsOrigins: string[] | "*"; bodyLimitBytes: number };
  db: { url: string | null; dataDir: string; poolSize: number };
  /** Keys and channels of this deployment start with `prefix`, so several can share one Redis. */
  redis: { url: string; prefix: string } | null;
  cache: { ttlSeconds: number; maxEntries: number };
  log: { level: string };
  api: { maxPageSize: number };
  seed: { onStart: boolean; scale: number };
  /** Training keeps at most maxTrainingRows (a uniform sample above it); predictBatch takes at most predictBatchMax inputs. */
  ml: { maxTrainingRows: number; minTrainingRows: number; predictBatchMax: number };
  /** Above exactDistinctMaxRows rows, distinct counts are estimated from a sample. */
  quality: { exactDistinctMaxRows: number };
}

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
  const origins = e.CORS_ORIGINS.trim();
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      corsOrigins: origins === "*" ? "*" : origins.split(",").map((o) => o.trim()).filter(Boolean),
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
    },
    db: { url: e.DATABASE_URL ?? null, dataDir: e.DATA_DIR, poolSize: e.DB_POOL_SIZE },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
    cache: { ttlSeconds: e.CACHE_TTL_SECONDS, maxEntries: e.CACHE_MAX_ENTRIES },
    log: { level: e.LOG_LEVEL },
    api: { maxPageSize: e.MAX_PAGE_SIZE },
    seed: { onStart: e.SEED_ON_START, scale: e.SEED_SCALE },
    ml: { maxTrainingRows: e.ML_MAX_TRAINING_ROWS, minTrainingRows: e.ML_MIN_TRAINING_ROWS, predictBatchMax: e.ML_PREDICT_BATCH_MAX },
    quality: { exactDistinctMaxRows: e.QUALITY_EXACT_DISTINCT_MAX_ROWS },
  };
}
