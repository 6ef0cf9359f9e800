/**
 * What the offline translator can recognise in a catalog: phrases for tables,
 * columns, known values, definitions ("revenue is the sum of …"), derived
 * predicates ("low stock") and roll-ups ("total: sum of its items' …"), plus
 * the foreign-key graph. Built once per catalog version.
 */
import type { Catalog, CatalogColumn, CatalogTable } from "../../catalog/types.js";
import { COUNTRIES, lemma, splitWords, stem, STOP_WORDS, UNIT_CONCEPTS } from "./lexicon.js";

export interface Condition {
  column: string;
  op: "=" | "<>" | "in" | "not in";
  values: string[];
}

export interface Metric {
  /** Term, e.g. "revenue". */
  name: string;
  table: string;
  fn: "sum" | "count" | "avg";
  column: string | null;
  conditions: Condition[];
}

export interface Rollup {
  /** Parent table and column, e.g. orders.total. */
  table: string;
  column: string;
  /** Child table whose rows sum up to it, joined by child.fk = parent.pk. */
  child: string;
  fk: string;
  /** Expression over child columns, identifiers as column names. */
  expr: string;
  columns: string[];
}

export type Ref =
  | { t: "table"; table: string }
  | { t: "column"; table: string; column: string }
  | { t: "value"; table: string; column: string; value: string; short: boolean; via?: string }
  | { t: "metric"; metric: Metric }
  | { t: "predicate"; table: string; left: string; op: "<=" | "<" | ">=" | ">"; right: string; label: string }
  | { t: "bool"; table: string; column: string; value: boolean };

export interface Phrase {
  stems: string[];
  /** Singular forms, to prefer exact words when stems collide ("medics" / "medications"). */
  lemmas: string[];
  ref: Ref;
  /** Shorthands ("name" for full_name) lose to a full match of the same length. */
  weak?: boolean;
}

export interface FkEdge {
  from: string;
  fromColumn: string;
  to: string;
  toColumn: string;
}

export interface SchemaIndex {
  catalog: Catalog;
  tables: Map<string, CatalogTable>;
  phrases: Map<string, Phrase[]>;
  edges: FkEdge[];
  rollups: Rollup[];
  /** Words that only name the whole database ("the library" for schema "library"): scaffolding when nothing else claims them. */
  softWords: Set<string>;
}

const cache = new WeakMap<Catalog, SchemaIndex>();

export function tokenStems(text: string): string[] {
  return splitWords(text).map(stem);
}

export function col(table: CatalogTable, name: string): CatalogColumn | undefined {
  return table.columns.find((c) => c.name === name);
}

function findColumnByWords(table: CatalogTable, words: string): CatalogColumn | undefined {
  const w = words.trim().toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === w || (c.fieldName ?? "").toLowerCase() === w) ?? table.columns.find((c) => tokenStems(c.name).join(" ") === tokenStems(w).join(" "));
}

