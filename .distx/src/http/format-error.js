import { unwrapResolverError } from "@apollo/server/errors";
import { GatewayError, toGatewayError } from "../services/errors.js";
const passThroughCodes = /* @__PURE__ */ new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST"
]);
function createFormatError(log, opts) {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    const mapped = toGatewayError(original);
    if (mapped instanceof GatewayError) {
      return { message: mapped.message, path: formatted.path, locations: formatted.locations, extensions: { ...mapped.extensions } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && passThroughCodes.has(code)) {
      const { stacktrace: _s, ...rest } = formatted.extensions ?? {};
      return { ...formatted, extensions: opts.includeStack ? formatted.extensions : rest };
    }
    log.error({ err: original, path: formatted.path }, "unexpected error in GraphQL operation");
    return {
      message: "Unexpected error.",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: "INTERNAL_SERVER_ERROR", ...opts.includeStack && original instanceof Error ? { stacktrace: original.stack?.split("\n") } : {} }
    };
  };
}
export {
  createFormatError
};
