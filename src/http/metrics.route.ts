/** GET /metrics: every gateway figure in Prometheus text format. */
import { Router } from "express";
import type { ObservabilityService } from "../services/observability/index.js";

export function metricsRouter(observability: ObservabilityService): Router {
  const router = Router();
  router.get("/metrics", async (_req, res, next) => {
    try {
      const text = await observability.metricsText();
      res.type(observability.metricsContentType).send(text);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
