/**
 * Every name the data API generates comes from this table of functions:
 * GraphQL conventions (singular PascalCase types, camelCase fields, plural
 * lists, CONSTANT_CASE enum values) from SQL names of any shape — snake_case,
 * mixedCase, "Quoted Mixed", prefixed (`tblCustomer`), non-ASCII or starting
 * with a digit. Collisions are not resolved here but in naming.ts, which
 * tries these candidates in order.
 */
import pluralizeLib from "pluralize";

/** Words that pluralize would bend into a Latin singular (`data` → `datum`), kept as they are. */
const UNCOUNTABLE = new Set(["data", "metadata", "info", "information", "media", "feedback", "staff", "personnel", "equipment", "software", "hardware"]);

const FOLD: Record<string, string> = { ß: "ss", æ: "ae", Æ: "Ae", ø: "o", Ø: "O", œ: "oe", Œ: "Oe", đ: "d", Đ: "D", ł: "l", Ł: "L", þ: "th", Þ: "Th", ð: "d", Ð: "D" };

/**
 * Splits an SQL name into words: on anything not a letter or digit and on
 * case changes (`sbTxAmount` → sb, Tx, Amount; `HTTPServer` → HTTP, Server).
 * Accents are dropped; letters with no ASCII form become `u<hex>` words, so
 * every name yields a deterministic, valid result.
 */
export function words(raw: string): string[] {
  const folded = raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x00-\x7f]/gu, (ch) => FOLD[ch] ?? (/\p{L}|\p{N}/u.test(ch) ? ` u${ch.codePointAt(0)!.toString(16)} ` : " "));
  return folded
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** A valid GraphQL name: no leading digit, no leading `__` (reserved for introspection). */
export function coerceName(name: string): string {
  let n = name.replace(/[^_0-9A-Za-z]/g, "_");
  if (/^[0-9]/.test(n)) n = `_${n}`;
  if (n.startsWith("__")) n = `_${n.replace(/^_+/, "")}`;
  return n || "_";
}

export const pascal = (ws: string[]) => coerceName(ws.map(cap).join(""));
export const camel = (ws: string[]) => coerceName(ws.map((w, i) => (i === 0 ? w.toLowerCase() : cap(w))).join(""));
export const constant = (ws: string[]) => coerceName(ws.map((w) => w.toUpperCase()).join("_"));

function onLast(ws: string[], f: (w: string) => string): string[] {
  if (ws.length === 0) return ws;
  const last = ws[ws.length - 1]!;
  // A trailing digit (`address2`) has no plural; uncountables keep their form.
  if (UNCOUNTABLE.has(last.toLowerCase()) || /[0-9]$/.test(last)) return ws;
  return [...ws.slice(0, -1), f(last)];
}
export const singular = (ws: string[]) => onLast(ws, pluralizeLib.singular);
export const plural = (ws: string[]) => onLast(ws, pluralizeLib.plural);

/** A GraphQL enum value for an enum label: kept when it is already a valid name, else CONSTANT_CASE of its words. */
export function enumValueName(label: string): string {
  if (label === "") return "_EMPTY_";
  if (/^[_A-Za-z][_0-9A-Za-z]*$/.test(label) && !/^(true|false|null)$/.test(label) && !label.startsWith("__")) return label;
  const ws = words(label);
  if (ws.length === 0) return `_${[...label].map((c) => c.codePointAt(0)!.toString(16).toUpperCase()).join("_")}`;
  const name = constant(ws);
  return /^(TRUE|FALSE|NULL)$/.test(name) && /^(true|false|null)$/i.test(label) ? `${name}_` : name;
}

/** The names of one table, derived from its (already singular) base words and, for relations, field names. */
export const inflect = {
  typeName: (base: string[]) => pascal(base),
  connectionType: (typeName: string) => `${typeName}Connection`,
  edgeType: (typeName: string) => `${typeName}Edge`,
  filterType: (typeName: string) => `${typeName}Filter`,
  orderByType: (typeName: string) => `${typeName}OrderBy`,
  inputType: (typeName: string) => `${typeName}Input`,
  patchType: (typeName: string) => `${typeName}Patch`,
  /** Every type name a table claims, so a collision on any of them renames the table. */
  tableTypeNames: (typeName: string) => [typeName, `${typeName}Connection`, `${typeName}Edge`, `${typeName}Filter`, `${typeName}OrderBy`, `${typeName}Input`, `${typeName}Patch`],

  column: (name: string) => camel(words(name)),
  lookupField: (base: string[]) => camel(base),
  listField: (base: string[]) => camel(plural(base)),
  /** When the plural reads like the singular (`news`) or collides: `allNews`. */
  allListField: (base: string[]) => camel(["all", ...plural(base)]),
  uniqueLookupField: (base: string[], fields: string[]) => camel([...base, "by", ...joinAnd(fields)]),

  /** `customer_id` → `customer`, `parentId` → `parent`; null when the key is composite or has no id suffix. */
  forwardRelationFromColumn(columnField: string, columnCount: number): string | null {
    if (columnCount !== 1) return null;
    const ws = words(columnField);
    if (ws.length < 2 || !/^(id|fk|key|ref|code|uuid)$/i.test(ws[ws.length - 1]!)) return null;
    return camel(ws.slice(0, -1));
  },
  /** `customerByCustomerId`, `accountByFromBankAndFromNo`. */
  forwardRelationByKeys: (foreignBase: string[], localFields: string[]) => camel([...foreignBase, "by", ...joinAnd(localFields)]),
  /** `orders` on Customer for orders.customer_id. */
  backwardRelation: (childBase: string[]) => camel(plural(childBase)),
  /** `transfersByFromAccountId` when two keys of one table reach the same table. */
  backwardRelationByKeys: (childBase: string[], childFields: string[]) => camel([...plural(childBase), "by", ...joinAnd(childFields)]),
  /** A backward relation whose key is unique on the child: one row, `userProfile`. */
  backwardSingleRelation: (childBase: string[]) => camel(childBase),
  backwardSingleRelationByKeys: (childBase: string[], childFields: string[]) => camel([...childBase, "by", ...joinAnd(childFields)]),

  enumType: (name: string) => pascal(words(name)),
  orderByValue: (fieldName: string, ascending: boolean) => `${constant(words(fieldName))}_${ascending ? "ASC" : "DESC"}`,

  createOne: (typeName: string) => `create${typeName}`,
  createMany: (base: string[]) => `create${pascal(pluralOrList(base))}`,
  updateOne: (typeName: string) => `update${typeName}`,
  updateMany: (base: string[]) => `update${pascal(pluralOrList(base))}`,
  deleteOne: (typeName: string) => `delete${typeName}`,
  deleteMany: (base: string[]) => `delete${pascal(pluralOrList(base))}`,
};

function joinAnd(fields: string[]): string[] {
  const out: string[] = [];
  fields.forEach((f, i) => {
    if (i > 0) out.push("and");
    out.push(...words(f));
  });
  return out;
}

/** `news` → `newsList` so the many-row mutation differs from the one-row one. */
function pluralOrList(base: string[]): string[] {
  const p = plural(base);
  return pascal(p) === pascal(base) ? [...base, "list"] : p;
}

/** For descriptions: `customer_id points` / `(invoice_id, line_no) point`. */
export const keyPhrase = (columns: string[]) => (columns.length === 1 ? `${columns[0]} points` : `(${columns.join(", ")}) point`);
