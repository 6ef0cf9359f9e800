/** QUALITY jobs: a data quality report with its stages as progress; the result carries the score and report id. */
import type { JobHandler } from "../jobs/types.js";
import type { QualityInput, QualityService } from "./quality.service.js";

export function qualityHandler(quality: QualityService): JobHandler<QualityInput, { reportId: number }> {
  return {
    kind: "QUALITY",
    validate: (raw) => quality.checkInput(raw as QualityInput).then(() => raw as QualityInput),
    async run(ctx) {
      const report = await quality.report(ctx.params, { progress: (d, t, m) => ctx.progress(d, t, m), signal: ctx.signal });
      await ctx.checkpointAfterBatch({ checkpoint: { reportId: report.id }, accepted: report.rowCount, rejected: [], retried: 0 });
      return { accepted: report.rowCount, rejected: 0, result: { reportId: report.id, table: report.table, score: report.score, deductions: report.deductions.slice(0, 10) } };
    },
  };
}
