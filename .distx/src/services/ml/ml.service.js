import { batchInferenceHandler, checkBatchInferenceSource, validateBatchInference } from "./batch-inference.handler.js";
const BATCH_INFERENCE_MAX_BATCH = 1e5;
import { trainHandler } from "./train.handler.js";
import { InferenceService } from "./inference.service.js";
import { ModelRegistry } from "./registry.service.js";
import { resolveTrainPlan, trainModel } from "./train.service.js";
class MlService {
  constructor(db, pubSub, config, log, jobs, catalog, invalidateTables) {
    this.db = db;
    this.config = config;
    this.jobs = jobs;
    this.catalog = catalog;
    this.registry = new ModelRegistry(db, pubSub, log);
    this.inference = new InferenceService(this.registry, pubSub, { maxBatch: config.predictBatchMax, maxPinned: 8 }, log);
    jobs.register(trainHandler(this));
    jobs.register(batchInferenceHandler({ db, registry: this.registry, inference: this.inference, maxBatch: BATCH_INFERENCE_MAX_BATCH, catalog, invalidateTables }));
  }
  db;
  config;
  jobs;
  catalog;
  registry;
  inference;
  /** Checks a training input against its table; a BAD_USER_INPUT listing the problems. */
  async checkTrainInput(input) {
    await resolveTrainPlan(this.db, input, this.catalog);
  }
  /** Checks a batch inference completely (model, source, key, output) as submission would; a BAD_USER_INPUT listing the problems. */
  async checkBatchInference(params) {
    await validateBatchInference(this.db, this.registry, params, BATCH_INFERENCE_MAX_BATCH, this.catalog);
  }
  /** Checks only a batch inference's source, key, output and batch size: for a pipeline whose earlier step trains the model. */
  async checkBatchInferenceSource(params) {
    await checkBatchInferenceSource(this.db, this.catalog, params, BATCH_INFERENCE_MAX_BATCH);
  }
  /** Submits a TRAIN job; waits up to waitMs (0 = not at all) and returns its latest state. */
  async submitTrain(input, waitMs = 0) {
    const job = await this.jobs.submit({ kind: "TRAIN", params: input });
    return waitMs > 0 ? this.jobs.waitFor(job.id, Math.min(waitMs, 6e5)) : job;
  }
  /** Submits a BATCH_INFERENCE job (model version pinned at submission). */
  async submitBatchInference(params, waitMs = 0) {
    const job = await this.jobs.submit({ kind: "BATCH_INFERENCE", params });
    return waitMs > 0 ? this.jobs.waitFor(job.id, Math.min(waitMs, 6e5)) : job;
  }
  /** Trains, evaluates and stores a new version; progress reports the stages loading → preparing → training → evaluating. */
  async train(input, run = {}) {
    const trained = await trainModel(this.db, input, { maxRows: this.config.maxTrainingRows, minRows: this.config.minTrainingRows }, run, this.catalog);
    const saved = await this.registry.save(trained, { name: input.name, source: input.source, activate: input.activate ?? "IF_BETTER" });
    return { ...saved, skippedFeatures: trained.skippedFeatures };
  }
  close() {
    this.inference.close();
  }
}
export {
  MlService
};
