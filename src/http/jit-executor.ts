/**
 * Runs Apollo's operations through graphql-jit: each distinct operation is
 * compiled once into a function specialised to its selection, which skips
 * graphql-js's per-field interpretation (collecting fields, reading field
 * definitions, building resolve info) on every request. On the nested order
 * query that was about a tenth of the gateway's CPU per request.
 *
 * Apollo Server takes a custom executor only through its gateway interface,
 * so this is a "gateway" that serves one fixed schema. Apollo still parses,
 * validates, caches documents and runs every plugin; only execution changes.
 *
 * Anything request-level that the JIT would report differently from
 * graphql-js (variable coercion problems, operations it cannot compile) falls
 * back to graphql-js's execute, so callers see the same errors and codes.
 */
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";

type Compiled = CompiledQuery | null;

export class JitGateway implements GatewayInterface {
  /** Apollo hands out one DocumentNode per distinct query text (its document store), so compiled code is kept per document. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();

  constructor(private readonly schema: GraphQLSchema) {}

  onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    callback({ apiSchema: this.schema, coreSupergraphSdl: "" });
    return () => {};
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: (rc) => this.execute(rc.document, rc.operationName ?? rc.request.operationName ?? null, rc.operation.operation, rc.context, rc.request.variables ?? {}) };
  }

  async stop(): Promise<void> {}

  private compile(document: DocumentNode, operationName: string | null): Compiled {
    let byName = this.compiled.get(document);
    if (!byName) this.compiled.set(document, (byName = new Map()));
    const key = operationName ?? "";
    let entry = byName.get(key);
    if (entry === undefined) {
      const result = compileQuery(this.schema, document, operationName ?? undefined);
      entry = isCompiledQuery(result) ? result : null;
      byName.set(key, entry);
    }
    return entry;
  }

  private async execute(document: DocumentNode, operationName: string | null, kind: string, contextValue: unknown, variableValues: Record<string, unknown>): Promise<ExecutionResult> {
    const compiled = kind === "subscription" ? null : this.compile(document, operationName);
    if (compiled) {
      const result = await compiled.query(undefined, contextValue, variableValues);
      // No data key at all: the variables were refused before anything ran. graphql-js words and locates
      // those errors the way Apollo maps to BAD_USER_INPUT, and re-running cannot repeat a side effect.
      if ("data" in result) return result.errors?.length ? { ...result, errors: result.errors.map(withExtensions) } : result;
    }
    return execute({ schema: this.schema, document, operationName, contextValue, variableValues });
  }
}

/**
 * graphql-jit leaves `extensions` undefined on an error whose cause carried
 * none (a driver error, say), where graphql-js always sets an object; Apollo
 * reads `extensions.code` from every error and would fail on it.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: {} });
  // graphql-js derives locations from AST nodes, which the compiled error no longer has; keep its own.
  Object.defineProperty(copy, "locations", { value: error.locations, enumerable: Boolean(error.locations?.length) });
  return copy;
}
