import { QualityService, scoreReport } from "./quality.service.js";
import { inferredRules } from "./rules.js";
export {
  QualityService,
  inferredRules,
  scoreReport
};
