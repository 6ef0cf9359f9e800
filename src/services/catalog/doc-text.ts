/**
 * Splits the text of a COMMENT ON (after its smart tags) into description,
 * "Synonyms: …" and "Definition: …" parts.
 */

export interface SplitDoc {
  description: string | null;
  synonyms: string[];
  definitions: Record<string, string>;
}

/**
 * Splits doc text: "Synonyms: a, b, c." anywhere in a line gives synonyms;
 * a line "Definition: revenue (also "sales") is the sum of …" gives
 * definitions revenue → "the sum of …" and sales → the same text.
 */
export function splitDoc(text: string | null | undefined): SplitDoc {
  const out: SplitDoc = { description: null, synonyms: [], definitions: {} };
  if (!text) return out;
  const descParts: string[] = [];
  for (const rawLine of text.split(/\n/)) {
    let line = rawLine.trim();
    const def = /^Definitions?\s*:\s*(.+)$/i.exec(line);
    if (def) {
      addDefinition(out.definitions, def[1]!.trim());
      continue;
    }
    const syn = /\bSynonyms?\s*:\s*([^.;]*)[.;]?/i.exec(line);
    if (syn) {
      for (const s of syn[1]!.split(",")) {
        const v = s.trim().replace(/^["']|["']$/g, "");
        if (v && !out.synonyms.includes(v)) out.synonyms.push(v);
      }
      line = (line.slice(0, syn.index) + line.slice(syn.index + syn[0].length)).trim();
    }
    if (line) descParts.push(line);
  }
  out.description = descParts.length ? descParts.join(" ") : null;
  return out;
}

function addDefinition(into: Record<string, string>, text: string): void {
  // "<term> [(also "x", "y")] is|are|means <meaning>"
  const m = /^(.+?)\s*(?:\(([^)]*)\))?\s+(?:is|are|means|=)\s+(.+)$/i.exec(text);
  if (!m) return;
  const meaning = m[3]!.replace(/\.\s*$/, "").trim();
  const terms = [m[1]!.trim()];
  if (m[2]) for (const a of m[2].replace(/^\s*also\s+/i, "").split(/,|\bor\b/)) terms.push(a.trim().replace(/^["']|["']$/g, ""));
  for (const t of terms) {
    const key = t.toLowerCase().replace(/^["']|["']$/g, "").trim();
    if (key && !(key in into)) into[key] = meaning;
  }
}
