/**
 * Decides what a client sees of an error: our own coded errors and GraphQL's
 * own validation errors pass; anything else is logged with its path and
 * answered "Unexpected error." so no internals or stack traces leak.
 */
import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { GatewayError, toGatewayError } from "../services/errors.js";
import type { Logger } from "../services/log.js";

const passThroughCodes = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

export function createFormatError(log: Logger, opts: { includeStack: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const mapped = toGatewayError(original);
    if (mapped instanceof GatewayError) {
      return { message: mapped.message, path: formatted.path, locations: formatted.locations, extensions: { ...mapped.extensions } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && passThroughCodes.has(code)) {
      // type-graphql's argument validation errors arrive as plain errors with details; keep them.
      const { stacktrace: _s, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions: opts.includeStack ? formatted.extensions : rest };
    }
    log.error({ err: original, path: formatted.path }, "unexpected error in GraphQL operation");
    return {
      message: "Unexpected error.",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: "INTERNAL_SERVER_ERROR", ...(opts.includeStack && original instanceof Error ? { stacktrace: original.stack?.split("\n") } : {}) },
    };
  };
}
