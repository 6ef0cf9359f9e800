import { ObservabilityService } from "./observability.service.js";
import { OperationTimings, quantile, OTHER_OPERATIONS } from "./operation-timings.js";
import { DEMO_TABLES } from "./table-counts.js";
export {
  DEMO_TABLES,
  OTHER_OPERATIONS,
  ObservabilityService,
  OperationTimings,
  quantile
};
