/**
 * Smart tags in COMMENT ON text, as PostGraphile reads them: a line
 * `@name newName`, `@omit` or `@omit create,update`, `@fieldName x`,
 * `@foreignFieldName y`, `@primaryKey a,b`. Every other line is the
 * description. A tag given twice keeps its last value.
 */
export type SmartTags = Readonly<Record<string, string | true>>;

export interface ParsedComment {
  tags: SmartTags;
  description: string | null;
}

const TAG_LINE = /^@([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+(.*))?$/;

export function parseSmartComment(comment: string | null | undefined): ParsedComment {
  if (!comment) return { tags: {}, description: null };
  const tags: Record<string, string | true> = {};
  const text: string[] = [];
  for (const line of comment.split(/\r?\n/)) {
    const m = TAG_LINE.exec(line.trim());
    if (m) tags[m[1]!] = m[2]?.trim() ? m[2].trim() : true;
    else text.push(line);
  }
  const description = text.join("\n").trim();
  return { tags, description: description || null };
}

/** What `@omit` leaves out: everything (`@omit` alone) or the listed actions. */
export type OmitAction = "read" | "create" | "update" | "delete" | "filter" | "order" | "all";

const OMIT_ACTIONS = new Set<OmitAction>(["read", "create", "update", "delete", "filter", "order", "all"]);

/** True when the thing carrying `tags` is omitted for `action` (a bare `@omit` omits it entirely). */
export function isOmitted(tags: SmartTags, action: Exclude<OmitAction, "all">): boolean {
  const omit = tags.omit;
  if (omit === undefined) return false;
  if (omit === true) return true;
  const listed = omit.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  // PostGraphile's short forms: C R U D F O.
  const short: Record<string, OmitAction> = { c: "create", r: "read", u: "update", d: "delete", f: "filter", o: "order" };
  const actions = new Set(listed.map((a) => (short[a] ?? a) as OmitAction).filter((a) => OMIT_ACTIONS.has(a)));
  return actions.has("all") || actions.has("read") || actions.has(action);
}

/** Actions named in `@omit` that are not known, for the report. */
export function unknownOmitActions(tags: SmartTags): string[] {
  const omit = tags.omit;
  if (typeof omit !== "string") return [];
  return omit.split(",").map((s) => s.trim()).filter((a) => a && !OMIT_ACTIONS.has(a.toLowerCase() as OmitAction) && !/^[crudfo]$/i.test(a));
}

/** A tag's text value, or null when absent or given without a value. */
export function tagText(tags: SmartTags, name: string): string | null {
  const v = tags[name];
  return typeof v === "string" ? v : null;
}
