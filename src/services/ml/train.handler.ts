/**
 * TRAIN jobs: runs training with the job's progress and abort signal, then registers the version.
 * Training keeps no checkpoint: a job resumed after its worker died trains again from the start
 * (its progress says so) — unless it had already stored its version, which it then reports
 * instead of storing a second one.
 */
import type { JobHandler } from "../jobs/types.js";
import type { MlService, TrainAndRegisterInput } from "./ml.service.js";

export function trainHandler(ml: MlService): JobHandler<TrainAndRegisterInput, { version: number }> {
  return {
    kind: "TRAIN",
    validate: async (raw) => {
      await ml.checkTrainInput(raw as TrainAndRegisterInput);
      return raw as TrainAndRegisterInput;
    },
    async run(ctx) {
      const stored = ctx.checkpoint?.version;
      if (stored !== undefined) {
        const rec = await ml.registry.get(ctx.params.name, stored);
        await ctx.progress(4, 4, `resumed after version ${stored} was stored; not training again`);
        return {
          accepted: 0,
          rejected: 0,
          result: { model: rec.name, version: rec.version, activated: rec.active, activationReason: "stored before the job was resumed", keyMetric: rec.keyMetric, skippedFeatures: null },
        };
      }
      // A resumed job starts over: the worker that died kept nothing but the job row (no checkpoint for training).
      const resumed = ctx.committed.done > 0;
      const progress = (d: number, t: number | null, m: string) => ctx.progress(d, t, resumed ? `${m} (resumed: training restarted from the beginning)` : m);
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
          skippedFeatures: out.skippedFeatures,
        },
      };
    },
  };
}
