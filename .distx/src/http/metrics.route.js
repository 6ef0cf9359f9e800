import { Router } from "express";
function metricsRouter(observability) {
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
export {
  metricsRouter
};
