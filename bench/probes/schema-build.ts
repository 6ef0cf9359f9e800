/**
 * One contender's schema builds over a database, in a fresh process started with --expose-gc (see
 * sections/schema-build.ts), printing one JSON line:
 *   { tables, firstMs, reloadMs: number[], retainedMB }
 * - `gateway`: what a start and each reload run — the gateway's LiveSchema over its code-first schema, building
 *   with the data API's factory (catalog fingerprint, introspectDataModel, buildDataApi, merge, validation, version).
 * - `postgraphile`: PostGraphile v4's createPostGraphileSchema of the same schema (its defaults, mutations
 *   included), then validateSchema, as its server does before the first request.
 * firstMs is the first build in the process (what a start pays); reloadMs the builds after it; retainedMB the heap
 * still held after the first build, after a full GC, beyond what the process held before it.
 * Usage: node --expose-gc --import tsx bench/probes/schema-build.ts gateway|postgraphile <database URL> <reloads>
 */
import { createRequire } from "node:module";
import pg from "pg";
import { pino } from "pino";
import { createPostGraphileSchema } from "postgraphile";
import { buildGatewaySchema } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { catalogFingerprint } from "../../src/services/catalog/index.js";
import { buildDataApiSchema } from "../../src/services/dataapi/index.js";
import { Database } from "../../src/services/db/index.js";
import { createGatewayPubSub } from "../../src/services/pubsub/index.js";
import { LiveSchema } from "../../src/services/schema/index.js";

const [contender, url, reloadsArg] = process.argv.slice(2);
if ((contender !== "gateway" && contender !== "postgraphile") || !url) throw new Error("usage: schema-build.ts gateway|postgraphile <database URL> <reloads>");
const reloads = Number(reloadsArg ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

/** Types named like the synthetic tables (Table0 … Table299): the build exposed every table. */
const tableTypes = (schema: { getTypeMap(): Record<string, unknown> }) => Object.keys(schema.getTypeMap()).filter((name) => /^Table\d+$/.test(name)).length;

const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const timed = async (build: () => Promise<unknown>) => {
  const t0 = performance.now();
  await build();
  return performance.now() - t0;
};

interface Builder {
  build(): Promise<void>;
  tables(): number;
  close(): Promise<void>;
}

async function gatewayBuilder(): Promise<Builder> {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "warn", NODE_ENV: "production" });
  const log = pino({ level: "warn" });
  const db = new Database({ url: url!, dataDir: "memory://", poolSize: 2, log, gatewaySchema: config.db.gatewaySchema });
  // The pool is connected by the time a gateway builds its API (migrations ran on it).
  await db.query("SELECT 1");
  const pubSub = createGatewayPubSub(null);
  const live = new LiveSchema({
    base: await buildGatewaySchema(pubSub.pubSub),
    build: (base) => buildDataApiSchema(base, { db, log, gatewaySchema: config.db.gatewaySchema, api: config.api }),
    fingerprint: () => catalogFingerprint(db, config.api.schemas),
    log,
  });
  return {
    build: async () => void (await live.reload()),
    tables: () => tableTypes(live.current),
    close: async () => {
      await live.close();
      await pubSub.close();
      await db.close();
    },
  };
}

async function postgraphileBuilder(): Promise<Builder> {
  // PostGraphile 4 brings graphql 15 of its own; its schema is checked with that one.
  const { validateSchema } = createRequire(createRequire(import.meta.url).resolve("postgraphile"))("graphql") as typeof import("graphql");
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query("SELECT 1");
  let schema: Awaited<ReturnType<typeof createPostGraphileSchema>> | null = null;
  return {
    build: async () => {
      // Its own pg typings differ from ours by a few debugging members; the pool is the same pg.Pool.
      const built = await createPostGraphileSchema(pool as never, "public", {});
      schema = built;
      const problems = validateSchema(built as never);
      if (problems.length) throw new Error(`PostGraphile built an invalid schema: ${problems[0]!.message}`);
    },
    tables: () => tableTypes(schema!),
    close: () => pool.end(),
  };
}

const builder = contender === "gateway" ? await gatewayBuilder() : await postgraphileBuilder();
try {
  const before = heapMB();
  const firstMs = await timed(() => builder.build());
  const retainedMB = heapMB() - before;
  const reloadMs: number[] = [];
  for (let i = 0; i < reloads; i++) reloadMs.push(await timed(() => builder.build()));
  console.log(JSON.stringify({ tables: builder.tables(), firstMs, reloadMs, retainedMB }));
} finally {
  await builder.close();
}
process.exit(0);
