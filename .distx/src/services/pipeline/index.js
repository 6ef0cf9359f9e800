import { PipelineService, pipelineProblems } from "./pipeline.service.js";
import { checkPipeline } from "./pipeline.steps.js";
export {
  PipelineService,
  checkPipeline,
  pipelineProblems
};
