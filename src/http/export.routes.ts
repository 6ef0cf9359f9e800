/**
 * GET /export/:table?format=ndjson|csv&columns=a,b streams a user table; GET /export
 * lists what can be exported; GET /export/models/:model/predictions?version=&jobId=&key=
 * streams what batch inference wrote for a model. Backpressure: Readable.from + pipeline pull the
 * next batch from the cursor only when the socket has drained.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router, type Response } from "express";
import type { ExportPlan, ExportService } from "../services/export/index.js";
import { BadUserInputError, GatewayError, toGatewayError } from "../services/errors.js";
import type { Logger } from "../services/log.js";

function sendError(res: Response, status: number, err: { message: string; extensions?: Record<string, unknown> }): void {
  res.status(status).json({ errors: [{ message: err.message, extensions: err.extensions ?? {} }] });
}

/** A query parameter given once or repeated (`?columns=a&columns=b` means `a,b`). */
function queryString(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.map(String).join(",");
  return typeof v === "string" ? v : undefined;
}

function columnsOf(v: unknown): string[] | null {
  const list = queryString(v);
  return list === undefined ? null : list.split(",").map((c) => c.trim()).filter(Boolean);
}

function versionOf(v: unknown): number | null {
  const text = queryString(v);
  if (text === undefined) return null;
  if (!/^[1-9]\d{0,9}$/.test(text)) throw new BadUserInputError(`version must be a model version number (1 or more); got "${text}".`, { problems: [{ field: "version", message: "not a version number" }] });
  return Number(text);
}

/** A download name of only characters safe in a header. */
const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, "_");

const contentTypes = { ndjson: "application/x-ndjson; charset=utf-8", csv: "text/csv; charset=utf-8" } as const;

export function exportRouter(service: ExportService, log: Logger): Router {
  const router = Router();

  router.get("/", async (_req, res) => {
    const tables = await service.tables();
    res.json({ tables: tables.map((t) => ({ name: t.name, model: t.modelName, columns: t.columns.map((c) => c.name) })) });
  });

  // The predictions batch inference wrote: the only gateway table with an export, under its model, never as /export/predictions.
  router.get("/models/:model/predictions", async (req, res) => {
    await send(res, String(req.params.model), `predictions-${safeFileName(String(req.params.model))}`, async () =>
      service.planPredictions(
        {
          model: String(req.params.model),
          version: versionOf(req.query.version),
          jobId: queryString(req.query.jobId) ?? null,
          key: queryString(req.query.key) ?? null,
        },
        columnsOf(req.query.columns),
        queryString(req.query.format) ?? "ndjson",
      ),
    );
  });

  router.get("/:table", async (req, res) => {
    await send(res, String(req.params.table), null, () => service.plan(String(req.params.table), columnsOf(req.query.columns), queryString(req.query.format) ?? "ndjson"));
  });

  /** Plans, then streams with backpressure; errors before the first byte are JSON answers. */
  /** `fileName` null: the table's name. */
  async function send(res: Response, what: string, fileName: string | null, plan: () => Promise<ExportPlan>): Promise<void> {
    let source: AsyncGenerator<string>;
    let head: IteratorResult<string>;
    try {
      const p = await plan();
      source = service.chunks(p);
      // The first batch before the headers: a failing query still gets a JSON error.
      head = await source.next();
      res.status(200);
      res.setHeader("content-type", contentTypes[p.format]);
      res.setHeader("content-disposition", `attachment; filename="${fileName ?? safeFileName(p.table.name)}.${p.format}"`);
    } catch (thrown) {
      const err = toGatewayError(thrown);
      if (err instanceof GatewayError && err.code === "BAD_USER_INPUT") return sendError(res, 400, err);
      if (err instanceof GatewayError && err.code === "DATABASE_UNAVAILABLE") return sendError(res, 503, err);
      log.error({ err: thrown, table: what }, "export failed");
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
      if (code !== "ERR_STREAM_PREMATURE_CLOSE") log.warn({ err, table: what }, "export stream ended with an error");
    }
  }

  return router;
}
