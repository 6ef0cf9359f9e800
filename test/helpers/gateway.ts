/**
 * Starts the real gateway in-process on a free port against a fresh backend,
 * and speaks GraphQL to it over real HTTP and WebSocket clients.
 */
import { pino } from "pino";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { loadConfig, type Config } from "../../src/config.js";
import { createApp, type App, type CreateAppOptions } from "../../src/app.js";
import { startGateway, type Gateway } from "../../src/http/gateway.js";
import { createDemoTables } from "../../src/services/seed/index.js";
import { freshBackend, type Backend, type BackendName } from "./backends.js";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

export interface TestGateway {
  backend: Backend;
  config: Config;
  app: App;
  gateway: Gateway;
  /** POST a GraphQL operation; returns the parsed body and the HTTP response. */
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: GraphQLResponse<T>; headers: Headers }>;
  /** Like request, but fails with the query and the whole response when there are errors. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Like request, but expects errors and returns the first one. */
  gqlError(query: string, variables?: Record<string, unknown>): Promise<{ message: string; extensions?: Record<string, any> }>;
  wsClient(): Client;
  close(): Promise<void>;
}

export interface TestGatewayOptions extends CreateAppOptions {
  /**
   * Create the demo shop's tables, empty, after the app started (as `npm run seed` would, without its rows), and
   * rebuild the API schema so the data API serves them. The gateway itself never creates them when started this way.
   */
  demoTables?: boolean;
}

/**
 * Starts a gateway on a fresh backend of that name, or on `backend` itself (a database a test prepared; it is
 * cleaned up on close like a fresh one). The schema watcher is off unless a test sets SCHEMA_POLL_MS: its
 * catalog query, sent in the background every interval, would land in the statement counts tests take.
 */
export async function startTestGateway(backendOrName: BackendName | Backend, env: Record<string, string> = {}, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const backend = typeof backendOrName === "string" ? await freshBackend(backendOrName) : backendOrName;
  const { demoTables, ...appOptions } = options;
  const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test", PORT: "0", SCHEMA_POLL_MS: "0", ...backend.env, ...env });
  const app = await createApp(config, { log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }), ...appOptions });
  if (demoTables) {
    await app.services.db.transaction((tx) => createDemoTables(tx));
    await app.reloadSchema();
  }
  const gateway = await startGateway(app, { port: 0, host: "127.0.0.1" });
  const clients: Client[] = [];

  const request: TestGateway["request"] = async (query, variables, headers = {}) => {
    const res = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: GraphQLResponse<any>;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`non-JSON response ${res.status}: ${text.slice(0, 500)}`);
    }
    return { status: res.status, body, headers: res.headers };
  };

  return {
    backend,
    config,
    app,
    gateway,
    request,
    gql: async (query, variables) => {
      const { status, body } = await request(query, variables);
      if (body.errors?.length || !body.data) {
        throw new Error(`GraphQL operation failed (HTTP ${status})\nquery: ${query}\nvariables: ${JSON.stringify(variables)}\nresponse: ${JSON.stringify(body, null, 2)}`);
      }
      return body.data as never;
    },
    gqlError: async (query, variables) => {
      const { body } = await request(query, variables);
      if (!body.errors?.length) throw new Error(`expected an error\nquery: ${query}\nresponse: ${JSON.stringify(body, null, 2)}`);
      return body.errors[0]!;
    },
    wsClient: () => {
      const client = createClient({ url: gateway.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.dispose()));
      await gateway.close();
      await app.close();
      await backend.cleanup();
    },
  };
}

/** Collects up to `max` events of a subscription, or until it completes. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>, max: number): Promise<Array<GraphQLResponse<T>>> {
  return new Promise((resolve, reject) => {
    const out: Array<GraphQLResponse<T>> = [];
    const stop = client.subscribe<T>(
      { query, variables },
      {
        next: (v) => {
          out.push(v as GraphQLResponse<T>);
          if (out.length >= max) {
            stop();
            resolve(out);
          }
        },
        error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
        complete: () => resolve(out),
      },
    );
  });
}
