/** Machine learning: training on tables, the model registry, inference. */
export { MlService, type MlConfig, type TrainAndRegisterInput, type TrainAndRegisterResult } from "./ml.service.js";
export { ModelRegistry, MODEL_CHANGED_TOPIC, type ActivationPolicy, type ModelRecord } from "./registry.service.js";
export { InferenceService, type PredictResult, type PredictBatchResult, type PredictionOut } from "./inference.service.js";
export { trainModel, trainStages, type TrainInput, type TrainedModel, type RunOptions } from "./train.service.js";
export { describeTable, listTables } from "./table-info.js";
export { selectFrom, buildWhere, type SourceInput } from "./source.js";
export type { Algorithm, Task } from "./booster.js";
export { PredictionStore, checkPredictionFilter, predictionConditions, type PredictionFilter, type PredictionRecord } from "./prediction.store.js";
