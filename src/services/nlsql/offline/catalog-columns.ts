/** What the translator needs to know about a table's columns: dates, labels, amounts. */
import type { CatalogColumn, CatalogTable } from "../../catalog/types.js";
import { CONCEPT_WORDS, stem } from "./lexicon.js";
import { type SchemaIndex, tokenStems } from "./schema-index.js";

export function table(index: SchemaIndex, name: string): CatalogTable {
  return index.tables.get(name)!;
}

export function isDate(c: CatalogColumn): boolean {
  return c.kind === "timestamp" || c.kind === "date" || isYearColumn(c);
}

/** An integer column holding a calendar year ("published_year", "year"): time ranges compare whole years. */
export function isYearColumn(c: CatalogColumn): boolean {
  return c.kind === "integer" && !c.isPrimaryKey && !c.references && splitWordsOf(c.name).pop() === "year";
}

function splitWordsOf(name: string): string[] {
  return name.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/).filter(Boolean);
}

/** The table's main date column: the only one, else the one named like the table, else "created". */
export function mainDate(t: CatalogTable): CatalogColumn | null {
  const dates = t.columns.filter(isDate);
  if (dates.length <= 1) return dates[0] ?? null;
  const tstems = new Set(tokenStems(t.name));
  const required = dates.filter((c) => !c.nullable);
  // Else the only date every row has: an event's time is never missing, a later milestone ("returned_at") may be.
  return dates.find((c) => tokenStems(c.name).some((s) => tstems.has(s))) ?? dates.find((c) => /creat/.test(c.name)) ?? (required.length === 1 ? required[0] : null);
}

export function labelColumn(t: CatalogTable): CatalogColumn | null {
  return t.columns.find((c) => /^(name|title|label|full_name)$/i.test(c.name)) ?? t.columns.find((c) => c.kind === "text" && c.isUnique) ?? null;
}

/** The table's numeric column for a concept ("price": price, else cost, fee, …), by name or synonym. */
export function conceptColumn(t: CatalogTable, concept: string): CatalogColumn | null {
  for (const w of CONCEPT_WORDS[concept] ?? []) {
    const c = t.columns.find((x) => [x.name, ...x.synonyms].some((n) => tokenStems(n).includes(stem(w))) && (x.kind === "number" || x.kind === "integer") && !x.references && !x.isPrimaryKey);
    if (c) return c;
  }
  return null;
}

export function numericMeasureColumns(t: CatalogTable): CatalogColumn[] {
  return t.columns.filter((c) => (c.kind === "number" || c.kind === "integer") && !c.isPrimaryKey && !c.references);
}
