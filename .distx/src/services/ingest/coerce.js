const INT_RANGE = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n]
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRUE = /* @__PURE__ */ new Set(["true", "t", "1", "yes", "y"]);
const FALSE = /* @__PURE__ */ new Set(["false", "f", "0", "no", "n"]);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validCalendar(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/i.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
  if (d > (mo === 2 ? leap ? 29 : 28 : DAYS_IN_MONTH[mo - 1])) return false;
  return m[4] === void 0 || Number(m[4]) <= 23 && Number(m[5]) <= 59 && (m[6] === void 0 || Number(m[6]) <= 59);
}
const show = (v) => {
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};
const bad = (col, value, expected) => ({ ok: false, reason: `column ${col.name} expects ${expected}; got ${show(value)}` });
const numericDigits = /* @__PURE__ */ new WeakMap();
function intDigitsOf(col) {
  let d = numericDigits.get(col);
  if (d === void 0) {
    const m = /^numeric\((\d+),(\d+)\)$/.exec(col.sqlType.replace(/\s/g, ""));
    d = m ? Number(m[1]) - Number(m[2]) : null;
    numericDigits.set(col, d);
  }
  return d;
}
function coerceValue(col, value, fromText) {
  if (value === null || value === void 0 || fromText && value === "") {
    return { ok: true, text: null };
  }
  switch (col.kind) {
    case "integer": {
      const s = typeof value === "number" ? Number.isInteger(value) ? String(value) : "" : typeof value === "string" ? value.trim() : "";
      if (!/^[+-]?\d+$/.test(s)) return bad(col, value, "a whole number");
      const range = INT_RANGE[col.sqlType];
      if (range && s.replace(/^[+-]/, "").length > 4) {
        const n = BigInt(s);
        if (n < range[0] || n > range[1]) return bad(col, value, `a whole number between ${range[0]} and ${range[1]} (${col.sqlType})`);
      }
      return { ok: true, text: s };
    }
    case "number": {
      const s = typeof value === "number" ? Number.isFinite(value) ? String(value) : "" : typeof value === "string" ? value.trim() : "";
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
        const s = value.trim();
        if (ISO_DATETIME.test(s) && validCalendar(s)) return { ok: true, text: /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(s) ? s : `${s}Z` };
        if (ISO_DATE.test(s) && validCalendar(s)) return { ok: true, text: `${s}T00:00:00Z` };
      }
      let d = null;
      if (typeof value === "number" && Number.isFinite(value)) d = new Date(value);
      else if (typeof value === "string") {
        const s = value.trim();
        if (ISO_DATE.test(s)) d = /* @__PURE__ */ new Date(`${s}T00:00:00Z`);
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
const slots = /* @__PURE__ */ new WeakMap();
function slotsOf(table) {
  let m = slots.get(table);
  if (!m) slots.set(table, m = new Map(table.columns.map((c, i) => [c.name, i])));
  return m;
}
const keyFlags = /* @__PURE__ */ new WeakMap();
function keyFlagsOf(table, key) {
  const hit = keyFlags.get(key);
  if (hit && hit.table === table) return hit.flags;
  const flags = table.columns.map((c) => key.includes(c.name));
  keyFlags.set(key, { table, flags });
  return flags;
}
function coercePlaced(target, mode, key, indexOf, source, fromText, problems, columnSets) {
  const cols = target.table.columns;
  const isKeyAt = keyFlagsOf(target.table, key);
  const columns = [];
  const values = [];
  let mask = 0;
  for (let at = 0; at < cols.length; at++) {
    const col = cols[at];
    const isKey = isKeyAt[at];
    const from = indexOf[at];
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
    const known = problems.some((p) => p.startsWith("unknown column")) ? ` (columns of ${target.table.name}: ${target.table.columns.map((c) => c.name).join(", ")})` : "";
    return { ok: false, reason: problems.join("; ") + known };
  }
  if (!columnSets) return { ok: true, record: { columns, values } };
  let shared = columnSets.get(mask);
  if (!shared) columnSets.set(mask, shared = columns);
  return { ok: true, record: { columns: shared, values } };
}
function coerceRecord(target, mode, key, input, fromText) {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, reason: `expected an object of column values; got ${Array.isArray(input) ? "an array" : show(input)}` };
  }
  const problems = [];
  const cols = target.table.columns;
  const slot = slotsOf(target.table);
  const given = new Array(cols.length);
  const indexOf = new Int32Array(cols.length).fill(-1);
  const obj = input;
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    const col = target.column(k);
    if (!col) {
      problems.push(`unknown column ${JSON.stringify(k)}`);
      continue;
    }
    const at = slot.get(col.name);
    if (indexOf[at] !== -1) {
      problems.push(`column ${col.name} given twice (as ${col.name} and ${col.fieldName})`);
      continue;
    }
    indexOf[at] = at;
    given[at] = obj[k];
  }
  return coercePlaced(target, mode, key, indexOf, given, fromText, problems, null);
}
function planHeader(target, header) {
  const cols = target.table.columns;
  if (cols.length > 30) return null;
  const slot = slotsOf(target.table);
  const cellOf = new Int32Array(cols.length).fill(-1);
  const names = /* @__PURE__ */ new Set();
  for (let i = 0; i < header.length; i++) {
    const name = header[i];
    if (names.has(name)) return null;
    names.add(name);
    const col = target.column(name);
    if (!col) return null;
    const at = slot.get(col.name);
    if (cellOf[at] !== -1) return null;
    cellOf[at] = i;
  }
  return { target, cellOf, columnSets: /* @__PURE__ */ new Map() };
}
function coerceCells(plan, mode, key, cells) {
  return coercePlaced(plan.target, mode, key, plan.cellOf, cells, true, [], plan.columnSets);
}
export {
  coerceCells,
  coerceRecord,
  coerceValue,
  planHeader
};
