/** Pipelines of ingest, quality gate, transform, train and batch inference steps, run as one parent job. */
export { PipelineService, pipelineProblems, type PipelineParams, type PipelineStep, type PipelineView } from "./pipeline.service.js";
export { checkPipeline, type PipelineIn, type StepServices } from "./pipeline.steps.js";
