/**
 * Runs Apollo's operations through graphql-jit: each distinct operation is
 * compiled once into a function specialised to its selection, which skips
 * graphql-js's per-field interpretation (collecting fields, reading field
 * definitions, building resolve info) on every request. On the nested order
 * query that was about a tenth of the gateway's CPU per request.
 *
 * Apollo Server takes a custom executor only through its gateway interface,
 * so this is a "gateway" over the app's live schema: it tells Apollo about
 * every new schema (onSchemaLoadOrUpdate), and Apollo then validates new
 * requests against it with a fresh document store. Each operation runs on
 * the schema Apollo validated it against (`requestContext.schema`), so one
 * that started before a reload finishes on the old schema. Compiled queries
 * are kept per schema in weak maps: when Apollo drops an old schema and its
 * documents, their compiled code goes with them. Apollo still parses,
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

/** What the gateway follows: the schema in use now and a way to hear of the next one. */
export interface SchemaSource {
  readonly current: GraphQLSchema;
  onChange(listener: (change: { schema: GraphQLSchema }) => void): () => void;
}

export class JitGateway implements GatewayInterface {
  /**
   * Per schema, per document (Apollo hands out one DocumentNode per distinct query text from the schema's
   * document store), per operation name. Both levels are weak: nothing here keeps an old schema alive.
   */
  private readonly compiled = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, Compiled>>>();
  private readonly unsubscribes: Array<() => void> = [];

  constructor(private readonly source: SchemaSource) {}

  onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    const unsubscribe = this.source.onChange(({ schema }) => callback({ apiSchema: schema, coreSupergraphSdl: "" }));
    this.unsubscribes.push(unsubscribe);
    callback({ apiSchema: this.source.current, coreSupergraphSdl: "" });
    return unsubscribe;
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: (rc) => this.execute(rc.schema, rc.document, rc.operationName ?? rc.request.operationName ?? null, rc.operation.operation, rc.context, rc.request.variables ?? {}) };
  }

  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): Compiled {
    let byDocument = this.compiled.get(schema);
    if (!byDocument) this.compiled.set(schema, (byDocument = new WeakMap()));
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map()));
    const key = operationName ?? "";
    let entry = byName.get(key);
    if (entry === undefined) {
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === null || d.name?.value === operationName));
      const result = operation && hasRecursiveInputVariable(schema, operation) ? null : compileQuery(schema, document, operationName ?? undefined);
      entry = result && isCompiledQuery(result) ? result : null;
      byName.set(key, entry);
    }
    return entry;
  }

  private async execute(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, kind: string, contextValue: unknown, variableValues: Record<string, unknown>): Promise<ExecutionResult> {
    const compiled = kind === "subscription" ? null : this.compile(schema, document, operationName);
    if (compiled) {
      const result = await compiled.query(undefined, contextValue, variableValues);
      // No data key at all: the variables were refused before anything ran. graphql-js words and locates
      // those errors the way Apollo maps to BAD_USER_INPUT, and re-running cannot repeat a side effect.
      if ("data" in result) return result.errors?.length ? { ...result, errors: result.errors.map(withExtensions) } : result;
    }
    return execute({ schema, document, operationName, contextValue, variableValues });
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
