import { Router } from "express";
import { GatewayError } from "../services/errors.js";
function formatOf(req) {
  const q = typeof req.query.format === "string" ? req.query.format.toLowerCase() : null;
  if (q === "csv" || q === "ndjson") return q;
  if (q) return null;
  const type = (req.header("content-type") ?? "").toLowerCase();
  if (type.includes("csv")) return "csv";
  if (type.includes("ndjson") || type.includes("jsonl") || type.includes("json")) return "ndjson";
  return null;
}
class QueryError extends Error {
}
function intParam(req, name) {
  const v = req.query[name];
  if (v === void 0) return null;
  if (typeof v !== "string" || !/^\d{1,9}$/.test(v)) throw new QueryError(`${name} must be a whole number; got ${JSON.stringify(v)}.`);
  return Number(v);
}
function optionsOf(req) {
  const q = req.query;
  const mode = typeof q.mode === "string" ? q.mode.toUpperCase() : null;
  if (mode && !["INSERT", "UPSERT", "UPDATE"].includes(mode)) throw new QueryError(`mode must be INSERT, UPSERT or UPDATE; got ${JSON.stringify(q.mode)}.`);
  const cont = q.continueOnError;
  if (cont !== void 0 && cont !== "true" && cont !== "false") throw new QueryError(`continueOnError must be true or false; got ${JSON.stringify(cont)}.`);
  const key = typeof q.key === "string" ? q.key.split(",").map((k) => k.trim()).filter(Boolean) : null;
  return {
    mode,
    key,
    batchSize: intParam(req, "batchSize"),
    maxRetries: intParam(req, "maxRetries"),
    continueOnError: cont === void 0 ? null : cont === "true",
    idempotencyKey: typeof q.idempotencyKey === "string" ? q.idempotencyKey : req.header("idempotency-key") ?? null
  };
}
const fail = (res, status, code, message) => res.status(status).json({ errors: [{ message, extensions: { code } }] });
function ingestRouter(app) {
  const router = Router();
  router.post("/ingest/:table", async (req, res) => {
    const format = formatOf(req);
    if (!format) {
      req.resume();
      fail(res, 400, "BAD_USER_INPUT", "Send CSV (content-type text/csv, header row first) or NDJSON (application/x-ndjson, one JSON object per line), or say ?format=csv|ndjson.");
      return;
    }
    let options;
    try {
      options = optionsOf(req);
    } catch (err) {
      req.resume();
      fail(res, 400, "BAD_USER_INPUT", err.message);
      return;
    }
    try {
      const { job, existing } = await app.services.ingest.ingestStream(String(req.params.table), format, req, options);
      if (existing) req.resume();
      res.status(existing ? 200 : 202).json({ jobId: job.id, status: job.status, total: job.total, existing });
    } catch (err) {
      if (!req.complete) req.resume();
      if (err instanceof GatewayError) {
        fail(res, err.code === "NOT_FOUND" ? 404 : 400, err.code, err.message);
        return;
      }
      app.services.log.error({ err }, "ingest stream failed");
      fail(res, 500, "INTERNAL_SERVER_ERROR", "Unexpected error.");
    }
  });
  return router;
}
export {
  ingestRouter
};
