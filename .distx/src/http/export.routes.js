import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router } from "express";
import { GatewayError, toGatewayError } from "../services/errors.js";
function sendError(res, status, err) {
  res.status(status).json({ errors: [{ message: err.message, extensions: err.extensions ?? {} }] });
}
function queryString(v) {
  if (Array.isArray(v)) return v.map(String).join(",");
  return typeof v === "string" ? v : void 0;
}
const contentTypes = { ndjson: "application/x-ndjson; charset=utf-8", csv: "text/csv; charset=utf-8" };
function exportRouter(service, log) {
  const router = Router();
  router.get("/", async (_req, res) => {
    const tables = await service.tables();
    res.json({ tables: tables.map((t) => ({ name: t.name, model: t.modelName, columns: t.columns.map((c) => c.name) })) });
  });
  router.get("/:table", async (req, res) => {
    const format = queryString(req.query.format) ?? "ndjson";
    const columnList = queryString(req.query.columns);
    const columns = columnList === void 0 ? null : columnList.split(",").map((c) => c.trim()).filter(Boolean);
    let source;
    let head;
    try {
      const plan = await service.plan(String(req.params.table), columns, format);
      source = service.chunks(plan);
      head = await source.next();
      res.status(200);
      res.setHeader("content-type", contentTypes[plan.format]);
      res.setHeader("content-disposition", `attachment; filename="${plan.table.name}.${plan.format}"`);
    } catch (thrown) {
      const err = toGatewayError(thrown);
      if (err instanceof GatewayError && err.code === "BAD_USER_INPUT") return sendError(res, 400, err);
      if (err instanceof GatewayError && err.code === "DATABASE_UNAVAILABLE") return sendError(res, 503, err);
      log.error({ err: thrown, table: req.params.table }, "export failed");
      return sendError(res, 500, { message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    }
    async function* all() {
      if (!head.done) yield head.value;
      yield* source;
    }
    try {
      await pipeline(Readable.from(all(), { highWaterMark: 1 }), res);
    } catch (err) {
      const code = err.code;
      if (code !== "ERR_STREAM_PREMATURE_CLOSE") log.warn({ err, table: req.params.table }, "export stream ended with an error");
    }
  });
  return router;
}
export {
  exportRouter
};
