import { performance } from "node:perf_hooks";
import { Kind } from "graphql";
function requestLogPlugin(observability) {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(rc) {
          const durationMs = performance.now() - started;
          const body = rc.response.body;
          const errorCount = rc.errors?.length ?? (body.kind === "single" ? body.singleResult.errors?.length ?? 0 : 0);
          const operation = rc.operationName ?? rc.request.operationName ?? firstOperationName(rc.document) ?? "anonymous";
          observability.recordOperation(operation, durationMs, errorCount);
          const level = errorCount > 0 ? "warn" : "info";
          if (!rc.contextValue.services.log.isLevelEnabled(level)) return;
          const line = {
            operation,
            operationType: rc.operation?.operation ?? null,
            durationMs: Math.round(durationMs * 1e3) / 1e3,
            errors: errorCount,
            cached: rc.response.http.headers.get("x-cache") === "HIT"
          };
          rc.contextValue.log[level](line, errorCount > 0 ? "graphql request failed" : "graphql request");
        }
      };
    }
  };
}
function firstOperationName(doc) {
  const op = doc?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return op && op.kind === Kind.OPERATION_DEFINITION ? op.name?.value : void 0;
}
export {
  requestLogPlugin
};
