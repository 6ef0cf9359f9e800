/**
 * GET /export/:table?format=ndjson|csv&columns=a,b streams a table; GET /export
 * lists what can be exported. Backpressure: Readable.from + pipeline pull the
 * next batch from the cursor only when the socket has drained.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router, type Response } from "express";
import type { ExportService } from "../services/export/index.js";
import { GatewayError, toGatewayError } from "../services/errors.js";
import type { Logger } from "../services/log.js";

function sendError(res: Response, status: number, err: { message: string; extensions?: Record<string, unknown> }): void {
  res.status(status).json({ errors: [{ message: err.message, extensions: err.extensions ?? {} }] });
}

/** A query parameter given once or repeated (`?columns=a&columns=b` means `a,b`). */
function queryString(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.map(String).join(",");
  return typeof v === "string" ? v : undefined;
}

const contentTypes = { ndjson: "application/x-ndjson; charset=utf-8", csv: "text/csv; charset=utf-8" } as const;

export function exportRouter(service: ExportService, log: Logger): Router {
  const router = Router();

  router.get("/", async (_req, res) => {
    const tables = await service.tables();
    res.json({ tables: tables.map((t) => ({ name: t.name, model: t.modelName, columns: t.columns.map((c) => c.name) })) });
  });

  router.get("/:table", async (req, res) => {
    const format = queryString(req.query.format) ?? "ndjson";
    const columnList = queryString(req.query.columns);
    const columns = columnList === undefined ? null : columnList.split(",").map((c) => c.trim()).filter(Boolean);
    let source: AsyncGenerator<string>;
    let head: IteratorResult<string>;
    try {
      const plan = await service.plan(String(req.params.table), columns, format);
      source = service.chunks(plan);
      // The first batch before the headers: a failing query still gets a JSON error.
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
    async function* all(): AsyncGenerator<string> {
      if (!head.done) yield head.value;
      yield* source;
    }
    try {
      await pipeline(Readable.from(all(), { highWaterMark: 1 }), res);
    } catch (err) {
      // A client that hangs up mid-stream is normal; the cursor is closed by the generator's finally.
      const code = (err as { code?: string }).code;
      if (code !== "ERR_STREAM_PREMATURE_CLOSE") log.warn({ err, table: req.params.table }, "export stream ended with an error");
    }
  });

  return router;
}
