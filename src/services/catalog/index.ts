export type { Catalog, CatalogColumn, CatalogTable } from "./types.js";
export { CatalogService, GATEWAY_OWN_TABLES, findColumn, findTable, resolveAllowList, type CatalogServiceOptions } from "./catalog.service.js";
export { parsePrismaDocs, splitDoc, type PrismaDocs, type PrismaModelDoc, type PrismaFieldDoc } from "./prisma-docs.js";
export { toCatalogInfo } from "./catalog.view.js";
export { catalogFingerprint, diffFingerprints, type CatalogFingerprint, type CatalogDiff } from "./fingerprint.js";
