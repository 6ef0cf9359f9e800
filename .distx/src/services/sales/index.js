import { SalesService, SALES_TABLES, MAX_RANGE_YEARS } from "./sales.service.js";
export {
  MAX_RANGE_YEARS,
  SALES_TABLES,
  SalesService
};
