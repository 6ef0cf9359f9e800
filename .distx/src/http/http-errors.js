import { HttpBodyError } from "./graphql-handler.js";
function errorAnswer(err) {
  if (err instanceof HttpBodyError) return { status: err.status, message: err.message, code: err.code };
  const e = err;
  if (e.type === "entity.too.large") return { status: 413, message: `Request body is larger than the limit of ${e.limit} bytes (BODY_LIMIT_BYTES).`, code: "PAYLOAD_TOO_LARGE" };
  if (e.type === "entity.parse.failed") return { status: 400, message: `Request body is not valid JSON: ${e.message}`, code: "BAD_REQUEST" };
  if (e.status && e.status < 500) return { status: e.status, message: e.message ?? "Bad request.", code: "BAD_REQUEST" };
  return null;
}
function sendHttpError(res, err, log) {
  const answer = errorAnswer(err);
  if (!answer) log.error({ err }, "unexpected HTTP error");
  if (res.headersSent) {
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
export {
  sendHttpError
};
