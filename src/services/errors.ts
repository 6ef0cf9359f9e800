/**
 * The gateway's error vocabulary. Every error we throw on purpose is a
 * GatewayError whose `extensions.code` is one of ErrorCode; anything else is
 * unexpected and gets masked by the server (see src/http/format-error.ts).
 */
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  SQL_REJECTED: "SQL_REJECTED",
  NOT_UNDERSTOOD: "NOT_UNDERSTOOD",
  LLM_UNAVAILABLE: "LLM_UNAVAILABLE",
  TIMEOUT: "TIMEOUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  /** A rebuild of the API schema failed; the previous schema stays in use. */
  SCHEMA_BUILD_FAILED: "SCHEMA_BUILD_FAILED",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class GatewayError extends GraphQLError {
  constructor(code: ErrorCode, message: string, data: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...data } });
    this.name = "GatewayError";
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export interface InputProblem {
  /** The argument or field that is wrong, as a dotted path (`filter.status`). */
  field: string;
  message: string;
}

export class BadUserInputError extends GatewayError {
  constructor(message: string, data: { problems?: InputProblem[]; [k: string]: unknown } = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, data);
  }
}

export class NotFoundError extends GatewayError {
  constructor(entity: string, id: unknown) {
    super(ErrorCode.NOT_FOUND, `${entity} ${JSON.stringify(id)} does not exist.`, { entity, id });
  }
}

export class DatabaseUnavailableError extends GatewayError {
  constructor(reason: string) {
    super(ErrorCode.DATABASE_UNAVAILABLE, `The database is not reachable right now (${reason}). Retry shortly.`);
  }
}

export class TimeoutError extends GatewayError {
  constructor(what: string, limitMs: number) {
    super(ErrorCode.TIMEOUT, `${what} took longer than ${limitMs} ms and was stopped.`, { limitMs });
  }
}

// P1001/P1002/P1017: Prisma's "can't reach", "timed out", "server closed the connection".
const connectionErrorCodes = new Set(["P1001", "P1002", "P1017", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P03", "08006", "08001", "08003"]);

/** True when an error means "the database went away" rather than "the query was wrong". */
export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth++) {
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
    if (typeof o.code === "string" && connectionErrorCodes.has(o.code)) return true;
    if (typeof o.message === "string" && /ECONNREFUSED|Connection terminated|connect ECONN|closed the connection|PGlite is closed|Can't reach database|database system is shutting down/i.test(o.message)) return true;
    e = o.cause;
  }
  return false;
}

/** A short reason for a connection failure: the first message along the cause chain, else its code (ECONNREFUSED arrives as an AggregateError with an empty message). */
function connectionFailureReason(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth++) {
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof o.message === "string" && o.message.trim()) {
      // Prisma's messages start with "Invalid `x.count()` invocation in <file>" and a code excerpt; the cause is the last line.
      const lines = o.message.split("\n").map((l) => l.trim()).filter(Boolean);
      return (lines[0]!.startsWith("Invalid `") ? lines[lines.length - 1] : lines[0])!;
    }
    if (typeof o.code === "string") return o.code;
    e = o.cause ?? o.errors?.[0];
  }
  return "connection failed";
}

/**
 * Turns database-layer errors into our own where they mean something to the
 * caller (Prisma's P2025 record-not-found, P2002 unique violation, P2003
 * foreign key); returns the input unchanged otherwise.
 */
export function toGatewayError(err: unknown): unknown {
  if (err instanceof GatewayError) return err;
  if (isConnectionError(err)) return new DatabaseUnavailableError(connectionFailureReason(err));
  const code = (err as { code?: string })?.code;
  const meta = (err as { meta?: Record<string, unknown> })?.meta ?? {};
  if (code === "P2025") return new GatewayError(ErrorCode.NOT_FOUND, "The record to change does not exist.", { meta });
  if (code === "P2002") return new GatewayError(ErrorCode.CONFLICT, `A record with the same unique value already exists (${JSON.stringify(meta.target ?? meta)}).`);
  if (code === "P2003") return new BadUserInputError(`A referenced record does not exist (${JSON.stringify(meta.field_name ?? meta)}).`);
  return err;
}
