import { execute, GraphQLError } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
class JitGateway {
  constructor(schema) {
    this.schema = schema;
  }
  schema;
  /** Apollo hands out one DocumentNode per distinct query text (its document store), so compiled code is kept per document. */
  compiled = /* @__PURE__ */ new WeakMap();
  onSchemaLoadOrUpdate(callback) {
    callback({ apiSchema: this.schema, coreSupergraphSdl: "" });
    return () => {
    };
  }
  async load() {
    return { executor: (rc) => this.execute(rc.document, rc.operationName ?? rc.request.operationName ?? null, rc.operation.operation, rc.context, rc.request.variables ?? {}) };
  }
  async stop() {
  }
  compile(document, operationName) {
    let byName = this.compiled.get(document);
    if (!byName) this.compiled.set(document, byName = /* @__PURE__ */ new Map());
    const key = operationName ?? "";
    let entry = byName.get(key);
    if (entry === void 0) {
      const result = compileQuery(this.schema, document, operationName ?? void 0);
      entry = isCompiledQuery(result) ? result : null;
      byName.set(key, entry);
    }
    return entry;
  }
  async execute(document, operationName, kind, contextValue, variableValues) {
    const compiled = kind === "subscription" ? null : this.compile(document, operationName);
    if (compiled) {
      const result = await compiled.query(void 0, contextValue, variableValues);
      if ("data" in result) return result.errors?.length ? { ...result, errors: result.errors.map(withExtensions) } : result;
    }
    return execute({ schema: this.schema, document, operationName, contextValue, variableValues });
  }
}
function withExtensions(error) {
  if (error.extensions) return error;
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? void 0, extensions: {} });
  Object.defineProperty(copy, "locations", { value: error.locations, enumerable: Boolean(error.locations?.length) });
  return copy;
}
export {
  JitGateway
};
