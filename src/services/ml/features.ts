/** Decides which columns can be features and how each is read (number, boolean, category, date). */
import type { CatalogColumn, CatalogTable } from "../catalog/types.js";
import type { FeatureKind, FeatureSpec } from "./prepare/index.js";

export function featureKindOf(col: CatalogColumn): FeatureKind | null {
  switch (col.kind) {
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "enum":
    case "text":
      return "category";
    case "timestamp":
    case "date":
      return "date";
    default:
      return null;
  }
}

export function specOf(col: CatalogColumn): FeatureSpec {
  const kind = featureKindOf(col)!;
  return { name: col.name, kind, sqlType: col.sqlType, ...(col.enumValues ? { categories: col.enumValues } : {}) };
}

/**
 * The columns used when no feature list is given, and why the others were left out:
 * keys and unique columns identify rows rather than describe them.
 */
export function defaultFeatures(table: CatalogTable, target: string): { use: CatalogColumn[]; skipped: Array<{ name: string; reason: string }> } {
  const use: CatalogColumn[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  for (const col of table.columns) {
    if (col.name === target) continue;
    if (col.isPrimaryKey) skipped.push({ name: col.name, reason: "primary key" });
    else if (col.isUnique) skipped.push({ name: col.name, reason: "unique column (identifies rows)" });
    else if (col.references) skipped.push({ name: col.name, reason: `foreign key to ${col.references.table} (an identifier, not a quantity); list it in features to use it` });
    else if (!featureKindOf(col)) skipped.push({ name: col.name, reason: `type ${col.sqlType} is not usable as a feature` });
    else use.push(col);
  }
  return { use, skipped };
}
