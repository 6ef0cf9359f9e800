export * from "./types.js";
import { coerce } from "./coerce.js";
import { fitPreparation, encodedColumns } from "./fit.js";
import { createEncoder, featureSlices } from "./transform.js";
import { inputProblems } from "./validate.js";
export {
  coerce,
  createEncoder,
  encodedColumns,
  featureSlices,
  fitPreparation,
  inputProblems
};
