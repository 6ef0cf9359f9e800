/**
 * A gateway serving the generated data API: the real app (migrations, services, context) with a schema
 * assembled here — the gateway's own schema plus the data API's fields, or the data API alone beside
 * the gateway's PageInfo — served by the real HTTP wiring (Apollo + graphql-jit) on port 0. Also runs
 * operations through graphql-js `execute` and graphql-jit directly, to check the two agree.
 */
import fs from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { GraphQLObjectType, GraphQLSchema, Kind, execute, parse, validate, type ExecutionResult, type GraphQLFieldConfigMap, type OperationDefinitionNode } from "graphql";
import { hasRecursiveInputVariable } from "../../src/http/jit-executor.js";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { loadConfig, type Config } from "../../src/config.js";
import { codeFirstSchema, createApp, type App, type SchemaFactory } from "../../src/app.js";
import { startGateway, type Gateway } from "../../src/http/gateway.js";
import { buildDataApi, introspectDataModel, type DataApi, type DataModel } from "../../src/services/dataapi/index.js";
import { mergeSchema, type SchemaExtension } from "../../src/services/schema/index.js";
import { freshBackend, type Backend, type BackendName } from "./backends.js";
import type { GraphQLResponse } from "./gateway.js";

export const fixtureSql = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures", name), "utf8");

/** Runs a script of statements one at a time (PGlite's query takes one statement). */
export async function runScript(app: App, sql: string): Promise<void> {
  const statements = sql
    .split("\n")
    .filter((l) => !l.trim().startsWith("--"))
    .join("\n")
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statements) await app.services.db.query(s);
}

export interface DataApiHarness {
  backend: Backend;
  config: Config;
  app: App;
  model: DataModel;
  api: DataApi;
  schema: GraphQLSchema;
  gateway: Gateway;
  /** POST over HTTP (result cache bypassed); returns the body. */
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Over HTTP; fails with the query and the whole response when there are errors. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Over HTTP; expects errors and returns the first. */
  gqlError(query: string, variables?: Record<string, unknown>): Promise<{ message: string; path?: unknown; extensions?: Record<string, any> }>;
  /** Runs in-process through graphql-js execute and through graphql-jit; returns both results. */
  both(query: string, variables?: Record<string, unknown>): Promise<{ js: ExecutionResult; jit: ExecutionResult }>;
  /** Texts of the statements sent through app.services.db.query since start (or the last reset). */
  sent: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  fixture?: string;
  /** Runs after the fixture, before introspection (e.g. seeding the demo shop). */
  prepare?: (app: App) => Promise<void>;
  schemas: string[];
  allow?: string[];
  deny?: string[];
  /** "merged": the gateway's schema plus the data API (its names reserved); "alone": PageInfo + the data API. */
  mode: "merged" | "alone";
  env?: Record<string, string>;
  maxPageSize?: number;
  defaultPageSize?: number;
}

