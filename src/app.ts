/**
 * The composition root: builds every service once from the config, picks the
 * adapters (PGlite or PostgreSQL, memory or Redis), builds the GraphQL schema
 * and the per-request context. Knows nothing of ports or signals.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import type { Config } from "./config.js";
import { RequestContext, type GatewayContext, type Auth } from "./context.js";
import { Database } from "./services/db/index.js";
import { createLogger, type Logger } from "./services/log.js";
import { createGatewayPubSub, type PubSubHandle } from "./services/pubsub/index.js";
import { SalesService } from "./services/sales/index.js";
import { buildDataApiSchema } from "./services/dataapi/index.js";
import { ExportService } from "./services/export/index.js";
import { resolvers } from "./resolvers/index.js";
import { MlService } from "./services/ml/index.js";
import { QualityService } from "./services/quality/index.js";
import { PipelineService } from "./services/pipeline/index.js";
import { CatalogService, catalogFingerprint } from "./services/catalog/index.js";
import { createNlsqlService, ResultCacheAnswers, type NlsqlService } from "./services/nlsql/index.js";
import { createChatModel } from "./services/llm/index.js";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createJobService, type JobService } from "./services/jobs/index.js";
import { IngestService, CatalogTables } from "./services/ingest/index.js";
import { TransformService } from "./services/transform/index.js";
import { ResultCache } from "./services/cache/index.js";
import { ObservabilityService } from "./services/observability/index.js";
import { LiveSchema, type SchemaChange, type SchemaReload } from "./services/schema/index.js";

export const VERSION = "0.1.0";

export interface Services {
  version: string;
  config: Config;
  log: Logger;
  db: Database;
  pubSub: PubSubHandle;
  sales: SalesService;
  exporter: ExportService;
  ml: MlService;
  quality: QualityService;
  pipelines: PipelineService;
  catalog: CatalogService;
  nlsql: NlsqlService;
  jobs: JobService;
  ingest: IngestService;
  transform: TransformService;
  cache: ResultCache;
  observability: ObservabilityService;
  /** The API schema in use, rebuilt when the database's tables change. */
  schema: LiveSchema;
}

/**
 * Builds the API schema from the code-first one, on start and on every
 * reload (`services` is complete when it is called). It may read the
 * database; what it returns must be a valid schema (see
 * services/schema/merge.ts for adding graphql-js fields to the base).
 */
export type SchemaFactory = (base: GraphQLSchema, services: Services) => Promise<GraphQLSchema>;

/** The code-first schema alone (CLIs and tests that need no data API). */
export const codeFirstSchema: SchemaFactory = async (base) => base;

/** The default API: the code-first operations plus the data API generated from API_SCHEMAS. */
export const dataApiSchema: SchemaFactory = (base, services) =>
  buildDataApiSchema(base, { db: services.db, log: services.log, gatewaySchema: services.config.db.gatewaySchema, api: services.config.api });

export interface App {
  /** The schema new operations run on (replaced by reloads). */
  readonly schema: GraphQLSchema;
  services: Services;
  /** Rebuilds the API schema now; rejects with SchemaBuildError (old schema kept) when the build fails. */
  reloadSchema(): Promise<SchemaReload>;
  /** Called with every new schema once it is in use; returns a function that stops listening. */
  onSchemaChange(listener: (change: SchemaChange) => void): () => void;
  /** Follows DDL by polling the catalog fingerprint every `intervalMs` (default SCHEMA_POLL_MS; 0 = off). Returns stop. */
  watchSchema(intervalMs?: number): () => void;
  /** A fresh context for one request or websocket operation. */
  createContext(input: { auth?: Auth; requestId?: string }): GatewayContext;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** A logger to use instead of one built from config (tests pass a silent one). */
  log?: Logger;
  /** Skip applying migrations on start (the CLI's migrate command does it itself). */
  skipMigrations?: boolean;
  /** A chat model to use instead of the configured one (tests pass LangChain fakes). */
  chatModel?: BaseChatModel;
  /** False: build the job engine but run nothing (CLIs that only need the schema). Default true. */
  startJobs?: boolean;
  /** Builds the API schema from the code-first one; default dataApiSchema. */
  schemaFactory?: SchemaFactory;
}

/** The GraphQL schema from the resolver classes (also used by `npm run schema:emit`, without a database). */
export function buildGatewaySchema(pubSub: PubSubHandle["pubSub"]): Promise<GraphQLSchema> {
  // validate: false — no input class carries class-validator rules (services validate and name every problem),
  // and type-graphql's per-argument validate() pass cost ~0.5 ms on every request with an input argument.
  return buildSchema({ resolvers, pubSub, validate: false, emitSchemaFile: false });
}

