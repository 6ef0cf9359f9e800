import pluralize from "pluralize";
import { DERIVATIONS, KEYWORDS, lemma, NUMBER_WORDS, SOFT_WORDS, stem, STOP_WORDS, TIME_BUCKETS, UNANSWERABLE_WORDS } from "./lexicon.js";
import { NotUnderstood } from "./frame.js";
const OPS = { gt: ">", lt: "<", ge: ">=", le: "<=", eq: "=" };
const KW_SORTED = [...KEYWORDS].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length);
function tokenize(text, quotes) {
  const out = [];
  for (const m of text.matchAll(/\u0001(\d+)|\$?((?:(?<![\w.-])-)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))|([A-Za-z][A-Za-z'’]*)/g)) {
    if (m[1] !== void 0) out.push({ raw: m[0], lower: m[0], stem: "", quote: quotes[Number(m[1])] });
    else if (m[2] !== void 0) out.push({ raw: m[2], lower: m[2], stem: m[2], num: Number(m[2].replace(/,/g, "")) });
    else {
      const raw = m[3].replace(/’/g, "'").replace(/'s?$/, "");
      const lower = raw.toLowerCase();
      if (lower in NUMBER_WORDS) out.push({ raw, lower, stem: lower, num: NUMBER_WORDS[lower] });
      else out.push({ raw, lower, stem: stem(DERIVATIONS[lower] ?? lower) });
    }
  }
  return out;
}
function matchPhrase(index, toks, i) {
  const cands = index.phrases.get(toks[i].stem) ?? [];
  const hits = [];
  for (const p of cands) {
    const n = p.stems.length;
    if (i + n > toks.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = toks[i + k].stem === p.stems[k] && toks[i + k].num === void 0 && !toks[i + k].quote;
    if (!ok) continue;
    if (p.ref.t === "value" && p.ref.short && toks[i].raw !== p.ref.value) continue;
    const exact2 = p.lemmas.length === n ? p.lemmas.filter((l, k) => l === lemma(toks[i + k].lower)).length : 0;
    if (p.ref.t === "value" && exact2 < n) continue;
    hits.push({ n, exact: exact2, p });
  }
  if (!hits.length) return null;
  const len = Math.max(...hits.map((h) => h.n));
  let best = hits.filter((h) => h.n === len);
  const exact = Math.max(...best.map((h) => h.exact));
  best = best.filter((h) => h.exact === exact);
  return { len, refs: best.map((h) => h.p.ref), weak: best.map((h) => !!h.p.weak) };
}
function matchKeyword(toks, i) {
  for (const [words, kw] of KW_SORTED) {
    const w = words.split(" ");
    if (i + w.length > toks.length) continue;
    if (w.every((x, k) => toks[i + k].lower === x)) return { len: w.length, kw };
  }
  return null;
}
function scan(index, toks) {
  const items = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i];
    if (t.quote !== void 0) {
      items.push({ k: "quote", s: t.quote, text: `"${t.quote}"` });
      i++;
      continue;
    }
    if (t.num !== void 0) {
      items.push({ k: "num", n: t.num, text: t.raw, start: i });
      i++;
      continue;
    }
    const prevTok = toks[i - 1]?.lower ?? "";
    if (["costs", "costing", "cost"].includes(t.lower) && (t.lower !== "cost" || ["that", "which", "who", "to", "do", "does", "did"].includes(prevTok) || items[items.length - 1]?.k === "ref" && items[items.length - 1].end === i)) {
      items.push({ k: "kw", kw: "verbprice", text: t.raw });
      i++;
      continue;
    }
    const p = matchPhrase(index, toks, i);
    const kw = matchKeyword(toks, i);
    const text = (n) => toks.slice(i, i + n).map((x) => x.raw).join(" ");
    const prev = items[items.length - 1];
    const totalIsColumn = kw?.kw === "sum?" && (!isRefNext(index, toks, i + 1) || prev?.k === "ref" || prev?.k === "kw" && ["count", "sum", "avg", "min", "max"].includes(prev.kw));
    const totalOfCompared = kw?.kw === "sum" && t.lower === "total" && p?.len === 1 && (["a", "an"].includes(toks[i - 1]?.lower ?? "") || isComparisonNext(toks, i + kw.len) || prev?.k === "kw" && ["avg", "min", "max"].includes(prev.kw));
    if (totalOfCompared) {
      items.push({ k: "ref", refs: p.refs, weak: p.weak, start: i, end: i + 1, text: t.raw, singular: true });
      i += kw.len;
      continue;
    }
    if (p && (!kw || p.len > kw.len || p.len === kw.len && totalIsColumn)) {
      const last = toks[i + p.len - 1].lower;
      items.push({ k: "ref", refs: p.refs, weak: p.weak, start: i, end: i + p.len, text: text(p.len), singular: pluralize.isSingular(last) && !pluralize.isPlural(last) });
      i += p.len;
    } else if (kw) {
      items.push({ k: "kw", kw: kw.kw === "sum?" ? "sum" : kw.kw, text: text(kw.len) });
      i += kw.len;
    } else if (TIME_BUCKETS[t.lower] || TIME_BUCKETS[t.stem]) {
      items.push({ k: "bucket", unit: TIME_BUCKETS[t.lower] ?? TIME_BUCKETS[t.stem], text: t.raw });
      i++;
    } else if (STOP_WORDS.has(t.lower) || SOFT_WORDS.has(t.lower) || index.softWords.has(t.lower)) i++;
    else if (UNANSWERABLE_WORDS.has(t.lower))
      throw new NotUnderstood(`"${t.raw}" asks for a prediction, an explanation or advice; only what the data records can be answered.`, ['Ask about what happened, e.g. "revenue by month this year".']);
    else {
      const err = new NotUnderstood(`I do not know what "${t.raw}" refers to in this database.`, ["Use the names of tables, columns or values shown in the catalog."]);
      err.understood = items.filter((x) => x.k === "ref" || x.k === "quote" || x.k === "bucket").map((x) => x.text);
      throw err;
    }
  }
  return items;
}
function isComparisonNext(toks, i) {
  if (i >= toks.length) return false;
  if (toks[i].num !== void 0) return true;
  const kw = matchKeyword(toks, i);
  return !!kw && (kw.kw in OPS || kw.kw === "between");
}
function isRefNext(index, toks, i) {
  while (i < toks.length && ["the", "a", "an", "of", "all"].includes(toks[i].lower)) i++;
  return i < toks.length && matchPhrase(index, toks, i) !== null;
}
export {
  OPS,
  scan,
  tokenize
};
