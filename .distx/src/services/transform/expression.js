import jsep from "jsep";
import { format as formatDate, parse as parseDate, isValid } from "date-fns";
class ExpressionError extends Error {
  constructor(message, position) {
    super(message);
    this.position = position;
    this.name = "ExpressionError";
  }
  position;
}
jsep.addBinaryOp("and", 2);
jsep.addBinaryOp("or", 1);
jsep.addUnaryOp("not");
jsep.removeBinaryOp("===");
jsep.removeBinaryOp("!==");
jsep.removeBinaryOp("|");
jsep.removeBinaryOp("&");
jsep.removeBinaryOp("^");
jsep.removeBinaryOp("<<");
jsep.removeBinaryOp(">>");
jsep.removeBinaryOp(">>>");
jsep.removeUnaryOp("~");
const MAX_EXPRESSION_LENGTH = 2e3;
const MAX_REGEX_LENGTH = 200;
const isNil = (v) => v === null || v === void 0;
function typeName(v) {
  if (v === null || v === void 0) return "null";
  if (v instanceof Date) return "date";
  return typeof v;
}
function toNumber(v, fn) {
  if (isNil(v)) return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  if (v instanceof Date) return v.getTime();
  throw new ExpressionError(`${fn} expected a number, got ${typeName(v)} ${JSON.stringify(v)}`);
}
function toText(v) {
  if (isNil(v)) return null;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
function toDate(v, fn) {
  if (isNil(v)) return null;
  if (v instanceof Date) return v;
  const d = new Date(typeof v === "number" ? v : String(v));
  if (Number.isNaN(d.getTime())) throw new ExpressionError(`${fn} expected a date, got ${JSON.stringify(v)}`);
  return d;
}
function toBool(v) {
  if (isNil(v)) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    if (["true", "t", "yes", "y", "1"].includes(s)) return true;
    if (["false", "f", "no", "n", "0", ""].includes(s)) return false;
  }
  throw new ExpressionError(`bool expected true/false, got ${JSON.stringify(v)}`);
}
const regexCache = /* @__PURE__ */ new Map();
function regex(pattern) {
  if (pattern.length > MAX_REGEX_LENGTH) throw new ExpressionError(`regular expressions are limited to ${MAX_REGEX_LENGTH} characters`);
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern);
    } catch (err) {
      throw new ExpressionError(`invalid regular expression ${JSON.stringify(pattern)}: ${err.message}`);
    }
    regexCache.set(pattern, re);
  }
  return re;
}
const textFn = (f) => (args) => {
  const s = toText(args[0]);
  return s === null ? null : f(s);
};
const FUNCTIONS = {
  trim: { minArgs: 1, maxArgs: 1, impl: textFn((s) => s.trim()), doc: "trim(text): without leading/trailing spaces" },
  lower: { minArgs: 1, maxArgs: 1, impl: textFn((s) => s.toLowerCase()), doc: "lower(text)" },
  upper: { minArgs: 1, maxArgs: 1, impl: textFn((s) => s.toUpperCase()), doc: "upper(text)" },
  length: { minArgs: 1, maxArgs: 1, impl: textFn((s) => s.length), doc: "length(text): number of characters" },
  substr: {
    minArgs: 2,
    maxArgs: 3,
    impl: (a) => {
      const s = toText(a[0]);
      if (s === null) return null;
      const start = toNumber(a[1], "substr") ?? 1;
      const len = a.length > 2 ? toNumber(a[2], "substr") : null;
      return len === null ? s.slice(start - 1) : s.slice(start - 1, start - 1 + len);
    },
    doc: "substr(text, start[, length]): 1-based like SQL"
  },
  replace: {
    minArgs: 3,
    maxArgs: 3,
    impl: (a) => {
      const s = toText(a[0]);
      return s === null ? null : s.split(toText(a[1]) ?? "").join(toText(a[2]) ?? "");
    },
    doc: "replace(text, from, to): every occurrence"
  },
  concat: { minArgs: 1, maxArgs: 50, impl: (a) => a.map((v) => toText(v) ?? "").join(""), doc: "concat(a, b, \u2026): nulls count as empty" },
  coalesce: { minArgs: 1, maxArgs: 50, impl: (a) => a.find((v) => !isNil(v) && v !== "") ?? null, doc: "coalesce(a, b, \u2026): first non-null, non-empty" },
  int: {
    minArgs: 1,
    maxArgs: 1,
    impl: (a) => {
      const n = toNumber(a[0], "int");
      return n === null ? null : Math.trunc(n);
    },
    doc: "int(x): whole number (truncates)"
  },
  float: { minArgs: 1, maxArgs: 1, impl: (a) => toNumber(a[0], "float"), doc: "float(x): number" },
  text: { minArgs: 1, maxArgs: 1, impl: (a) => toText(a[0]), doc: "text(x): string (dates as ISO 8601)" },
  bool: { minArgs: 1, maxArgs: 1, impl: (a) => toBool(a[0]), doc: "bool(x): true/false from true/yes/1/t or false/no/0/f" },
  date: { minArgs: 1, maxArgs: 1, impl: (a) => toDate(a[0], "date"), doc: "date(x): parse an ISO 8601 string or epoch milliseconds" },
  round: {
    minArgs: 1,
    maxArgs: 2,
    impl: (a) => {
      const n = toNumber(a[0], "round");
      if (n === null) return null;
      const digits = a.length > 1 ? toNumber(a[1], "round") ?? 0 : 0;
      const f = 10 ** digits;
      return Math.round(n * f) / f;
    },
    doc: "round(x[, digits])"
  },
  abs: { minArgs: 1, maxArgs: 1, impl: (a) => {
    const n = toNumber(a[0], "abs");
    return n === null ? null : Math.abs(n);
  }, doc: "abs(x)" },
  regex_extract: {
    minArgs: 2,
    maxArgs: 3,
    impl: (a) => {
      const s = toText(a[0]);
      if (s === null) return null;
      const m = regex(toText(a[1]) ?? "").exec(s);
      if (!m) return null;
      const group = a.length > 2 ? toNumber(a[2], "regex_extract") ?? 1 : m.length > 1 ? 1 : 0;
      return m[group] ?? null;
    },
    doc: "regex_extract(text, pattern[, group]): the first group (or whole match), null when no match"
  },
  date_parse: {
    minArgs: 2,
    maxArgs: 2,
    impl: (a) => {
      const s = toText(a[0]);
      if (s === null) return null;
      const fmt = toText(a[1]) ?? "";
      const d = parseDate(s, fmt, /* @__PURE__ */ new Date(0));
      if (!isValid(d)) throw new ExpressionError(`date_parse: ${JSON.stringify(s)} does not match format ${JSON.stringify(fmt)}`);
      return d;
    },
    doc: 'date_parse(text, format): format in date-fns tokens, e.g. "dd.MM.yyyy"'
  },
  date_format: {
    minArgs: 2,
    maxArgs: 2,
    impl: (a) => {
      const d = toDate(a[0], "date_format");
      return d === null ? null : formatDate(d, toText(a[1]) ?? "yyyy-MM-dd");
    },
    doc: 'date_format(date, format): e.g. "yyyy-MM"'
  },
  case: { minArgs: 3, maxArgs: 99, impl: () => null, doc: "case(cond1, value1, [cond2, value2, \u2026], else): first value whose condition holds" }
};
function compileNode(node, resolveColumn) {
  switch (node.type) {
    case "Literal": {
      const v = node.value;
      if (v instanceof RegExp) throw new ExpressionError("regular expression literals are not supported; pass the pattern as a string");
      return () => v;
    }
    case "Identifier": {
      const name = node.name;
      if (name === "null") return () => null;
      if (name === "true") return () => true;
      if (name === "false") return () => false;
      const column = resolveColumn(name);
      const own = Object.prototype.hasOwnProperty;
      return (row) => {
        const v = own.call(row, column) ? row[column] : void 0;
        return v === void 0 ? null : v;
      };
    }
    case "UnaryExpression": {
      const u = node;
      const arg = compileNode(u.argument, resolveColumn);
      if (u.operator === "-") return (row) => {
        const n = toNumber(arg(row), "-");
        return n === null ? null : -n;
      };
      if (u.operator === "+") return (row) => toNumber(arg(row), "+");
      if (u.operator === "!" || u.operator === "not") return (row) => {
        const b = toBool(arg(row));
        return b === null ? null : !b;
      };
      throw new ExpressionError(`operator ${u.operator} is not supported`);
    }
    case "BinaryExpression": {
      const b = node;
      const left = compileNode(b.left, resolveColumn);
      const right = compileNode(b.right, resolveColumn);
      return compileBinary(b.operator, left, right);
    }
    case "ConditionalExpression": {
      const c = node;
      const test = compileNode(c.test, resolveColumn);
      const yes = compileNode(c.consequent, resolveColumn);
      const no = compileNode(c.alternate, resolveColumn);
      return (row) => toBool(test(row)) ? yes(row) : no(row);
    }
    case "CallExpression": {
      const call = node;
      if (call.callee.type !== "Identifier") throw new ExpressionError("only plain function calls such as upper(name) are allowed");
      const fname = call.callee.name.toLowerCase();
      const spec = Object.prototype.hasOwnProperty.call(FUNCTIONS, fname) ? FUNCTIONS[fname] : void 0;
      if (!spec) throw new ExpressionError(`unknown function ${fname}(); available: ${Object.keys(FUNCTIONS).sort().join(", ")}`);
      const args = call.arguments.map((a) => compileNode(a, resolveColumn));
      if (args.length < spec.minArgs || args.length > spec.maxArgs) {
        throw new ExpressionError(`${fname} takes ${spec.minArgs === spec.maxArgs ? spec.minArgs : `${spec.minArgs} to ${spec.maxArgs}`} arguments, got ${args.length}: ${spec.doc}`);
      }
      if (fname === "case") {
        if (args.length % 2 === 0) throw new ExpressionError("case needs condition/value pairs and a final else value: case(cond1, value1, \u2026, else)");
        return (row) => {
          for (let i = 0; i + 1 < args.length; i += 2) if (toBool(args[i](row))) return args[i + 1](row);
          return args[args.length - 1](row);
        };
      }
      return (row) => spec.impl(args.map((a) => a(row)));
    }
    default:
      throw new ExpressionError(`${node.type} is not allowed in an expression (only columns, literals, operators and functions)`);
  }
}
function compileBinary(op, left, right) {
  const arith = (f) => (row) => {
    const a = toNumber(left(row), op);
    const b = toNumber(right(row), op);
    return a === null || b === null ? null : f(a, b);
  };
  const compare = (f) => (row) => {
    const a = left(row);
    const b = right(row);
    if (isNil(a) || isNil(b)) return null;
    const x = a instanceof Date ? a.getTime() : a;
    const y = b instanceof Date ? b.getTime() : b;
    if (typeof x === "number" || typeof y === "number") {
      const nx = toNumber(x, op);
      const ny = toNumber(y, op);
      return f(nx < ny ? -1 : nx > ny ? 1 : 0);
    }
    const sx = String(x);
    const sy = String(y);
    return f(sx < sy ? -1 : sx > sy ? 1 : 0);
  };
  switch (op) {
    case "+":
      return arith((a, b) => a + b);
    case "-":
      return arith((a, b) => a - b);
    case "*":
      return arith((a, b) => a * b);
    case "/":
      return (row) => {
        const a = toNumber(left(row), "/");
        const b = toNumber(right(row), "/");
        if (a === null || b === null) return null;
        if (b === 0) throw new ExpressionError("division by zero");
        return a / b;
      };
    case "%":
      return arith((a, b) => a % b);
    case "==":
      return compare((c) => c === 0);
    case "!=":
      return compare((c) => c !== 0);
    case "<":
      return compare((c) => c < 0);
    case "<=":
      return compare((c) => c <= 0);
    case ">":
      return compare((c) => c > 0);
    case ">=":
      return compare((c) => c >= 0);
    case "&&":
    case "and":
      return (row) => {
        const a = toBool(left(row));
        if (a === false) return false;
        const b = toBool(right(row));
        return a === null || b === null ? b === false ? false : null : b;
      };
    case "||":
    case "or":
      return (row) => {
        const a = toBool(left(row));
        if (a === true) return true;
        const b = toBool(right(row));
        return a === null || b === null ? b === true ? true : null : b;
      };
    default:
      throw new ExpressionError(`operator ${op} is not supported`);
  }
}
function referencedColumns(source) {
  const names = /* @__PURE__ */ new Set();
  const visit = (n) => {
    if (!n) return;
    if (n.type === "Identifier") {
      const name = n.name;
      if (!["null", "true", "false"].includes(name)) names.add(name);
      return;
    }
    if (n.type === "CallExpression") {
      n.arguments.forEach((a) => visit(a));
      return;
    }
    for (const key of ["left", "right", "argument", "test", "consequent", "alternate"]) visit(n[key]);
  };
  visit(parse(source));
  return [...names];
}
function parse(source) {
  if (source.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`expressions are limited to ${MAX_EXPRESSION_LENGTH} characters`);
  if (!source.trim()) throw new ExpressionError("the expression is empty");
  try {
    return jsep(source);
  } catch (err) {
    const e = err;
    throw new ExpressionError(`cannot parse ${JSON.stringify(source)}: ${e.description ?? e.message}${e.index !== void 0 ? ` at character ${e.index + 1}` : ""}`, e.index);
  }
}
function compileExpression(source, resolveColumn = (n) => n) {
  return compileNode(parse(source), resolveColumn);
}
export {
  ExpressionError,
  FUNCTIONS,
  compileExpression,
  referencedColumns
};
