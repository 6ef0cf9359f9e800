import { lemma, splitWords } from "./lexicon.js";
import { NotUnderstood } from "./frame.js";
function choose(index, all, weak, focus, ctx) {
  if (all.length === 1) return all[0];
  const strong = all.filter((_r, k) => !weak[k]);
  let refs = all;
  const tableOf = (r) => r.t === "metric" ? r.metric.table : r.table;
  const pick = (hit) => {
    const metric = hit.find((r) => r.t === "metric");
    if (metric) return metric;
    const column = hit.find((r) => r.t === "column");
    const tbl = hit.find((r) => r.t === "table");
    const bool = hit.find((r) => r.t === "bool");
    if (column && (ctx.wantColumn || tbl && ctx.mentioned.includes(tableOf(tbl)) || !tbl)) return bool && !ctx.wantColumn ? bool : column;
    return tbl ?? bool ?? hit[0];
  };
  for (const f of focus) {
    const hit = refs.filter((r) => tableOf(r) === f);
    const hitStrong = hit.filter((r) => strong.includes(r));
    if (hit.length >= 1) return pick(hitStrong.length ? hitStrong : hit);
  }
  if (strong.length) refs = strong;
  const tables = new Set(refs.map(tableOf));
  if (tables.size === 1) return pick(refs);
  throw new NotUnderstood(`"${[...tables].join('" or "')}"? The phrase matches more than one table.`, ["Name the table you mean."]);
}
function namesTable(index, text, tableName) {
  const t = index.tables.get(tableName);
  const said = text.toLowerCase().split(/\s+/).map(lemma).join(" ");
  return [t.name, t.modelName ?? "", ...t.synonyms].filter(Boolean).some((n) => splitWords(n).map(lemma).join(" ") === said);
}
function prevTableAdjacent(items, i) {
  const prev = items[i - 1];
  const cur = items[i];
  return prev?.k === "ref" && !!prev.singular && prev.refs.length === 1 && prev.refs[0].t === "table" && cur.k === "num" && cur.start === prev.end;
}
function nextIsParentOf(index, cur, it, table) {
  if (it?.k !== "ref" || cur.k !== "ref" || it.start !== cur.end || !cur.singular) return false;
  const tabs = it.refs.filter((r) => r.t === "table");
  return tabs.length === it.refs.length && tabs.length === 1 && index.edges.some((e) => e.from === table && e.to === tabs[0].table);
}
function nextIsColumnOf(index, cur, it, table) {
  return it?.k === "ref" && cur.k === "ref" && it.start === cur.end && it.refs.some((r) => r.t === "column" && r.table === table) && !it.refs.some((r) => r.t === "table");
}
export {
  choose,
  namesTable,
  nextIsColumnOf,
  nextIsParentOf,
  prevTableAdjacent
};
