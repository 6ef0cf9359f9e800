/**
 * Checks one incoming record against a table's columns and turns its values
 * into the text PostgreSQL parses for each column type. Coercions:
 * - integer: JSON integers or strings of digits ("42"); range-checked for int2/int4.
 * - numeric/real: JSON numbers or numeric strings ("12.50", "1e3"); numeric(p,s) digits checked.
 * - boolean: true/false, "true"/"false", "t"/"f", "1"/"0", "yes"/"no" (any case).
 * - timestamp: ISO 8601 strings ("2024-05-01", "2024-05-01T10:00:00Z"; without offset = UTC) or epoch milliseconds.
 * - date: "YYYY-MM-DD" or an ISO date-time (its UTC date).
 * - enum: exactly one of the declared labels.
 * - json: any JSON value (from CSV: the cell must be JSON text).
 * - text: strings; numbers and booleans become their text.
 * - empty CSV cells and JSON null are NULL — or, on insert, the column's default when it has one.
 */
import type { CatalogColumn, CatalogTable } from "../catalog/types.js";
import type { WritableTable } from "./tables.js";

export type WriteMode = "INSERT" | "UPSERT" | "UPDATE";

export interface CoercedRecord {
  /** SQL column names, in the table's column order. */
  columns: string[];
  /** Text values (null = SQL NULL), aligned with columns. */
  values: Array<string | null>;
}

export type CoerceResult = { ok: true; record: CoercedRecord } | { ok: false; reason: string };

const INT_RANGE: Record<string, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRUE = new Set(["true", "t", "1", "yes", "y"]);
const FALSE = new Set(["false", "f", "0", "no", "n"]);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** JS Date rolls 2024-02-30 over to March 1; PostgreSQL refuses it, and so do we. */
function validCalendar(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/i.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[mo - 1]!)) return false;
  return m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59 && (m[6] === undefined || Number(m[6]) <= 59));
}

