/**
 * Reads the smart tags of a COMMENT ON text, as PostGraphile writes them:
 * leading lines `@tag value` (or a bare `@tag`), then the description. The
 * catalog takes `@name` as the other name a table or column is known by (the
 * demo's `@name Order` on orders, `@name orderedAt` on ordered_at).
 */
export interface SmartComment {
  tags: Record<string, string | true>;
  /** The comment without its tag lines; null when nothing is left. */
  text: string | null;
}

const TAG = /^@([A-Za-z_][\w-]*)(?:\s+(.*))?$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseSmartComment(comment: string | null | undefined): SmartComment {
  const tags: Record<string, string | true> = {};
  if (!comment) return { tags, text: null };
  const lines = comment.split(/\r?\n/);
  let i = 0;
  for (; i < lines.length; i++) {
    const m = TAG.exec(lines[i]!.trim());
    if (!m) break;
    tags[m[1]!] = m[2]?.trim() || true;
  }
  const text = lines.slice(i).join("\n").trim();
  return { tags, text: text || null };
}

/** The `@name` tag when it is a plain identifier, else null. */
export function smartName(c: SmartComment): string | null {
  const n = c.tags.name;
  return typeof n === "string" && NAME.test(n) ? n : null;
}
