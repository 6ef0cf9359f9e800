import { loadConfigOrExit } from "./config.js";
import { stopOnSignals } from "./shutdown.js";
import { createApp } from "./app.js";
import { startGateway } from "./http/gateway.js";
import { seedIfEmpty } from "./services/seed/index.js";
const config = loadConfigOrExit();
const app = await createApp(config);
const { log } = app.services;
if (config.seed.onStart) await seedIfEmpty(app.services.db, { scale: config.seed.scale, log });
const gateway = await startGateway(app, config.http);
log.info({ url: gateway.url, database: app.services.db.kind, pubSub: app.services.pubSub.kind }, "gateway listening");
console.log(`
  Kaizen DataFlow Gateway is up.
  GraphiQL:  ${gateway.url}/graphiql
  GraphQL:   ${gateway.graphqlUrl}  (websocket: ${gateway.wsUrl})
`);
stopOnSignals(log, { what: "gateway", timeoutMs: 1e4 }, async () => {
  await gateway.close();
  await app.close();
});
