/**
 * The JSON answer to a request that failed before or outside GraphQL: a body
 * too large or not JSON (our HttpBodyError, or body-parser's errors for
 * encoded bodies), another client error, or an unexpected one (logged, masked).
 * Written on node's ServerResponse so express's error handler and the plain
 * /graphql path answer alike.
 */
import type { ServerResponse } from "node:http";
import type { Logger } from "../services/log.js";
import { HttpBodyError } from "./graphql-handler.js";

function errorAnswer(err: unknown): { status: number; message: string; code: string } | null {
  if (err instanceof HttpBodyError) return { status: err.status, message: err.message, code: err.code };
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  if (e.type === "entity.too.large") return { status: 413, message: `Request body is larger than the limit of ${e.limit} bytes (BODY_LIMIT_BYTES).`, code: "PAYLOAD_TOO_LARGE" };
  if (e.type === "entity.parse.failed") return { status: 400, message: `Request body is not valid JSON: ${e.message}`, code: "BAD_REQUEST" };
  if (e.status && e.status < 500) return { status: e.status, message: e.message ?? "Bad request.", code: "BAD_REQUEST" };
  return null;
}

export function sendHttpError(res: ServerResponse, err: unknown, log: Logger): void {
  const answer = errorAnswer(err);
  if (!answer) log.error({ err }, "unexpected HTTP error");
  if (res.headersSent) {
    // Half an answer is out: cutting the connection is the only honest end.
    res.destroy();
    return;
  }
  const { status, message, code } = answer ?? { status: 500, message: "Unexpected error.", code: "INTERNAL_SERVER_ERROR" };
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}
