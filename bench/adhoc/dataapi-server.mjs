// Ad-hoc: the gateway (compiled, as `npm start` runs it) serving its own schema plus the generated data API
// over `public`, merged as the app will merge them (generated names step around the hand-written ones:
// publicOrders, publicOrder, …). For comparing the generated API with the hand-written resolvers and
// PostGraphile on the same process shape. Not part of the product.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compileSources, root } from "../../scripts/build.mjs";

await compileSources();
const load = (p) => import(pathToFileURL(path.join(root, "dist", "src", p)).href);
const { loadConfig } = await load("config.js");
const { createApp } = await load("app.js");
const { startGateway } = await load("http/gateway.js");
const { introspectDataModel, buildDataApi } = await load("services/dataapi/index.js");
const { GraphQLObjectType, GraphQLSchema } = await import("graphql");

const config = loadConfig();
const app = await createApp(config);
const host = app.schema;
const model = await introspectDataModel(app.services.db, { schemas: config.api.schemas });
const api = buildDataApi(model, {
  pageInfoType: host.getType("PageInfo"),
  reservedTypeNames: Object.keys(host.getTypeMap()),
  reservedQueryFields: Object.keys(host.getQueryType().getFields()),
  reservedMutationFields: Object.keys(host.getMutationType()?.getFields() ?? {}),
  maxPageSize: config.api.maxPageSize,
  defaultPageSize: config.api.defaultPageSize,
});
const cfg = host.toConfig();
const extend = (t, fields) => new GraphQLObjectType({ ...t.toConfig(), fields: { ...t.toConfig().fields, ...fields } });
const schema = new GraphQLSchema({ ...cfg, query: extend(cfg.query, api.query), mutation: extend(cfg.mutation, api.mutation), types: [...cfg.types.filter((t) => t.name !== "Query" && t.name !== "Mutation"), ...api.types] });
const gateway = await startGateway({ ...app, schema }, { port: config.http.port, host: config.http.host });
const stop = async () => {
  await gateway.close();
  await app.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
