/** The machine-learning capability as the rest of the gateway sees it: train-and-register, the registry, inference. */
import type { Database } from "../db/database.js";
import type { Logger } from "../log.js";
import type { GatewayPubSub } from "../pubsub/index.js";
import { InferenceService } from "./inference.service.js";
import { ModelRegistry, type ActivationPolicy, type SaveResult } from "./registry.service.js";
import { trainModel, type RunOptions, type TrainInput, type TrainedModel } from "./train.service.js";

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

  constructor(
    private readonly db: Database,
    pubSub: GatewayPubSub,
    private readonly config: MlConfig,
    log: Logger,
  ) {
    this.registry = new ModelRegistry(db, pubSub, log);
    this.inference = new InferenceService(this.registry, pubSub, { maxBatch: config.predictBatchMax, maxPinned: 8 }, log);
  }

  /** Trains, evaluates and stores a new version; progress reports the stages loading → preparing → training → evaluating. */
  async train(input: TrainAndRegisterInput, run: RunOptions = {}): Promise<TrainAndRegisterResult> {
    const trained = await trainModel(this.db, input, { maxRows: this.config.maxTrainingRows, minRows: this.config.minTrainingRows }, run);
    const saved = await this.registry.save(trained, { name: input.name, source: input.source, activate: input.activate ?? "IF_BETTER" });
    return { ...saved, skippedFeatures: trained.skippedFeatures };
  }

  close(): void {
    this.inference.close();
  }
}
