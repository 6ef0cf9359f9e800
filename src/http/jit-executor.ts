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
import {
  execute,
  getNamedType,
  isInputObjectType,
  typeFromAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
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
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === null || d.name?.value === operationName));
      const result = operation && hasRecursiveInputVariable(this.schema, operation) ? null : compileQuery(this.schema, document, operationName ?? undefined);
      entry = result && isCompiledQuery(result) ? result : null;
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

const recursive = new WeakMap<GraphQLInputObjectType, boolean>();

/** True when an input object type can contain itself (filters with and/or/not, relation filters). */
function isRecursiveInput(type: GraphQLInputObjectType): boolean {
  const known = recursive.get(type);
  if (known !== undefined) return known;
  const seen = new Set<GraphQLInputObjectType>();
  const reaches = (t: GraphQLInputObjectType): boolean => {
    if (seen.has(t)) return false;
    seen.add(t);
    for (const f of Object.values(t.getFields())) {
      const inner = getNamedType(f.type);
      if (!isInputObjectType(inner)) continue;
      if (inner === type || reaches(inner)) return true;
    }
    return false;
  };
  const answer = reaches(type);
  recursive.set(type, answer);
  return answer;
}

/**
 * graphql-jit (0.8.9, its issue #81) inlines the coercion of a variable's input type field by field and never
 * stops on a type that contains itself: compiling such an operation runs until the heap is gone. Those
 * operations (a `$filter` of the data API, say) run through graphql-js instead.
 */
export function hasRecursiveInputVariable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const seen = new Set<GraphQLInputObjectType>();
  const nested = (t: GraphQLInputObjectType): boolean => {
    if (seen.has(t)) return false;
    seen.add(t);
    if (isRecursiveInput(t)) return true;
    return Object.values(t.getFields()).some((f) => {
      const inner = getNamedType(f.type);
      return isInputObjectType(inner) && nested(inner);
    });
  };
  return (operation.variableDefinitions ?? []).some((v) => {
    const type = typeFromAST(schema, v.type as never);
    const named = type ? getNamedType(type) : undefined;
    return named !== undefined && isInputObjectType(named) && nested(named);
  });
}
