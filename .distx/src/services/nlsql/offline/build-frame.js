import { RANK_CONCEPTS, stem } from "./lexicon.js";
import { NotUnderstood } from "./frame.js";
import { addFilter, newFrameState } from "./frame-state.js";
import { placeReference } from "./place-references.js";
import { placeKeyword, placeNumber, placeQuotedText, placeTimeBucket } from "./place-words.js";
import { tokenStems } from "./schema-index.js";
function buildFrame(index, items, hasTime = false, questionText = "") {
  const s = newFrameState(index, items, hasTime, questionText, tablesInFocus(items));
  for (let i = 0; i < s.items.length; i++) {
    const it = s.items[i];
    s.frame.understood.push(it.text);
    if (it.k === "num") placeNumber(s, i, it);
    else if (it.k === "quote") i = placeQuotedText(s, i, it);
    else if (it.k === "bucket") placeTimeBucket(s, it);
    else if (it.k === "kw") i = placeKeyword(s, i, it);
    else placeReference(s, i, it);
  }
  finishFrame(s);
  return s.frame;
}
function tablesInFocus(items) {
  const focus = [];
  for (const it of items)
    if (it.k === "ref") {
      const tabs = it.refs.filter((r) => r.t === "table").map((r) => r.table);
      if (tabs.length === 1 && !focus.includes(tabs[0])) focus.push(tabs[0]);
      for (const r of it.refs) if (r.t === "metric" && !focus.includes(r.metric.table)) focus.push(r.metric.table);
    }
  return focus;
}
function finishFrame(s) {
  if (s.fn === "count" && !s.frame.measure && s.frame.mentions.length) {
    s.frame.measure = { kind: "count", table: s.frame.mentions[0] };
    s.fn = null;
  }
  if (s.pendingHaving) throw new NotUnderstood("A count condition is missing what to count.");
  if (s.frame.rank && s.frame.rank.n === null && /^\s*which\b/i.test(s.questionText) && /\bthe\s+(most|highest|lowest|least|fewest|largest|biggest|smallest|greatest|cheapest|priciest|longest|shortest)\b/i.test(s.questionText)) s.frame.subjectSingular = true;
  if (s.valuesAsked && s.frame.unusedColumns.has(s.valuesAsked) && !s.frame.measure && !s.frame.groups.length && !s.frame.rank)
    throw new NotUnderstood(`Listing the distinct values of ${s.valuesAsked} is not supported; I would list whole rows.`, [`Ask "number of \u2026 per ${s.valuesAsked.split(".")[1]}" to see each value.`]);
  if (s.sortPending) throw new NotUnderstood("I could not tell what to sort by.");
  if (s.verbPrice) throw new NotUnderstood(`"cost" is only understood before a comparison ("products that cost over 100").`, ['Say "price of \u2026" or "average price of \u2026".']);
  if (s.sortDir) {
    if (!s.frame.sort) throw new NotUnderstood(`"${s.sortDir === "desc" ? "descending" : "ascending"}" needs a sort key, e.g. "sorted by price descending".`);
    s.frame.sort.dir = s.sortDir;
  }
  if (s.not || s.without) throw new NotUnderstood(`I could not tell what "${s.not ? "not" : "without"}" applies to here.`);
  if (s.or) throw new NotUnderstood(`"or" is only understood between values of one column ("France or Spain").`);
  if (s.distinct) throw new NotUnderstood(`"distinct" is only understood in a count ("number of distinct countries").`);
  if (s.group) throw new NotUnderstood(`I could not tell what to group by.`, ['Say e.g. "number of orders by status".']);
  if (s.contains) throw new NotUnderstood(`I could not tell what text to look for.`, [`Put the text in quotes, e.g. "name contains 'lamp'".`]);
  if (s.sup && !s.frame.rank) throw new NotUnderstood(`I could not tell what "${s.sup.dir === "desc" ? "highest" : "lowest"}" applies to.`, ['Say e.g. "the 5 most expensive products".']);
  if (s.rankConcept) resolveRankConcept(s, s.rankConcept);
  if (s.fn) throw new NotUnderstood(`I could not tell what to ${s.fn === "count" ? "count" : `take the ${s.fn} of`}.`);
  if (s.bound) {
    const b = s.bound;
    addFilter(s, { kind: "cmp", table: "", column: "", op: b.op, values: b.values, concept: b.concept });
  }
  if (s.cmp) throw new NotUnderstood("A comparison is missing its number.", ['Say "price over 100".']);
  if (s.pendingNum !== null && !s.frame.rank && !s.frame.recency) throw new NotUnderstood(`I do not know what the number ${s.pendingNum} refers to.`);
  if (s.pendingNum !== null && s.frame.rank && s.frame.rank.n === null) s.frame.rank.n = s.pendingNum;
  if (s.pendingNum !== null && s.frame.recency && s.frame.recency.n === null) s.frame.recency.n = s.pendingNum;
}
function resolveRankConcept(s, rankConcept) {
  const { words, fn: how, own: ownAllowed } = RANK_CONCEPTS[rankConcept];
  const subject = s.frame.mentions[0];
  const like = (t) => s.index.tables.get(t).columns.filter((c) => (c.kind === "integer" || c.kind === "number") && !c.references && !c.isPrimaryKey && words.some((w) => [c.name, ...c.synonyms].some((n) => tokenStems(n).pop() === stem(w)))).map((c) => ({ table: t, column: c.name }));
  const own = subject && ownAllowed ? like(subject) : [];
  const hits = own.length ? own : subject ? s.index.edges.filter((e) => e.to === subject).flatMap((e) => like(e.from)) : [];
  if (hits.length !== 1 || s.frame.rank.by) throw new NotUnderstood(`I do not know which column of ${subject ?? "these rows"} or its related tables "${rankConcept}" means here.`, ['Say "top 5 \u2026 by <column>".']);
  if (hits[0].table === subject) s.frame.rank.concept = `column:${hits[0].table}.${hits[0].column}`;
  else s.frame.rank.by = { kind: "agg", fn: how, ...hits[0] };
}
export {
  buildFrame
};
