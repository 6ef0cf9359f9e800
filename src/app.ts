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
import type { GatewayContext, Auth } from "./context.js";
import { Database } from "./services/db/index.js";
import { createLogger, type Logger } from "./services/log.js";
import { createGatewayPubSub, type PubSubHandle } from "./services/pubsub/index.js";
import { createLoaders } from "./services/loaders/index.js";
import { resolvers } from "./resolvers/index.js";
import { MlService } from "./services/ml/index.js";
import { QualityService } from "./services/quality/index.js";
import { PipelineService } from "./services/pipeline/index.js";
import { CatalogService } from "./services/catalog/index.js";
import { defaultPrismaPaths } from "./services/db/index.js";
import { createJobService, type JobService } from "./services/jobs/index.js";
import { IngestService, IntrospectedTables } from "./services/ingest/index.js";
import { TransformService } from "./services/transform/index.js";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

export const VERSION = "0.1.0";

export interface Services {
  version: string;
  config: Config;
  log: Logger;
  db: Database;
  pubSub: PubSubHandle;
  ml: MlService;
  quality: QualityService;
  pipelines: PipelineService;
  catalog: CatalogService;
  jobs: JobService;
  ingest: IngestService;
  transform: TransformService;
}

export interface App {
  schema: GraphQLSchema;
  services: Services;
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
}

export async function createApp(config: Config, opts: CreateAppOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.log.level);
  const db = new Database({ url: config.db.url, dataDir: config.db.dataDir, poolSize: config.db.poolSize, log });
  const pubSub = createGatewayPubSub(config.redis?.url ?? null);
  try {
    if (!opts.skipMigrations) await db.migrate();
    const catalog = new CatalogService({ db, log, ...config.catalog, prismaSchemaFile: defaultPrismaPaths().schemaFile });
    const jobs = createJobService({ config, db, pubSub, log });
    // TODO(catalog): pass the catalog service as `tables` once it lands; IntrospectedTables is the interim source.
    const ingestTables = new IntrospectedTables(db);
    const ingest = new IngestService({ engine: jobs.engine, tables: ingestTables, config, log });
    const transform = new TransformService({ config, db, engine: jobs.engine, ingest, tables: ingestTables, log, chatModel: () => opts.chatModel ?? null });
    const ml = new MlService(db, pubSub.pubSub, config.ml, log, jobs.engine, () => catalog.get());
    const quality = new QualityService(db, config.quality, log, jobs.engine);
    const pipelines = new PipelineService(jobs.engine, log);
    const services: Services = { version: VERSION, config, log, db, pubSub, catalog, jobs, ingest, transform, ml, quality, pipelines };
    const schema = await buildSchema({
      resolvers,
      pubSub: pubSub.pubSub,
      validate: true,
      emitSchemaFile: false,
    });
    // Handlers are registered above (ingest, batch update, ml, …); only now may queued or orphaned jobs resume.
    if (opts.startJobs !== false) await jobs.start();
    return {
      schema,
      services,
      createContext: ({ auth, requestId }) => {
        const id = requestId ?? randomUUID();
        return {
          services,
          loaders: createLoaders(db.prisma),
          auth: auth ?? { scope: "public" },
          requestId: id,
          log: log.child({ requestId: id }),
        };
      },
      close: async () => {
        services.ml.close();
        await jobs.close();
        await pubSub.close();
        await db.close();
      },
    };
  } catch (err) {
    await pubSub.close();
    await db.close();
    throw err;
  }
}
