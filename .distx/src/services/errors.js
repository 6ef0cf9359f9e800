import { GraphQLError } from "graphql";
const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  SQL_REJECTED: "SQL_REJECTED",
  NOT_UNDERSTOOD: "NOT_UNDERSTOOD",
  LLM_UNAVAILABLE: "LLM_UNAVAILABLE",
  TIMEOUT: "TIMEOUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE"
};
class GatewayError extends GraphQLError {
  constructor(code, message, data = {}) {
    super(message, { extensions: { code, ...data } });
    this.name = "GatewayError";
  }
  get code() {
    return this.extensions.code;
  }
}
class BadUserInputError extends GatewayError {
  constructor(message, data = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, data);
  }
}
class NotFoundError extends GatewayError {
  constructor(entity, id) {
    super(ErrorCode.NOT_FOUND, `${entity} ${JSON.stringify(id)} does not exist.`, { entity, id });
  }
}
class DatabaseUnavailableError extends GatewayError {
  constructor(reason) {
    super(ErrorCode.DATABASE_UNAVAILABLE, `The database is not reachable right now (${reason}). Retry shortly.`);
  }
}
class TimeoutError extends GatewayError {
  constructor(what, limitMs) {
    super(ErrorCode.TIMEOUT, `${what} took longer than ${limitMs} ms and was stopped.`, { limitMs });
  }
}
const connectionErrorCodes = /* @__PURE__ */ new Set(["P1001", "P1002", "P1017", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P03", "08006", "08001", "08003"]);
function isConnectionError(err) {
  for (let e = err, depth = 0; e && depth < 6; depth++) {
    const o = e;
    if (typeof o.code === "string" && connectionErrorCodes.has(o.code)) return true;
    if (typeof o.message === "string" && /ECONNREFUSED|Connection terminated|connect ECONN|closed the connection|PGlite is closed|Can't reach database|database system is shutting down/i.test(o.message)) return true;
    e = o.cause;
  }
  return false;
}
function connectionFailureReason(err) {
  for (let e = err, depth = 0; e && depth < 6; depth++) {
    const o = e;
    if (typeof o.message === "string" && o.message.trim()) {
      const lines = o.message.split("\n").map((l) => l.trim()).filter(Boolean);
      return lines[0].startsWith("Invalid `") ? lines[lines.length - 1] : lines[0];
    }
    if (typeof o.code === "string") return o.code;
    e = o.cause ?? o.errors?.[0];
  }
  return "connection failed";
}
function toGatewayError(err) {
  if (err instanceof GatewayError) return err;
  if (isConnectionError(err)) return new DatabaseUnavailableError(connectionFailureReason(err));
  const code = err?.code;
  const meta = err?.meta ?? {};
  if (code === "P2025") return new GatewayError(ErrorCode.NOT_FOUND, "The record to change does not exist.", { meta });
  if (code === "P2002") return new GatewayError(ErrorCode.CONFLICT, `A record with the same unique value already exists (${JSON.stringify(meta.target ?? meta)}).`);
  if (code === "P2003") return new BadUserInputError(`A referenced record does not exist (${JSON.stringify(meta.field_name ?? meta)}).`);
  return err;
}
export {
  BadUserInputError,
  DatabaseUnavailableError,
  ErrorCode,
  GatewayError,
  NotFoundError,
  TimeoutError,
  isConnectionError,
  toGatewayError
};
