/** Feature preparation: learned on the training split, stored with the model, applied identically at inference. */
export * from "./types.js";
export { coerce } from "./coerce.js";
export { fitPreparation, encodedColumns } from "./fit.js";
export { createEncoder, featureSlices } from "./transform.js";
export { inputProblems } from "./validate.js";
