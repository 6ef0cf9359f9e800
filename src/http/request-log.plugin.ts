/**
 * Apollo plugin that times every GraphQL operation over HTTP, records it in
 * the per-operation timings, and writes one structured log line per request
 * (request id, operation, duration, error count, cache hit).
 */
import { performance } from "node:perf_hooks";
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type DocumentNode } from "graphql";
import type { GatewayContext } from "../context.js";
import type { ObservabilityService } from "../services/observability/index.js";

export function requestLogPlugin(observability: ObservabilityService): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(rc) {
          const durationMs = performance.now() - started;
          const body = rc.response.body;
          const errorCount = rc.errors?.length ?? (body.kind === "single" ? (body.singleResult.errors?.length ?? 0) : 0);
          const operation = rc.operationName ?? rc.request.operationName ?? firstOperationName(rc.document) ?? "anonymous";
          observability.recordOperation(operation, durationMs, errorCount);
          const level = errorCount > 0 ? "warn" : "info";
          // The request's child logger is made on first use: not at all when the line would be dropped.
          if (!rc.contextValue.services.log.isLevelEnabled(level)) return;
          const line = {
            operation,
            operationType: rc.operation?.operation ?? null,
            durationMs: Math.round(durationMs * 1000) / 1000,
            errors: errorCount,
            cached: rc.response.http.headers.get("x-cache") === "HIT",
          };
          rc.contextValue.log[level](line, errorCount > 0 ? "graphql request failed" : "graphql request");
        },
      };
    },
  };
}

/** A document that failed validation has no resolved operation; its text still names one. */
function firstOperationName(doc: DocumentNode | undefined): string | undefined {
  const op = doc?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return op && op.kind === Kind.OPERATION_DEFINITION ? op.name?.value : undefined;
}
