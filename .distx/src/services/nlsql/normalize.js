const FILLER = /* @__PURE__ */ new Set([
  "please",
  "pls",
  "show",
  "me",
  "list",
  "give",
  "get",
  "find",
  "display",
  "tell",
  "what",
  "which",
  "are",
  "is",
  "the",
  "a",
  "an",
  "all",
  "of",
  "can",
  "you",
  "i",
  "want",
  "to",
  "see",
  "would",
  "like",
  "could",
  "do",
  "we",
  "have",
  "there",
  "return"
]);
function tokenize(question) {
  return question.normalize("NFKC").toLowerCase().replace(/[“”"'`´’]/g, "").split(/[^\p{L}\p{N}.\-_%]+/u).map((t) => t.replace(/^[.\-_]+|[.\-_]+$/g, "")).filter(Boolean);
}
const stem = (t) => new RegExp("^\\p{L}{4,}s$", "u").test(t) && !t.endsWith("ss") ? t.slice(0, -1) : t;
function normalizeQuestion(question) {
  const tokens = tokenize(question);
  const kept = tokens.filter((t) => !FILLER.has(t)).map(stem);
  return (kept.length ? kept : tokens).join(" ");
}
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
function wordSimilarity(a, b) {
  if (a === b) return 1;
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}
function nearExact(a, b, minSimilarity) {
  if (a === b) return true;
  const x = a.split(" ");
  const y = b.split(" ");
  if (x.length !== y.length) return false;
  let diffs = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    const p = x[i];
    const q = y[i];
    if (++diffs > 1 || /\d/.test(p) || /\d/.test(q) || Math.min(p.length, q.length) < 5 || wordSimilarity(p, q) < minSimilarity) return false;
  }
  return true;
}
function overlap(a, b) {
  const x = new Set(a.split(" "));
  const y = new Set(b.split(" "));
  let inter = 0;
  for (const t of x) if (y.has(t)) inter++;
  return inter / (x.size + y.size - inter || 1);
}
export {
  nearExact,
  normalizeQuestion,
  overlap,
  tokenize,
  wordSimilarity
};
