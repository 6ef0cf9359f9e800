import { MlService } from "./ml.service.js";
import { ModelRegistry, MODEL_CHANGED_TOPIC } from "./registry.service.js";
import { InferenceService } from "./inference.service.js";
import { trainModel, trainStages } from "./train.service.js";
import { describeTable, listTables } from "./table-info.js";
import { selectFrom, buildWhere } from "./source.js";
export {
  InferenceService,
  MODEL_CHANGED_TOPIC,
  MlService,
  ModelRegistry,
  buildWhere,
  describeTable,
  listTables,
  selectFrom,
  trainModel,
  trainStages
};