const show = (v: unknown) => {
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

type ValueResult = { ok: true; text: string | null } | { ok: false; reason: string };

// Module-level, not a closure per call: coerceValue runs once per cell of million-row inputs.
const bad = (col: CatalogColumn, value: unknown, expected: string): ValueResult => ({ ok: false, reason: `column ${col.name} expects ${expected}; got ${show(value)}` });

/** Integer digits allowed by numeric(p,s), or null for unbounded numeric/real types (cached per column). */
const numericDigits = new WeakMap<CatalogColumn, number | null>();
function intDigitsOf(col: CatalogColumn): number | null {
  let d = numericDigits.get(col);
  if (d === undefined) {
    const m = /^numeric\((\d+),(\d+)\)$/.exec(col.sqlType.replace(/\s/g, ""));
    d = m ? Number(m[1]) - Number(m[2]) : null;
    numericDigits.set(col, d);
  }
  return d;
}

/** One value → PostgreSQL text for the column, or an error message. `fromText` marks CSV cells. */
export function coerceValue(col: CatalogColumn, value: unknown, fromText: boolean): ValueResult {
  if (value === null || value === undefined || (fromText && value === "")) {
    return { ok: true, text: null };
  }
  switch (col.kind) {
    case "integer": {
      const s = typeof value === "number" ? (Number.isInteger(value) ? String(value) : "") : typeof value === "string" ? value.trim() : "";
      if (!/^[+-]?\d+$/.test(s)) return bad(col, value, "a whole number");
      const range = INT_RANGE[col.sqlType];
      // Up to 4 digits fits every integer type; only longer ones need the BigInt range check.
      if (range && s.replace(/^[+-]/, "").length > 4) {
        const n = BigInt(s);
        if (n < range[0] || n > range[1]) return bad(col, value, `a whole number between ${range[0]} and ${range[1]} (${col.sqlType})`);
      }
      return { ok: true, text: s };
    }
    case "number": {
      const s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : typeof value === "string" ? value.trim() : "";
      if (!NUMERIC.test(s)) return bad(col, value, "a number");
      const intDigits = intDigitsOf(col);
      if (intDigits !== null) {
        const whole = Math.abs(Number(s));
        if (whole >= 10 ** intDigits) return bad(col, value, `a number below ${10 ** intDigits} (${col.sqlType})`);
      }
      return { ok: true, text: s };
    }
    case "boolean": {
      if (typeof value === "boolean") return { ok: true, text: String(value) };
      const s = typeof value === "string" || typeof value === "number" ? String(value).trim().toLowerCase() : "";
      if (TRUE.has(s)) return { ok: true, text: "true" };
      if (FALSE.has(s)) return { ok: true, text: "false" };
      return bad(col, value, "true or false");
    }
    case "timestamp":
    case "date": {
      if (col.kind === "timestamp" && typeof value === "string") {
        // Fast path: a valid ISO string goes to PostgreSQL as is (no offset → UTC), without a Date round trip.
        const s = value.trim();
        if (ISO_DATETIME.test(s) && validCalendar(s)) return { ok: true, text: /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(s) ? s : `${s}Z` };
        if (ISO_DATE.test(s) && validCalendar(s)) return { ok: true, text: `${s}T00:00:00Z` };
      }
      let d: Date | null = null;
      if (typeof value === "number" && Number.isFinite(value)) d = new Date(value);
      else if (typeof value === "string") {
        const s = value.trim();
        if (ISO_DATE.test(s)) d = new Date(`${s}T00:00:00Z`);
        else if (ISO_DATETIME.test(s)) d = new Date(/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(s) ? s.replace(" ", "T") : `${s.replace(" ", "T")}Z`);
      }
      if (d && typeof value === "string" && !validCalendar(value.trim())) d = null;
      if (!d || Number.isNaN(d.getTime())) return bad(col, value, col.kind === "date" ? "a date like 2024-05-01" : "an ISO 8601 date or date-time like 2024-05-01T10:00:00Z");
      return { ok: true, text: col.kind === "date" ? d.toISOString().slice(0, 10) : d.toISOString() };
    }
    case "enum": {
      const s = typeof value === "string" ? value : "";
      if (!col.enumValues?.includes(s)) return bad(col, value, `one of ${(col.enumValues ?? []).join(", ")}`);
      return { ok: true, text: s };
    }
    case "json": {
      if (fromText && typeof value === "string") {
        try {
          JSON.parse(value);
          return { ok: true, text: value };
        } catch {
          return bad(col, value, "JSON text");
        }
      }
      return { ok: true, text: JSON.stringify(value) };
    }
    case "uuid": {
      if (typeof value !== "string" || !UUID.test(value.trim())) return bad(col, value, "a UUID");
      return { ok: true, text: value.trim() };
    }
    case "text": {
      if (typeof value === "string") return { ok: true, text: value };
      if (typeof value === "number" || typeof value === "boolean") return { ok: true, text: String(value) };
      return bad(col, value, "text");
    }
    default: {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { ok: true, text: String(value) };
      return { ok: true, text: JSON.stringify(value) };
    }
  }
}

/** Column position by SQL name, per table (cached). */
const slots = new WeakMap<CatalogTable, Map<string, number>>();
function slotsOf(table: CatalogTable): Map<string, number> {
  let m = slots.get(table);
  if (!m) slots.set(table, (m = new Map(table.columns.map((c, i) => [c.name, i]))));
  return m;
}

/** Which table columns (by position) are key columns, per key list (a job passes the same array every batch). */
const keyFlags = new WeakMap<string[], { table: CatalogTable; flags: boolean[] }>();
function keyFlagsOf(table: CatalogTable, key: string[]): boolean[] {
  const hit = keyFlags.get(key);
  if (hit && hit.table === table) return hit.flags;
  const flags = table.columns.map((c) => key.includes(c.name));
  keyFlags.set(key, { table, flags });
  return flags;
}

/**
 * The checks after the values are placed by column position: missing
 * required and key columns, value types, NULLs, defaults. The value of table
 * column `at` is `source[indexOf[at]]`, absent where `indexOf[at]` is -1.
 * With `columnSets`, rows that wrote the same columns share one column-name
 * array (a CSV file's rows mostly do). No closures here: this runs per record.
 */
function coercePlaced(
  target: WritableTable,
  mode: WriteMode,
  key: string[],
  indexOf: Int32Array,
  source: ArrayLike<unknown>,
  fromText: boolean,
  problems: string[],
  columnSets: Map<number, string[]> | null,
): CoerceResult {
  const cols = target.table.columns;
  const isKeyAt = keyFlagsOf(target.table, key);
  const columns: string[] = [];
  const values: Array<string | null> = [];
  let mask = 0;
  for (let at = 0; at < cols.length; at++) {
    const col = cols[at]!;
    const isKey = isKeyAt[at]!;
    const from = indexOf[at]!;
    if (from < 0) {
      if (isKey) problems.push(`missing key column ${col.name}`);
      else if (mode !== "UPDATE" && !col.nullable && !col.hasDefault) problems.push(`missing required column ${col.name}`);
      continue;
    }
    const r = coerceValue(col, source[from], fromText);
    if (!r.ok) {
      problems.push(r.reason);
      continue;
    }
    // An empty cell or null for a column with a default takes the default (on insert).
    if (r.text === null && !isKey && mode !== "UPDATE" && col.hasDefault) continue;
    if (r.text === null && (isKey || !col.nullable)) {
      problems.push(`column ${col.name} must not be null`);
      continue;
    }
    columns.push(col.name);
    values.push(r.text);
    mask |= 1 << at;
  }
  if (mode === "UPDATE" && problems.length === 0 && columns.length <= key.length) {
    problems.push(`nothing to update: give at least one column besides the key (${key.join(", ")})`);
  }
  if (problems.length) {
    const known = problems.some((p) => p.startsWith("unknown column"))
      ? ` (columns of ${target.table.name}: ${target.table.columns.map((c) => c.name).join(", ")})`
      : "";
    return { ok: false, reason: problems.join("; ") + known };
  }
  if (!columnSets) return { ok: true, record: { columns, values } };
  let shared = columnSets.get(mask);
  if (!shared) columnSets.set(mask, (shared = columns));
  return { ok: true, record: { columns: shared, values } };
}

/**
 * Validates a record (an object keyed by column or field names) for a write
 * mode: unknown columns, missing required columns (INSERT/UPSERT), missing
 * keys (UPDATE/UPSERT), values of the wrong type. Returns every problem at once.
 */
export function coerceRecord(target: WritableTable, mode: WriteMode, key: string[], input: unknown, fromText: boolean): CoerceResult {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, reason: `expected an object of column values; got ${Array.isArray(input) ? "an array" : show(input)}` };
  }
  const problems: string[] = [];
  const cols = target.table.columns;
  const slot = slotsOf(target.table);
  // Values by table column position (a plain array, not a Map: this runs once per record).
  const given: unknown[] = new Array(cols.length);
  const indexOf = new Int32Array(cols.length).fill(-1);
  const obj = input as Record<string, unknown>;
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    const col = target.column(k);
    if (!col) {
      problems.push(`unknown column ${JSON.stringify(k)}`);
      continue;
    }
    const at = slot.get(col.name)!;
    if (indexOf[at] !== -1) {
      problems.push(`column ${col.name} given twice (as ${col.name} and ${col.fieldName})`);
      continue;
    }
    indexOf[at] = at;
    given[at] = obj[k];
  }
  return coercePlaced(target, mode, key, indexOf, given, fromText, problems, null);
}

