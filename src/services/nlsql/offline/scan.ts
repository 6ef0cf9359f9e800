/** Reads a question's tokens into items: schema references, keywords, numbers, quoted text and time buckets. */
import pluralize from "pluralize";
import { DERIVATIONS, KEYWORDS, lemma, NUMBER_WORDS, SOFT_WORDS, stem, STOP_WORDS, TIME_BUCKETS, UNANSWERABLE_WORDS } from "./lexicon.js";
import { type Item, NotUnderstood } from "./frame.js";
import type { Phrase, Ref, SchemaIndex } from "./schema-index.js";

/** The lexicon's comparison keywords as SQL operators. */
export const OPS: Record<string, string> = { gt: ">", lt: "<", ge: ">=", le: "<=", eq: "=" };
const KW_SORTED = [...KEYWORDS].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length);

export interface Token {
  raw: string;
  lower: string;
  stem: string;
  num?: number;
  quote?: string;
}

export function tokenize(text: string, quotes: string[]): Token[] {
  const out: Token[] = [];
  // A minus sign right before a number that starts a word is part of it ("over -10"); elsewhere ("2025-03") it is not.
  for (const m of text.matchAll(/\u0001(\d+)|\$?((?:(?<![\w.-])-)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))|([A-Za-z][A-Za-z'’]*)/g)) {
    if (m[1] !== undefined) out.push({ raw: m[0], lower: m[0], stem: "", quote: quotes[Number(m[1])] });
    else if (m[2] !== undefined) out.push({ raw: m[2], lower: m[2], stem: m[2], num: Number(m[2].replace(/,/g, "")) });
    else {
      const raw = m[3].replace(/’/g, "'").replace(/'s?$/, "");
      const lower = raw.toLowerCase();
      if (lower in NUMBER_WORDS) out.push({ raw, lower, stem: lower, num: NUMBER_WORDS[lower] });
      else out.push({ raw, lower, stem: stem(DERIVATIONS[lower] ?? lower) });
    }
  }
  return out;
}

function matchPhrase(index: SchemaIndex, toks: Token[], i: number): { len: number; refs: Ref[]; weak: boolean[] } | null {
  const cands = index.phrases.get(toks[i].stem) ?? [];
  const hits: { n: number; exact: number; p: Phrase }[] = [];
  for (const p of cands) {
    const n = p.stems.length;
    if (i + n > toks.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = toks[i + k].stem === p.stems[k] && toks[i + k].num === undefined && !toks[i + k].quote;
    if (!ok) continue;
    // Two-letter codes ("US", "DE") only when written in capitals: "us" and "de" are words.
    if (p.ref.t === "value" && p.ref.short && toks[i].raw !== p.ref.value) continue;
    const exact = p.lemmas.length === n ? p.lemmas.filter((l, k) => l === lemma(toks[i + k].lower)).length : 0;
    // A value is data, not a concept: "managed" is not the job title "Manager", though their stems agree.
    if (p.ref.t === "value" && exact < n) continue;
    hits.push({ n, exact, p });
  }
  if (!hits.length) return null;
  const len = Math.max(...hits.map((h) => h.n));
  let best = hits.filter((h) => h.n === len);
  const exact = Math.max(...best.map((h) => h.exact));
  best = best.filter((h) => h.exact === exact);
  return { len, refs: best.map((h) => h.p.ref), weak: best.map((h) => !!h.p.weak) };
}

function matchKeyword(toks: Token[], i: number): { len: number; kw: string } | null {
  for (const [words, kw] of KW_SORTED) {
    const w = words.split(" ");
    if (i + w.length > toks.length) continue;
    if (w.every((x, k) => toks[i + k].lower === x)) return { len: w.length, kw };
  }
  return null;
}

export function scan(index: SchemaIndex, toks: Token[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i];
    if (t.quote !== undefined) {
      items.push({ k: "quote", s: t.quote, text: `"${t.quote}"` });
      i++;
      continue;
    }
    if (t.num !== undefined) {
      items.push({ k: "num", n: t.num, text: t.raw, start: i });
      i++;
      continue;
    }
    // "products that cost over 300", "costing between 10 and 50": the verb is about the price paid, not a "cost" column.
    const prevTok = toks[i - 1]?.lower ?? "";
    if (["costs", "costing", "cost"].includes(t.lower) && (t.lower !== "cost" || ["that", "which", "who", "to", "do", "does", "did"].includes(prevTok) || items[items.length - 1]?.k === "ref" && (items[items.length - 1] as { end: number }).end === i)) {
      items.push({ k: "kw", kw: "verbprice", text: t.raw });
      i++;
      continue;
    }
    const p = matchPhrase(index, toks, i);
    const kw = matchKeyword(toks, i);
    const text = (n: number) => toks.slice(i, i + n).map((x) => x.raw).join(" ");
    // Keywords win ties except "total", which is often a column; schema phrases win when longer.
    const prev = items[items.length - 1];
    // "total" is the sum keyword ("total revenue") unless it follows a table or an aggregate ("max order total").
    const totalIsColumn = kw?.kw === "sum?" && (!isRefNext(index, toks, i + 1) || prev?.k === "ref" || (prev?.k === "kw" && ["count", "sum", "avg", "min", "max"].includes(prev.kw)));
    // "with a total of at least 800": an amount compared, not a sum asked for.
    const totalOfCompared =
      kw?.kw === "sum" && t.lower === "total" && p?.len === 1 && (["a", "an"].includes(toks[i - 1]?.lower ?? "") || isComparisonNext(toks, i + kw.len) || (prev?.k === "kw" && ["avg", "min", "max"].includes(prev.kw)));
    if (totalOfCompared) {
      items.push({ k: "ref", refs: p!.refs, weak: p!.weak, start: i, end: i + 1, text: t.raw, singular: true });
      i += kw!.len;
      continue;
    }
    if (p && (!kw || p.len > kw.len || (p.len === kw.len && totalIsColumn))) {
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
      throw new NotUnderstood(`"${t.raw}" asks for a prediction, an explanation or advice; only what the data records can be answered.`, ["Ask about what happened, e.g. \"revenue by month this year\"."]);
    else {
      const err = new NotUnderstood(`I do not know what "${t.raw}" refers to in this database.`, ["Use the names of tables, columns or values shown in the catalog."]);
      err.understood = items.filter((x) => x.k === "ref" || x.k === "quote" || x.k === "bucket").map((x) => x.text);
      throw err;
    }
  }
  return items;
}

function isComparisonNext(toks: Token[], i: number): boolean {
  if (i >= toks.length) return false;
  if (toks[i].num !== undefined) return true;
  const kw = matchKeyword(toks, i);
  return !!kw && (kw.kw in OPS || kw.kw === "between");
}

function isRefNext(index: SchemaIndex, toks: Token[], i: number): boolean {
  while (i < toks.length && ["the", "a", "an", "of", "all"].includes(toks[i].lower)) i++;
  return i < toks.length && matchPhrase(index, toks, i) !== null;
}

