/**
 * Question normalization for the memory and the answer cache: case,
 * punctuation, filler words and plural "s" do not change a question's key;
 * numbers and every other word do.
 */

const FILLER = new Set([
  "please", "pls", "show", "me", "list", "give", "get", "find", "display", "tell", "what", "which", "are", "is", "the", "a", "an",
  "all", "of", "can", "you", "i", "want", "to", "see", "would", "like", "could", "do", "we", "have", "there", "return",
]);

/** Lower-case words and numbers, punctuation dropped (keeps digits, letters, '.', '-' inside tokens). */
export function tokenize(question: string): string[] {
  return question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[“”"'`´’]/g, "")
    .split(/[^\p{L}\p{N}.\-_%]+/u)
    .map((t) => t.replace(/^[.\-_]+|[.\-_]+$/g, ""))
    .filter(Boolean);
}

const stem = (t: string) => (/^\p{L}{4,}s$/u.test(t) && !t.endsWith("ss") ? t.slice(0, -1) : t);

/** The memory/cache key of a question: tokens without filler words, light plural stemming. */
export function normalizeQuestion(question: string): string {
  const tokens = tokenize(question);
  const kept = tokens.filter((t) => !FILLER.has(t)).map(stem);
  return (kept.length ? kept : tokens).join(" ");
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Character similarity 0–1 of two words. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

/**
 * Near-exact: same normalized words in the same order except at most one
 * misspelt word (≥ 5 letters, no digits, similarity ≥ minSimilarity).
 * Numbers must match exactly: "top 5" never answers "top 6".
 */
export function nearExact(a: string, b: string, minSimilarity: number): boolean {
  if (a === b) return true;
  const x = a.split(" ");
  const y = b.split(" ");
  if (x.length !== y.length) return false;
  let diffs = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    const p = x[i]!;
    const q = y[i]!;
    if (++diffs > 1 || /\d/.test(p) || /\d/.test(q) || Math.min(p.length, q.length) < 5 || wordSimilarity(p, q) < minSimilarity) return false;
  }
  return true;
}

/** Overlap of two questions' word sets (Jaccard), for picking LLM examples. */
export function overlap(a: string, b: string): number {
  const x = new Set(a.split(" "));
  const y = new Set(b.split(" "));
  let inter = 0;
  for (const t of x) if (y.has(t)) inter++;
  return inter / (x.size + y.size - inter || 1);
}
