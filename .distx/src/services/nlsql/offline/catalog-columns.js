import { CONCEPT_WORDS, stem } from "./lexicon.js";
import { tokenStems } from "./schema-index.js";
function table(index, name) {
  return index.tables.get(name);
}
function isDate(c) {
  return c.kind === "timestamp" || c.kind === "date" || isYearColumn(c);
}
function isYearColumn(c) {
  return c.kind === "integer" && !c.isPrimaryKey && !c.references && splitWordsOf(c.name).pop() === "year";
}
function splitWordsOf(name) {
  return name.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/).filter(Boolean);
}
function mainDate(t) {
  const dates = t.columns.filter(isDate);
  if (dates.length <= 1) return dates[0] ?? null;
  const tstems = new Set(tokenStems(t.name));
  const required = dates.filter((c) => !c.nullable);
  return dates.find((c) => tokenStems(c.name).some((s) => tstems.has(s))) ?? dates.find((c) => /creat/.test(c.name)) ?? (required.length === 1 ? required[0] : null);
}
function labelColumn(t) {
  return t.columns.find((c) => /^(name|title|label|full_name)$/i.test(c.name)) ?? t.columns.find((c) => c.kind === "text" && c.isUnique) ?? null;
}
function conceptColumn(t, concept) {
  for (const w of CONCEPT_WORDS[concept] ?? []) {
    const c = t.columns.find((x) => [x.name, ...x.synonyms].some((n) => tokenStems(n).includes(stem(w))) && (x.kind === "number" || x.kind === "integer") && !x.references && !x.isPrimaryKey);
    if (c) return c;
  }
  return null;
}
function numericMeasureColumns(t) {
  return t.columns.filter((c) => (c.kind === "number" || c.kind === "integer") && !c.isPrimaryKey && !c.references);
}
export {
  conceptColumn,
  isDate,
  isYearColumn,
  labelColumn,
  mainDate,
  numericMeasureColumns,
  table
};
