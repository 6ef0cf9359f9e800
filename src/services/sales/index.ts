/** Sales analytics (salesSummary) over the demo shop. */
export { SalesService, SALES_TABLES, MAX_RANGE_YEARS, type SalesGroupByName, type SalesGroupRow } from "./sales.service.js";
