/** TRAIN jobs: runs training with the job's progress and abort signal, then registers the version. */
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
      const out = await ml.train(ctx.params, { progress: (d, t, m) => ctx.progress(d, t, m), signal: ctx.signal });
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
