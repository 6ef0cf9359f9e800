/**
 * HTTP and websocket wiring around an App: Apollo Server on express 5 at
 * /graphql, graphql-ws on the same path, GraphiQL, health endpoints, CORS and
 * body limits. Returns a handle whose close() drains in-flight work.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import express, { type ErrorRequestHandler } from "express";
import cors from "cors";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { App } from "../app.js";
import type { GatewayContext } from "../context.js";
import { createFormatError } from "./format-error.js";
import { graphiqlAssets, graphiqlHtml, wantsHtml } from "./graphiql.js";
import { exportRouter } from "./export.routes.js";
import { graphqlHandler, isPlainGraphqlPost } from "./graphql-handler.js";
import { sendHttpError } from "./http-errors.js";
import { JitGateway } from "./jit-executor.js";
import { ingestRouter } from "./ingest.routes.js";
import { responseCachePlugin } from "./response-cache.plugin.js";
import { requestLogPlugin } from "./request-log.plugin.js";
import { metricsRouter } from "./metrics.route.js";

export interface Gateway {
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  server: http.Server;
  close(): Promise<void>;
}

export interface ListenOptions {
  port: number;
  host: string;
}

function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

export async function startGateway(app: App, listen: ListenOptions): Promise<Gateway> {
  const { config, log } = app.services;
  const expressApp = express();
  expressApp.disable("x-powered-by");
  // The request listener is attached once Apollo has started (see below).
  const httpServer = http.createServer();

  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const wsCleanup = useServer(
    {
      // Read per operation: a new subscription runs on the schema of its moment, an open one keeps its own.
      schema: () => app.schema,
      context: (ctx) => {
        const headers = ctx.extra.request.headers;
        const id = typeof headers["x-request-id"] === "string" ? headers["x-request-id"] : undefined;
        return app.createContext({ requestId: id });
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<GatewayContext>({
    gateway: new JitGateway(app.services.schema),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Entry points own SIGTERM/SIGINT (src/shutdown.ts). Apollo's own handler would stop the server
    // first, and our drain then waited out its 10 s grace period on every shutdown.
    stopOnTerminationSignals: false,
    formatError: createFormatError(log, { includeStack: config.env === "development" }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Our result cache decides what is cached; Apollo's cache-control hints would only cost a hook per field.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(app.services.observability),
      responseCachePlugin(app.services.cache),
      { serverWillStart: async () => ({ drainServer: async () => { stopWatching(); await wsCleanup.dispose(); } }) },
    ],
  });
  await apollo.start();
  // This process serves the API, so it follows DDL (SCHEMA_POLL_MS); workers never poll.
  const stopWatching = app.watchSchema();

  const corsMiddleware = cors({
    origin: config.http.corsOrigins === "*" ? true : config.http.corsOrigins,
    credentials: true,
    exposedHeaders: ["x-request-id", "x-cache"],
  });
  expressApp.use(corsMiddleware);

  // GraphQL first: it is the hot path, and every layer before it is matched on every request.
  const page = graphiqlHtml("/graphql");
  expressApp.get("/graphql", (req, res, next) => {
    if (wantsHtml(req.header("accept")) && req.query.query === undefined) {
      res.type("html").send(page);
      return;
    }
    next();
  });

  const graphql = graphqlHandler(apollo, {
    bodyLimitBytes: config.http.bodyLimitBytes,
    context: async (req, res) => {
      const requestId = requestIdOf(req);
      res.setHeader("x-request-id", requestId);
      return app.createContext({ requestId });
    },
  });
  expressApp.use("/graphql", graphql.middleware);

  expressApp.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  expressApp.get("/readyz", async (_req, res) => {
    const r = await app.services.db.readiness();
    res.status(r.ready ? 200 : 503).json(r.ready ? { status: "ready" } : { status: "not ready", reason: r.reason });
  });

  expressApp.use("/export", exportRouter(app.services.exporter, log.child({ component: "export" })));

  expressApp.use(ingestRouter(app));
  expressApp.use(metricsRouter(app.services.observability));
  expressApp.use(graphiqlAssets());
  expressApp.get("/graphiql", (_req, res) => {
    res.type("html").send(page);
  });

  const bodyErrors: ErrorRequestHandler = (err, _req, res, _next) => sendHttpError(res, err, log);
  expressApp.use(bodyErrors);

  // Plain JSON POSTs to /graphql, nearly all GraphQL traffic, skip express: its per-request work (swapping
  // the prototypes of req and res, which also slows node's own code on them afterwards, and walking the
  // router) cost about a fifth of the gateway's CPU per request (alternating loads on a gateway with and
  // without it, CPU seconds per request read from /proc: 1.30 → 1.01 ms).
  // Everything else, GET /graphql and encoded bodies included, goes through express as before.
  const failPlain = (res: http.ServerResponse) => (err: unknown) => sendHttpError(res, err, log);
  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (isPlainGraphqlPost(req)) corsMiddleware(req, res, () => graphql.serve(req, res, failPlain(res)));
    else expressApp(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(listen.port, listen.host, () => resolve());
  });
  const addr = httpServer.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${addr.port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    wsUrl: `${url.replace(/^http/, "ws")}/graphql`,
    server: httpServer,
    close: () => {
      closing ??= (async () => {
        await apollo.stop();
        wsServer.close();
      })();
      return closing;
    },
  };
}
