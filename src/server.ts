/**
 * Process entry: parse config, build the app, seed the demo shop on first
 * start (embedded mode), listen, and drain cleanly on SIGTERM/SIGINT.
 */
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createApp } from "./app.js";
import { startGateway } from "./http/gateway.js";
import { seedIfEmpty } from "./services/seed/index.js";

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}

const app = await createApp(config);
const { log } = app.services;
if (config.seed.onStart) await seedIfEmpty(app.services.db, { scale: config.seed.scale, log });
const gateway = await startGateway(app, config.http);
log.info({ url: gateway.url, database: app.services.db.kind, pubSub: app.services.pubSub.kind }, "gateway listening");
console.log(`\n  Kaizen DataFlow Gateway is up.\n  GraphiQL:  ${gateway.url}/graphiql\n  GraphQL:   ${gateway.graphqlUrl}  (websocket: ${gateway.wsUrl})\n`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down: draining requests and subscriptions");
  const force = setTimeout(() => {
    log.error("shutdown took longer than 10 s; exiting anyway");
    process.exit(1);
  }, 10_000);
  force.unref();
  await gateway.close();
  await app.close();
  log.info("shutdown complete");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