export async function createApp(config: Config, opts: CreateAppOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.log.level);
  const db = new Database({ url: config.db.url, dataDir: config.db.dataDir, poolSize: config.db.poolSize, log, gatewaySchema: config.db.gatewaySchema });
  const pubSub = createGatewayPubSub(config.redis?.url ?? null, (err) => log.warn({ err: err.message }, "redis pub/sub connection problem"));
  const closers: Array<() => Promise<void>> = [];
  const cache = new ResultCache({
    maxEntries: config.cache.maxEntries,
    defaultTtlSeconds: config.cache.ttlSeconds,
    redis: config.redis,
    log,
    // The user's tables (any schema but the gateway's and PostgreSQL's own), by the names writes invalidate.
    listTables: async () =>
      (await db.query<{ t: string }>(`SELECT DISTINCT tablename AS t FROM pg_catalog.pg_tables WHERE ${db.gateway.userSchemas("schemaname")} ORDER BY 1`)).rows.map((r) => r.t),
  });
  const observability = new ObservabilityService(db, cache);
  let jobs: JobService | null = null;
  try {
    if (!opts.skipMigrations) await db.migrate();
    const catalog = new CatalogService({ db, log, ...config.catalog, gatewaySchema: db.gateway });
    jobs = await createJobService({ config, db, pubSub, log });
    const ingestTables = new CatalogTables(catalog, db);
    // Every write path drops the cached answers that read the tables it wrote.
    const invalidateTables = (tables: string[]) => cache.invalidateTables(tables).then(() => undefined);
    const ingest = new IngestService({ engine: jobs.engine, tables: ingestTables, config, log, invalidateTables });
    // One chat model for every LLM user (NL→SQL, transform rules), built from LLM_* unless a test passes one.
    const chatModel = opts.chatModel ?? (config.llm ? await createChatModel(config.llm) : undefined);
    const transform = new TransformService({ config, db, engine: jobs.engine, ingest, tables: ingestTables, log, chatModel: () => chatModel ?? null, invalidateTables });
    const nlsql = await createNlsqlService({ config, log, db, catalog, chatModel, cache: new ResultCacheAnswers(cache) });
    closers.push(nlsql.close);
    const ml = new MlService(db, pubSub.pubSub, config.ml, log, jobs.engine, () => catalog.get(), invalidateTables);
    const quality = new QualityService(db, config.quality, log, jobs.engine, () => catalog.get());
    const pipelines = new PipelineService(jobs.engine, log, { transform, ml, quality });
    const services: Services = {
      version: VERSION,
      config,
      log,
      db,
      pubSub,
      catalog,
      nlsql: nlsql.service,
      jobs,
      ingest,
      transform,
      cache,
      observability,
      sales: new SalesService(db),
      exporter: new ExportService(db, ingestTables),
      ml,
      quality,
      pipelines,
      schema: new LiveSchema({
        base: await buildGatewaySchema(pubSub.pubSub),
        build: (base) => (opts.schemaFactory ?? dataApiSchema)(base, services),
        fingerprint: () => catalogFingerprint(db, [...new Set([...config.api.schemas, ...config.catalog.schemas])]),
        log,
      }),
    };
    // After DDL the services that keep table lists forget them before the API is rebuilt (a build may read
    // them), and cached answers of tables that changed shape or went away are dropped.
    services.schema.onCatalogChange(async (diff) => {
      catalog.expire();
      ingestTables.forget();
      const changed = [...diff.altered, ...diff.removed];
      if (changed.length) await cache.invalidateTables(changed.map((t) => t.slice(t.indexOf(".") + 1)));
    });
    await services.schema.init();
    // Handlers are registered above (ingest, batch update, ml, …); only now may queued or orphaned jobs resume.
    if (opts.startJobs !== false) await jobs.start();
    return {
      get schema() {
        return services.schema.current;
      },
      services,
      reloadSchema: () => services.schema.reload(),
      onSchemaChange: (listener) => services.schema.onChange(listener),
      watchSchema: (intervalMs = config.schemaWatch.pollMs) => services.schema.watch(intervalMs),
      createContext: ({ auth, requestId }) => new RequestContext(services, auth ?? { scope: "public" }, requestId ?? randomUUID(), log),
      close: async () => {
        await services.schema.close();
        for (const c of closers) await c();
        services.ml.close();
        await services.jobs.close();
        await pubSub.close();
        await cache.close();
        await db.close();
      },
    };
  } catch (err) {
    await jobs?.close().catch(() => {});
    await pubSub.close();
    await cache.close();
    await db.close();
    throw err;
  }
}
