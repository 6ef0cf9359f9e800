/** The machine-learning capability as the rest of the gateway sees it: train-and-register, the registry, inference. */
import type { Catalog } from "../catalog/types.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../log.js";
import type { GatewayPubSub } from "../pubsub/index.js";
import type { JobEngine, JobRecord } from "../jobs/index.js";
import { batchInferenceHandler, checkBatchInferenceSource, validateBatchInference, type BatchInferenceParams } from "./batch-inference.handler.js";

const BATCH_INFERENCE_MAX_BATCH = 100_000;
import { trainHandler } from "./train.handler.js";
import { InferenceService } from "./inference.service.js";
import { PredictionStore } from "./prediction.store.js";
import { ModelRegistry, type ActivationPolicy, type SaveResult } from "./registry.service.js";
import { resolveTrainPlan, trainModel, type RunOptions, type TrainInput, type TrainedModel } from "./train.service.js";

export interface MlConfig {
  maxTrainingRows: number;
  minTrainingRows: number;
  predictBatchMax: number;
}

export interface TrainAndRegisterInput extends TrainInput {
  activate?: ActivationPolicy | null;
}

export interface TrainAndRegisterResult extends SaveResult {
  skippedFeatures: TrainedModel["skippedFeatures"];
}

export class MlService {
  readonly registry: ModelRegistry;
  readonly inference: InferenceService;
  /** What batch inference wrote to the predictions table. */
  readonly predictions: PredictionStore;

  constructor(
    private readonly db: Database,
    pubSub: GatewayPubSub,
    private readonly config: MlConfig,
    log: Logger,
    private readonly jobs: JobEngine,
    /** The catalog, for SELECT sources (allow-listed tables). */
    private readonly catalog?: () => Promise<Catalog>,
    /** Drops cached query answers that read tables a batch inference wrote. */
    invalidateTables?: (tables: string[]) => Promise<void>,
  ) {
    this.registry = new ModelRegistry(db, pubSub, log);
    this.predictions = new PredictionStore(db, db.gateway.table("predictions"));
    this.inference = new InferenceService(this.registry, pubSub, { maxBatch: config.predictBatchMax, maxPinned: 8 }, log);
    jobs.register(trainHandler(this));
    jobs.register(batchInferenceHandler({ db, registry: this.registry, inference: this.inference, maxBatch: BATCH_INFERENCE_MAX_BATCH, catalog, invalidateTables }));
  }

  /** Checks a training input against its table; a BAD_USER_INPUT listing the problems. */
  async checkTrainInput(input: TrainAndRegisterInput): Promise<void> {
    await resolveTrainPlan(this.db, input, this.catalog);
  }

  /** Checks a batch inference completely (model, source, key, output) as submission would; a BAD_USER_INPUT listing the problems. */
  async checkBatchInference(params: Partial<BatchInferenceParams>): Promise<void> {
    await validateBatchInference(this.db, this.registry, params, BATCH_INFERENCE_MAX_BATCH, this.catalog);
  }

  /** Checks only a batch inference's source, key, output and batch size: for a pipeline whose earlier step trains the model. */
  async checkBatchInferenceSource(params: Partial<BatchInferenceParams>): Promise<void> {
    await checkBatchInferenceSource(this.db, this.catalog, params, BATCH_INFERENCE_MAX_BATCH);
  }

  /** Submits a TRAIN job; waits up to waitMs (0 = not at all) and returns its latest state. */
  async submitTrain(input: TrainAndRegisterInput, waitMs = 0): Promise<JobRecord> {
    const job = await this.jobs.submit({ kind: "TRAIN", params: input });
    return waitMs > 0 ? this.jobs.waitFor(job.id, Math.min(waitMs, 600_000)) : job;
  }

  /** Submits a BATCH_INFERENCE job (model version pinned at submission). */
  async submitBatchInference(params: Partial<BatchInferenceParams>, waitMs = 0): Promise<JobRecord> {
    const job = await this.jobs.submit({ kind: "BATCH_INFERENCE", params });
    return waitMs > 0 ? this.jobs.waitFor(job.id, Math.min(waitMs, 600_000)) : job;
  }

  /** Trains, evaluates and stores a new version; progress reports the stages loading → preparing → training → evaluating. */
  async train(input: TrainAndRegisterInput, run: RunOptions = {}): Promise<TrainAndRegisterResult> {
    const trained = await trainModel(this.db, input, { maxRows: this.config.maxTrainingRows, minRows: this.config.minTrainingRows }, run, this.catalog);
    const saved = await this.registry.save(trained, { name: input.name, source: input.source, activate: input.activate ?? "IF_BETTER" });
    return { ...saved, skippedFeatures: trained.skippedFeatures };
  }

  close(): void {
    this.inference.close();
  }
}
