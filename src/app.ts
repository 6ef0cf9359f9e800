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

export const VERSION = "0.1.0";

export interface Services {
  version: string;
  config: Config;
  log: Logger;
  db: Database;
  pubSub: PubSubHandle;
  ml: MlService;
  quality: QualityService;
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
}

export async function createApp(config: Config, opts: CreateAppOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.log.level);
  const db = new Database({ url: config.db.url, dataDir: config.db.dataDir, poolSize: config.db.poolSize, log });
  const pubSub = createGatewayPubSub(config.redis?.url ?? null);
  try {
    if (!opts.skipMigrations) await db.migrate();
    const ml = new MlService(db, pubSub.pubSub, config.ml, log);
    const quality = new QualityService(db, config.quality, log);
    const services: Services = { version: VERSION, config, log, db, pubSub, ml, quality };
    const schema = await buildSchema({
      resolvers,
      pubSub: pubSub.pubSub,
      validate: true,
      emitSchemaFile: false,
    });
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
