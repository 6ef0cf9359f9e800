export { ObservabilityService, type GatewayStats } from "./observability.service.js";
export { OperationTimings, quantile, OTHER_OPERATIONS, type OperationTiming } from "./operation-timings.js";
export { DEMO_TABLES, type TableCount } from "./table-counts.js";
