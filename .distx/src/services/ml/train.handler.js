function trainHandler(ml) {
  return {
    kind: "TRAIN",
    validate: async (raw) => {
      await ml.checkTrainInput(raw);
      return raw;
    },
    async run(ctx) {
      const stored = ctx.checkpoint?.version;
      if (stored !== void 0) {
        const rec = await ml.registry.get(ctx.params.name, stored);
        await ctx.progress(4, 4, `resumed after version ${stored} was stored; not training again`);
        return {
          accepted: 0,
          rejected: 0,
          result: { model: rec.name, version: rec.version, activated: rec.active, activationReason: "stored before the job was resumed", keyMetric: rec.keyMetric, skippedFeatures: null }
        };
      }
      const resumed = ctx.committed.done > 0;
      const progress = (d, t, m) => ctx.progress(d, t, resumed ? `${m} (resumed: training restarted from the beginning)` : m);
      const out = await ml.train(ctx.params, { progress, signal: ctx.signal });
      await ctx.checkpointAfterBatch({ checkpoint: { version: out.model.version }, accepted: out.model.rowsUsed, rejected: [], retried: 0 });
      return {
        accepted: out.model.rowsUsed,
        rejected: 0,
        result: {
          model: out.model.name,
          version: out.model.version,
          activated: out.activated,
          activationReason: out.activationReason,
          keyMetric: out.model.keyMetric,
          skippedFeatures: out.skippedFeatures
        }
      };
    }
  };
}
export {
  trainHandler
};
