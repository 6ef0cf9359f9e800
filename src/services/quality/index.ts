/** Data quality: per-column reports with an explained 0–100 score, and their history. */
export { QualityService, scoreReport, type QualityReportOut, type ColumnReport, type Deduction, type QualityInput, type Violation } from "./quality.service.js";
export { inferredRules, type QualityRule, type RuleKind } from "./rules.js";
