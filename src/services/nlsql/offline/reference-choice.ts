/** Which of a phrase's schema references is meant, and how neighbouring references relate. */
import { lemma, splitWords } from "./lexicon.js";
import { type Item, NotUnderstood } from "./frame.js";
import type { Ref, SchemaIndex } from "./schema-index.js";

/** Chooses among same-phrase references: tables in focus first, then nearest by foreign keys. */
export function choose(index: SchemaIndex, all: Ref[], weak: boolean[], focus: string[], ctx: { wantColumn: boolean; mentioned: string[] }): Ref {
  if (all.length === 1) return all[0];
  const strong = all.filter((_r, k) => !weak[k]);
  let refs = all;
  const tableOf = (r: Ref) => (r.t === "metric" ? r.metric.table : r.table);
  const pick = (hit: Ref[]): Ref => {
    const metric = hit.find((r) => r.t === "metric");
    if (metric) return metric;
    const column = hit.find((r) => r.t === "column");
    const tbl = hit.find((r) => r.t === "table");
    const bool = hit.find((r) => r.t === "bool");
    // "rating" is the reviews table (synonym "ratings") or reviews.rating: the column once the table is known or a measure is asked.
    if (column && (ctx.wantColumn || (tbl && ctx.mentioned.includes(tableOf(tbl))) || !tbl)) return bool && !ctx.wantColumn ? bool : column;
    return tbl ?? bool ?? hit[0];
  };
  for (const f of focus) {
    const hit = refs.filter((r) => tableOf(r) === f);
    const hitStrong = hit.filter((r) => strong.includes(r));
    if (hit.length >= 1) return pick(hitStrong.length ? hitStrong : hit);
  }
  // Outside the tables in focus, a shorthand never beats a full name.
  if (strong.length) refs = strong;
  const tables = new Set(refs.map(tableOf));
  if (tables.size === 1) return pick(refs);
  throw new NotUnderstood(`"${[...tables].join('" or "')}"? The phrase matches more than one table.`, ["Name the table you mean."]);
}

/** Is `text` the table's name or a synonym as a noun ("orders", "order"), rather than a verb form ("ordered")? */
export function namesTable(index: SchemaIndex, text: string, tableName: string): boolean {
  const t = index.tables.get(tableName)!;
  const said = text.toLowerCase().split(/\s+/).map(lemma).join(" ");
  return [t.name, t.modelName ?? "", ...t.synonyms].filter(Boolean).some((n) => splitWords(n).map(lemma).join(" ") === said);
}

/** "product category": two nouns side by side, the first singular, the second its parent table. */
export function prevTableAdjacent(items: Item[], i: number): boolean {
  const prev = items[i - 1];
  const cur = items[i];
  return prev?.k === "ref" && !!prev.singular && prev.refs.length === 1 && prev.refs[0].t === "table" && cur.k === "num" && cur.start === prev.end;
}

export function nextIsParentOf(index: SchemaIndex, cur: Item, it: Item | undefined, table: string): boolean {
  if (it?.k !== "ref" || cur.k !== "ref" || it.start !== cur.end || !cur.singular) return false;
  const tabs = it.refs.filter((r) => r.t === "table");
  return tabs.length === it.refs.length && tabs.length === 1 && index.edges.some((e) => e.from === table && e.to === (tabs[0] as { table: string }).table);
}

export function nextIsColumnOf(index: SchemaIndex, cur: Item, it: Item | undefined, table: string): boolean {
  return it?.k === "ref" && cur.k === "ref" && it.start === cur.end && it.refs.some((r) => r.t === "column" && r.table === table) && !it.refs.some((r) => r.t === "table");
}