/** "revenue (also "sales") is the sum of orders.total over orders whose status is not CANCELLED or REFUNDED" */
function parseDefinition(term: string, raw: string, tables: Map<string, CatalogTable>): { metric: Metric; aliases: string[] } | null {
  // Accept both "revenue (also "sales") is the sum of …" and, keyed by term, "the sum of …".
  const text = /^\s*(?:the\s+)?(sum|total|count|number|average|mean)\s+of\b/i.test(raw) ? `${term} is ${raw}` : raw;
  const m = /^\s*"?([\w ]+?)"?\s*(?:\(also\s+([^)]*)\))?\s+(?:is|means|=)\s+(?:the\s+)?(sum|total|count|number|average|mean)\s+of\s+([\w]+)(?:\.(\w+))?(?:\s+(?:over|of|across|for|in)\s+(?:all\s+)?(\w+))?(?:\s+(?:whose|where|with|that have)\s+(.+?))?\s*\.?\s*$/i.exec(text);
  if (!m) return null;
  const fn = /sum|total/i.test(m[3]) ? "sum" : /average|mean/i.test(m[3]) ? "avg" : "count";
  const tableName = m[5] ? m[4] : (m[6] ?? m[4]);
  const table = tables.get(tableName) ?? [...tables.values()].find((t) => tokenStems(t.name).join(" ") === tokenStems(tableName).join(" "));
  if (!table) return null;
  const column = m[5] ? (col(table, m[5])?.name ?? null) : null;
  if (m[5] && !column) return null;
  if (fn !== "count" && !column) return null;
  const conditions: Condition[] = [];
  if (m[7]) {
    for (const part of m[7].split(/\s+and\s+/i)) {
      const c = /^(\w+)\s+(is not|is|isn't|in|not in|equals)\s+(.+)$/i.exec(part.trim());
      if (!c) return null;
      const column = findColumnByWords(table, c[1]);
      if (!column) return null;
      const values = c[3].split(/\s*(?:,|\bor\b|\band\b)\s*/i).map((v) => v.replace(/["'().]/g, "").trim()).filter(Boolean);
      const allowed = column.enumValues ?? column.knownValues;
      if (allowed && !values.every((v) => allowed.includes(v))) return null;
      const negated = /not|n't/i.test(c[2]);
      conditions.push({ column: column.name, op: values.length > 1 ? (negated ? "not in" : "in") : negated ? "<>" : "=", values });
    }
  }
  const aliases = m[2] ? [...m[2].matchAll(/"([^"]+)"|([\w ]+)/g)].map((x) => (x[1] ?? x[2]).trim()).filter(Boolean) : [];
  return { metric: { name: term, table: table.name, fn, column, conditions }, aliases };
}

/** Column doc "sum of its items' quantity * unit_price * (1 - discount)" → a roll-up from a child table. */
function parseRollup(table: CatalogTable, column: CatalogColumn, children: FkEdge[], tables: Map<string, CatalogTable>): Rollup | null {
  const m = /sum of (?:its|the|all)\s+([\w ]+?)'s?\s+([\w\s*+\-/().]+?)(?:,|;|\.\s|\.$|$)/i.exec(column.description ?? "");
  if (!m) return null;
  const word = stem(m[1].split(/\s+/).pop()!);
  const edge = children.find((e) => {
    const child = tables.get(e.from)!;
    return [child.name, child.modelName ?? "", ...child.synonyms].some((n) => tokenStems(n).includes(word));
  });
  if (!edge) return null;
  const child = tables.get(edge.from)!;
  const ids = [...m[2].matchAll(/[A-Za-z_]\w*/g)].map((x) => x[0]);
  if (!ids.length || !ids.every((id) => col(child, id))) return null;
  return { table: table.name, column: column.name, child: child.name, fk: edge.fromColumn, expr: m[2].trim(), columns: [...new Set(ids)] };
}

/** The catalog's definitions, plus any "Definition: …" written inline in a one-line table comment. */
function definitionsOf(t: CatalogTable): Record<string, string> {
  const out = { ...t.definitions };
  for (const m of (t.description ?? "").matchAll(/Definition:\s*(.+?)(?=\s+[A-Z][a-z]+:|$)/g)) {
    const text = m[1].trim().replace(/\.$/, "");
    const term = /^"?([\w ]+?)"?\s*(?:\(|\bis\b|\bmeans\b)/i.exec(text)?.[1]?.trim().toLowerCase();
    if (term && !(term in out)) out[term] = text;
  }
  return out;
}

function add(phrases: Map<string, Phrase[]>, text: string, ref: Ref, weak = false): void {
  const stems = tokenStems(text);
  if (!stems.length) return;
  if (stems.length === 1 && STOP_WORDS.has(stems[0]) && !(ref.t === "value" && ref.short)) return;
  const list = phrases.get(stems[0]) ?? [];
  if (!list.some((p) => p.stems.join(" ") === stems.join(" ") && JSON.stringify(p.ref) === JSON.stringify(ref))) list.push({ stems, lemmas: splitWords(text).map(lemma), ref, weak });
  phrases.set(stems[0], list);
}

function isCountryColumn(c: CatalogColumn): boolean {
  return /\bcountr(y|ies)\b|iso 3166/i.test(`${c.name} ${c.description ?? ""}`) && (c.knownValues ?? []).every((v) => /^[A-Z]{2}$/.test(v));
}

export function buildSchemaIndex(catalog: Catalog): SchemaIndex {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  const phrases = new Map<string, Phrase[]>();
  const edges: FkEdge[] = [];
  for (const t of catalog.tables)
    for (const c of t.columns) if (c.references && tables.has(c.references.table)) edges.push({ from: t.name, fromColumn: c.name, to: c.references.table, toColumn: c.references.column });

  const tableStems = new Set(catalog.tables.flatMap((t) => [t.name, t.modelName ?? "", ...t.synonyms].map((n) => tokenStems(n).join(" "))));
  for (const t of catalog.tables) {
    for (const n of [t.name, t.modelName ?? "", ...t.synonyms]) if (n) add(phrases, n, { t: "table", table: t.name });
    for (const c of t.columns) {
      if (c.references) continue; // a foreign key is reached through its table
      const words = splitWords(c.name);
      if (!(c.isPrimaryKey && words.length === 1 && words[0] === "id")) {
        add(phrases, c.name, { t: "column", table: t.name, column: c.name });
        if (c.fieldName) add(phrases, c.fieldName, { t: "column", table: t.name, column: c.name });
        // "created_at" is also said "created"; "unit_price" is not said "unit".
        // So is "published_year" (an integer year) "published".
        if (words.length === 2 && (["at", "on", "date", "time"].includes(words[1]) || (words[1] === "year" && c.kind === "integer")) && !tableStems.has(stem(words[0])))
          add(phrases, words[0], { t: "column", table: t.name, column: c.name }, true);
        // The head noun of a compound name ("full_name" → "name"), when no other column of the table ends the same way.
        const head = words[words.length - 1];
        if (words.length === 2 && !["at", "on", "id", "date", "time", "year"].includes(head) && !tableStems.has(stem(head)) && t.columns.filter((o) => splitWords(o.name).pop() === head).length === 1)
          add(phrases, head, { t: "column", table: t.name, column: c.name }, true);
        for (const s of c.synonyms) add(phrases, s, { t: "column", table: t.name, column: c.name });
        // Unit words ("4 stars") for a numeric column whose name or synonyms are that kind of measure ("rating").
        if (c.kind === "integer" || c.kind === "number") {
          const names = new Set([c.name, ...c.synonyms].flatMap((n) => tokenStems(n)));
          for (const [unit, kinds] of Object.entries(UNIT_CONCEPTS)) if (kinds.some((k) => names.has(stem(k)))) add(phrases, unit, { t: "column", table: t.name, column: c.name }, true);
        }
      }
      if (c.kind === "boolean") {
        add(phrases, c.name, { t: "bool", table: t.name, column: c.name, value: true });
        add(phrases, `in${c.name}`, { t: "bool", table: t.name, column: c.name, value: false });
        add(phrases, `un${c.name}`, { t: "bool", table: t.name, column: c.name, value: false });
        add(phrases, `non ${c.name}`, { t: "bool", table: t.name, column: c.name, value: false });
        add(phrases, `not ${c.name}`, { t: "bool", table: t.name, column: c.name, value: false });
      }
      const values = c.enumValues ?? c.knownValues ?? [];
      for (const v of values) add(phrases, v, { t: "value", table: t.name, column: c.name, value: v, short: v.length <= 2 });
      if (isCountryColumn(c)) for (const [name, code] of Object.entries(COUNTRIES)) if (values.includes(code)) add(phrases, name, { t: "value", table: t.name, column: c.name, value: code, short: false, via: name });
      // 'Reorder level: stock at or below it means "low stock"'
      const p = /(\w+)\s+(at or below|below|at or above|above)\s+it\s+means\s+"([^"]+)"/i.exec(c.description ?? "");
      const left = p ? findColumnByWords(t, p[1]) : undefined;
      if (p && left) {
        const op = ({ "at or below": "<=", below: "<", "at or above": ">=", above: ">" } as const)[p[2].toLowerCase() as "below"];
        const ref = { t: "predicate", table: t.name, left: left.name, op, right: c.name, label: p[3] } as const;
        add(phrases, p[3], ref);
        // "low stock" is also said "low on stock" / "low in stock".
        const w = p[3].trim().split(/\s+/);
        if (w.length === 2) for (const prep of ["on", "in"]) add(phrases, `${w[0]} ${prep} ${w[1]}`, ref);
      }
    }
  }
  for (const t of catalog.tables)
    for (const [term, text] of Object.entries(definitionsOf(t))) {
      const d = parseDefinition(term, text, tables);
      if (!d) continue;
      for (const n of [d.metric.name, ...d.aliases]) add(phrases, n, { t: "metric", metric: d.metric });
    }
  const rollups: Rollup[] = [];
  for (const t of catalog.tables)
    for (const c of t.columns) {
      const r = parseRollup(t, c, edges.filter((e) => e.to === t.name), tables);
      if (r) rollups.push(r);
    }
  const softWords = new Set(catalog.tables.map((t) => t.schema.toLowerCase()).filter((n) => n !== "public" && /^[a-z]+$/.test(n)));
  const index = { catalog, tables, phrases, edges, rollups, softWords };
  cache.set(catalog, index);
  return index;
}
