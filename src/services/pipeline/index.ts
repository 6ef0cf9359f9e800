/** Pipelines of quality gate → train → batch inference steps, run as one parent job. */
export { PipelineService, pipelineProblems, type PipelineParams, type PipelineStep, type PipelineView } from "./pipeline.service.js";
