import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { buildSchema } from "type-graphql";
import { RequestContext } from "./context.js";
import { Database } from "./services/db/index.js";
import { createLogger } from "./services/log.js";
import { createGatewayPubSub } from "./services/pubsub/index.js";
import { loaderFactory } from "./services/loaders/index.js";
import { createShopServices } from "./services/shop/index.js";
import { SalesService } from "./services/sales/index.js";
import { ExportService } from "./services/export/index.js";
import { resolvers } from "./resolvers/index.js";
import { MlService } from "./services/ml/index.js";
import { QualityService } from "./services/quality/index.js";
import { PipelineService } from "./services/pipeline/index.js";
import { CatalogService } from "./services/catalog/index.js";
import { createNlsqlService, ResultCacheAnswers } from "./services/nlsql/index.js";
import { createChatModel } from "./services/llm/index.js";
import { defaultPrismaPaths } from "./services/db/index.js";
import { createJobService } from "./services/jobs/index.js";
import { IngestService, CatalogTables } from "./services/ingest/index.js";
import { TransformService } from "./services/transform/index.js";
import { ResultCache } from "./services/cache/index.js";
import { ObservabilityService } from "./services/observability/index.js";
const VERSION = "0.1.0";
function buildGatewaySchema(pubSub) {
  return buildSchema({ resolvers, pubSub, validate: false, emitSchemaFile: false });
}
async function createApp(config, opts = {}) {
  const log = opts.log ?? createLogger(config.log.level);
  const db = new Database({ url: config.db.url, dataDir: config.db.dataDir, poolSize: config.db.poolSize, log });
  const pubSub = createGatewayPubSub(config.redis?.url ?? null, (err) => log.warn({ err: err.message }, "redis pub/sub connection problem"));
  const closers = [];
  const cache = new ResultCache({
    maxEntries: config.cache.maxEntries,
    defaultTtlSeconds: config.cache.ttlSeconds,
    redis: config.redis,
    log,
    listTables: async () => (await db.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`)).rows.map((r) => r.t)
  });
  const observability = new ObservabilityService(db, cache);
  let jobs = null;
  try {
    if (!opts.skipMigrations) await db.migrate();
    const catalog = new CatalogService({ db, log, ...config.catalog, prismaSchemaFile: defaultPrismaPaths().schemaFile });
    jobs = await createJobService({ config, db, pubSub, log });
    const ingestTables = new CatalogTables(catalog, db);
    const invalidateTables = (tables) => cache.invalidateTables(tables).then(() => void 0);
    const ingest = new IngestService({ engine: jobs.engine, tables: ingestTables, config, log, invalidateTables });
    const chatModel = opts.chatModel ?? (config.llm ? await createChatModel(config.llm) : void 0);
    const transform = new TransformService({ config, db, engine: jobs.engine, ingest, tables: ingestTables, log, chatModel: () => chatModel ?? null, invalidateTables });
    const nlsql = await createNlsqlService({ config, log, db, catalog, chatModel, cache: new ResultCacheAnswers(cache) });
    closers.push(nlsql.close);
    const ml = new MlService(db, pubSub.pubSub, config.ml, log, jobs.engine, () => catalog.get(), invalidateTables);
    const quality = new QualityService(db, config.quality, log, jobs.engine, () => catalog.get());
    const pipelines = new PipelineService(jobs.engine, log, { transform, ml, quality });
    const services = {
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
      shop: createShopServices({ prisma: db.prisma, db, maxPageSize: config.api.maxPageSize }),
      sales: new SalesService(db),
      exporter: new ExportService(db, ingestTables),
      ml,
      quality,
      pipelines
    };
    const schema = await buildGatewaySchema(pubSub.pubSub);
    const newLoaders = loaderFactory(db.prisma, { maxPageSize: config.api.maxPageSize });
    if (opts.startJobs !== false) await jobs.start();
    return {
      schema,
      services,
      createContext: ({ auth, requestId }) => new RequestContext(services, newLoaders(), auth ?? { scope: "public" }, requestId ?? randomUUID(), log),
      close: async () => {
        for (const c of closers) await c();
        services.ml.close();
        await services.jobs.close();
        await pubSub.close();
        await cache.close();
        await db.close();
      }
    };
  } catch (err) {
    await jobs?.close().catch(() => {
    });
    await pubSub.close();
    await cache.close();
    await db.close();
    throw err;
  }
}
export {
  VERSION,
  buildGatewaySchema,
  createApp
};
