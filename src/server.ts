/**
 * Process entry: parse config, build the app, seed the demo shop as
 * SEED_ON_START says (by default only on the first start of an empty embedded
 * database), listen, and drain cleanly on SIGTERM/SIGINT.
 */
import { loadConfigOrExit } from "./config.js";
import { stopOnSignals } from "./shutdown.js";
import { createApp } from "./app.js";
import { startGateway } from "./http/gateway.js";
import { seedOnStart } from "./services/seed/index.js";

const config = loadConfigOrExit();

const app = await createApp(config);
const { log } = app.services;
// The demo's tables are new to the catalog and to the data API built with the app: both are refreshed before the first request.
if (await seedOnStart(app.services.db, { mode: config.seed.onStart, scale: config.seed.scale, log })) {
  await app.services.catalog.refresh();
  await app.reloadSchema();
}
const gateway = await startGateway(app, config.http);
log.info({ url: gateway.url, database: app.services.db.kind, pubSub: app.services.pubSub.kind }, "gateway listening");
console.log(`\n  Kaizen DataFlow Gateway is up.\n  GraphiQL:  ${gateway.url}/graphiql\n  GraphQL:   ${gateway.graphqlUrl}  (websocket: ${gateway.wsUrl})\n`);

// Drain order: stop accepting, finish in-flight requests and close subscriptions, then jobs, pool and PGlite.
stopOnSignals(log, { what: "gateway", timeoutMs: 10_000 }, async () => {
  await gateway.close();
  await app.close();
});
