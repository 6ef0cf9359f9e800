import { CatalogService, GATEWAY_OWN_TABLES, findColumn, findTable, resolveAllowList } from "./catalog.service.js";
import { parsePrismaDocs, splitDoc } from "./prisma-docs.js";
import { toCatalogInfo } from "./catalog.view.js";
export {
  CatalogService,
  GATEWAY_OWN_TABLES,
  findColumn,
  findTable,
  parsePrismaDocs,
  resolveAllowList,
  splitDoc,
  toCatalogInfo
};
