function qualityHandler(quality) {
  return {
    kind: "QUALITY",
    validate: (raw) => quality.checkInput(raw).then(() => raw),
    async run(ctx) {
      const report = await quality.report(ctx.params, { progress: (d, t, m) => ctx.progress(d, t, m), signal: ctx.signal });
      await ctx.checkpointAfterBatch({ checkpoint: { reportId: report.id }, accepted: report.rowCount, rejected: [], retried: 0 });
      return { accepted: report.rowCount, rejected: 0, result: { reportId: report.id, table: report.table, score: report.score, deductions: report.deductions.slice(0, 10) } };
    }
  };
}
export {
  qualityHandler
};