export async function startDataApi(backendName: BackendName, opts: HarnessOptions): Promise<DataApiHarness> {
  const backend = await freshBackend(backendName);
  const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test", PORT: "0", SEED_ON_START: "false", ...backend.env, ...(opts.env ?? {}) });
  // The app's schema factory builds the data API the way this harness asks (alone or merged, its own lists and
  // page sizes), once the fixture is loaded: until then it serves the code-first schema.
  let fixtureLoaded = false;
  let built: { model: DataModel; api: DataApi; schema: GraphQLSchema } | null = null;
  const harnessSchema: SchemaFactory = async (host, services) => {
    if (!fixtureLoaded) return codeFirstSchema(host, services);
    const model = await introspectDataModel(services.db, { schemas: opts.schemas, allow: opts.allow, deny: opts.deny });
    const pageInfoType = host.getType("PageInfo") as GraphQLObjectType;
    const merged = opts.mode === "merged";
    const api = buildDataApi(model, {
      pageInfoType,
      reservedTypeNames: merged ? Object.keys(host.getTypeMap()) : ["PageInfo"],
      reservedQueryFields: merged ? Object.keys(host.getQueryType()!.getFields()) : [],
      reservedMutationFields: merged ? Object.keys(host.getMutationType()?.getFields() ?? {}) : [],
      maxPageSize: opts.maxPageSize ?? config.api.maxPageSize,
      defaultPageSize: opts.defaultPageSize ?? 100,
    });
    const schema = merged ? mergeSchema(host, api as SchemaExtension) : aloneSchema(pageInfoType, api);
    built = { model, api, schema };
    return schema;
  };
  const app = await createApp(config, { log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }), schemaFactory: harnessSchema });
  let gateway: Gateway | null = null;
  try {
    if (opts.fixture) await runScript(app, fixtureSql(opts.fixture));
    await opts.prepare?.(app);
    fixtureLoaded = true;
    await app.reloadSchema();
    const { model, api, schema } = built!;
    // Every statement the resolvers send, counted where they send it (background work of the app goes through other paths too).
    const sent: string[] = [];
    const db = app.services.db;
    const query = db.query.bind(db);
    db.query = ((text: string, params?: unknown[], o?: object) => {
      sent.push(text);
      return query(text, params, o);
    }) as typeof db.query;
    gateway = await startGateway(app, { port: 0, host: "127.0.0.1" });
    const url = gateway.graphqlUrl;

    const request: DataApiHarness["request"] = async (query, variables) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "cache-control": "no-cache, no-store" }, body: JSON.stringify({ query, variables }) });
      const text = await res.text();
      try {
        return JSON.parse(text);
      } catch {
        throw new Error(`non-JSON response ${res.status}: ${text.slice(0, 500)}`);
      }
    };
    const g = gateway;
    return {
      backend,
      config,
      app,
      model,
      api,
      schema,
      gateway,
      request,
      gql: async (query, variables) => {
        const body = await request(query, variables);
        if (body.errors?.length || !body.data) throw new Error(`GraphQL operation failed\nquery: ${query}\nvariables: ${JSON.stringify(variables)}\nresponse: ${JSON.stringify(body, null, 2)}`);
        return body.data as never;
      },
      gqlError: async (query, variables) => {
        const body = await request(query, variables);
        if (!body.errors?.length) throw new Error(`expected an error\nquery: ${query}\nresponse: ${JSON.stringify(body, null, 2)}`);
        return body.errors[0]!;
      },
      both: async (query, variables = {}) => {
        const document = parse(query);
        const problems = validate(schema, document);
        if (problems.length) throw new Error(`invalid operation: ${problems.map((p) => p.message).join("; ")}`);
        const js = await execute({ schema, document, contextValue: app.createContext({}), variableValues: variables });
        const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
        if (hasRecursiveInputVariable(schema, operation)) throw new Error("graphql-jit cannot compile variables of recursive input types: pass such filters inline to compare");
        const compiled = compileQuery(schema, document);
        if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit could not compile: ${JSON.stringify(compiled)}`);
        const jit = await compiled.query(undefined, app.createContext({}), variables);
        return { js: JSON.parse(JSON.stringify(js)), jit: JSON.parse(JSON.stringify(jit)) };
      },
      sent,
      close: async () => {
        await g.close();
        await app.close();
        await backend.cleanup();
      },
    };
  } catch (err) {
    await gateway?.close().catch(() => {});
    await app.close().catch(() => {});
    await backend.cleanup().catch(() => {});
    throw err;
  }
}

/** The data API alone, beside the host's PageInfo. */
export function aloneSchema(pageInfo: GraphQLObjectType, api: DataApi): GraphQLSchema {
  const mutation = Object.keys(api.mutation).length ? new GraphQLObjectType({ name: "Mutation", fields: api.mutation }) : undefined;
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: "Query", fields: api.query }), mutation, types: [pageInfo, ...api.types] });
}