/**
 * How a CSV header maps onto a table: for each table column position, the
 * cell that holds it (or -1). Worked out once per file instead of once per
 * line; rows then skip the record object and the per-key lookups.
 */
export interface HeaderPlan {
  target: WritableTable;
  cellOf: Int32Array;
  /** Shared column-name arrays by the set of columns a row wrote (bit mask of positions). */
  columnSets: Map<number, string[]>;
}

/**
 * The plan for a header, or null when the header has a problem that every
 * line must report (an unknown column, a column named twice): such files take
 * the record-object path, whose messages are the reference.
 */
export function planHeader(target: WritableTable, header: string[]): HeaderPlan | null {
  const cols = target.table.columns;
  // Positions go into a 31-bit mask; wider tables take the record-object path.
  if (cols.length > 30) return null;
  const slot = slotsOf(target.table);
  const cellOf = new Int32Array(cols.length).fill(-1);
  const names = new Set<string>();
  for (let i = 0; i < header.length; i++) {
    const name = header[i]!;
    // A repeated header name collapses into one record key (the last cell wins): leave that to the object path.
    if (names.has(name)) return null;
    names.add(name);
    const col = target.column(name);
    if (!col) return null;
    const at = slot.get(col.name)!;
    if (cellOf[at] !== -1) return null;
    cellOf[at] = i;
  }
  return { target, cellOf, columnSets: new Map() };
}

/** Validates one CSV line's cells through a header plan; the same result as coerceRecord on its record object. */
export function coerceCells(plan: HeaderPlan, mode: WriteMode, key: string[], cells: string[]): CoerceResult {
  return coercePlaced(plan.target, mode, key, plan.cellOf, cells, true, [], plan.columnSets);
}
