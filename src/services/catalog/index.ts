export type { Catalog, CatalogColumn, CatalogTable } from "./types.js";
export { CatalogService, findColumn, findTable, resolveAllowList, type CatalogServiceOptions } from "./catalog.service.js";
export { splitDoc, type SplitDoc } from "./doc-text.js";
export { parseSmartComment, smartName, type SmartComment } from "./smart-comment.js";
export { toCatalogInfo } from "./catalog.view.js";
export { catalogFingerprint, diffFingerprints, type CatalogFingerprint, type CatalogDiff } from "./fingerprint.js";
