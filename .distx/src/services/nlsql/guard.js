import { loadModule, parseSync } from "libpg-query";
import { GatewayError, ErrorCode } from "../errors.js";
class SqlRejectedError extends GatewayError {
  constructor(rule, message, sql) {
    super(ErrorCode.SQL_REJECTED, message, { rule, ...sql !== void 0 ? { sql } : {} });
    this.rule = rule;
  }
  rule;
}
let loaded = null;
function loadGuard() {
  loaded ??= loadModule();
  return loaded;
}
const ALLOWED_FUNCTIONS = /* @__PURE__ */ new Set([
  // aggregates
  "count",
  "sum",
  "avg",
  "min",
  "max",
  "stddev",
  "stddev_pop",
  "stddev_samp",
  "variance",
  "var_pop",
  "var_samp",
  "bool_and",
  "bool_or",
  "every",
  "string_agg",
  "array_agg",
  "percentile_cont",
  "percentile_disc",
  "mode",
  "corr",
  "covar_pop",
  "covar_samp",
  "regr_slope",
  "regr_intercept",
  "json_agg",
  "jsonb_agg",
  "json_object_agg",
  "jsonb_object_agg",
  // window
  "row_number",
  "rank",
  "dense_rank",
  "percent_rank",
  "cume_dist",
  "ntile",
  "lag",
  "lead",
  "first_value",
  "last_value",
  "nth_value",
  // date and time
  "now",
  "date_trunc",
  "date_part",
  "extract",
  "age",
  "make_date",
  "make_time",
  "make_interval",
  "make_timestamp",
  "make_timestamptz",
  "to_char",
  "to_date",
  "to_timestamp",
  "date_bin",
  "justify_days",
  "justify_hours",
  "justify_interval",
  "isfinite",
  "clock_timestamp",
  "statement_timestamp",
  "transaction_timestamp",
  "timezone",
  "overlaps",
  // math
  "abs",
  "ceil",
  "ceiling",
  "floor",
  "round",
  "trunc",
  "sign",
  "sqrt",
  "cbrt",
  "power",
  "pow",
  "exp",
  "ln",
  "log",
  "log10",
  "mod",
  "div",
  "width_bucket",
  "pi",
  "degrees",
  "radians",
  "random",
  "scale",
  "greatest",
  "least",
  "numeric",
  "float8",
  "int4",
  "int8",
  // strings
  "lower",
  "upper",
  "initcap",
  "length",
  "char_length",
  "character_length",
  "octet_length",
  "substring",
  "substr",
  "position",
  "strpos",
  "trim",
  "btrim",
  "ltrim",
  "rtrim",
  "replace",
  "concat",
  "concat_ws",
  "left",
  "right",
  "lpad",
  "rpad",
  "split_part",
  "reverse",
  "regexp_replace",
  "regexp_match",
  "regexp_matches",
  "regexp_like",
  "starts_with",
  "format",
  "to_number",
  "translate",
  "overlay",
  "ascii",
  "chr",
  "md5",
  "string_to_array",
  "array_to_string",
  "array_length",
  "cardinality",
  "unnest",
  "normalize",
  // series and conditionals
  "generate_series",
  "coalesce",
  "nullif",
  "json_build_object",
  "jsonb_build_object",
  "json_build_array",
  "jsonb_build_array"
]);
const ALLOWED_NODES = /* @__PURE__ */ new Set([
  "SelectStmt",
  "ResTarget",
  "ColumnRef",
  "String",
  "Integer",
  "Float",
  "Boolean",
  "BitString",
  "A_Const",
  "A_Star",
  "A_Expr",
  "BoolExpr",
  "FuncCall",
  "TypeCast",
  "TypeName",
  "RangeVar",
  "Alias",
  "JoinExpr",
  "RangeSubselect",
  "RangeFunction",
  "SortBy",
  "WithClause",
  "CommonTableExpr",
  "SubLink",
  "CaseExpr",
  "CaseWhen",
  "CoalesceExpr",
  "MinMaxExpr",
  "NullTest",
  "BooleanTest",
  "A_ArrayExpr",
  "A_Indices",
  "A_Indirection",
  "RowExpr",
  "WindowDef",
  "List",
  "SQLValueFunction",
  "CollateClause",
  "GroupingSet",
  "NamedArgExpr"
]);
const ALLOWED_SQL_VALUE_FUNCTIONS = /* @__PURE__ */ new Set([
  "SVFOP_CURRENT_DATE",
  "SVFOP_CURRENT_TIME",
  "SVFOP_CURRENT_TIME_N",
  "SVFOP_CURRENT_TIMESTAMP",
  "SVFOP_CURRENT_TIMESTAMP_N",
  "SVFOP_LOCALTIME",
  "SVFOP_LOCALTIME_N",
  "SVFOP_LOCALTIMESTAMP",
  "SVFOP_LOCALTIMESTAMP_N"
]);
const statementName = (key) => key.replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
function guardSql(sql, policy) {
  if (!sql || !sql.trim()) throw new SqlRejectedError("empty", "The SQL is empty: expected one SELECT statement.");
  const first = parse(sql);
  if (first.stmts.length !== 1) {
    throw new SqlRejectedError(
      first.stmts.length === 0 ? "empty" : "single_statement",
      first.stmts.length === 0 ? "The SQL contains no statement (only comments or semicolons): expected one SELECT." : `The SQL contains ${first.stmts.length} statements; exactly one SELECT is allowed.`,
      sql
    );
  }
  const s0 = first.stmts[0];
  const start = s0.stmt_location ?? 0;
  const text = s0.stmt_len ? sql.slice(start, start + s0.stmt_len) : sql.slice(start);
  const tree = parse(text);
  const stmt = tree.stmts[0].stmt;
  const kind = Object.keys(stmt)[0];
  if (kind !== "SelectStmt") {
    throw new SqlRejectedError("select_only", `Only a plain SELECT may run; got ${statementName(kind)}.`, sql);
  }
  const checker = new Checker(policy, sql);
  checker.select(stmt.SelectStmt, []);
  const edits = checker.edits;
  const top = stmt.SelectStmt;
  const max = policy.maxRows;
  let limit = max;
  let limitAction = "added";
  let wrap = false;
  const lc = top.limitCount;
  if (!lc) {
    if (top.limitOption === "LIMIT_OPTION_WITH_TIES") wrap = true;
  } else {
    const c = lc.A_Const;
    const loc = c?.location;
    const digits = loc !== void 0 && loc >= 0 ? /^\d+/.exec(text.slice(loc)) : null;
    if (!c || c.isnull || !c.ival || !digits || top.limitOption === "LIMIT_OPTION_WITH_TIES") wrap = true;
    else {
      const n = Number(c.ival.ival ?? 0);
      if (n <= max) {
        limit = n;
        limitAction = "kept";
      } else {
        edits.push({ at: loc, remove: digits[0].length, insert: String(max) });
        limitAction = "lowered";
      }
    }
  }
  let out = applyEdits(text, edits);
  if (wrap) {
    out = `SELECT * FROM (
${out}
) AS nl_result LIMIT ${max}`;
    limitAction = "wrapped";
  } else if (limitAction === "added") {
    out = `${out}
LIMIT ${max}`;
  }
  const check = parse(out);
  const finalTop = check.stmts[0]?.stmt?.SelectStmt;
  if (check.stmts.length !== 1 || !finalTop || limitOf(finalTop) !== limit) {
    throw new SqlRejectedError("syntax", "The SQL could not be given a LIMIT safely; write it as one plain SELECT.", sql);
  }
  return { sql: out, tables: [...checker.tables].sort(), limit, limitAction };
}
function limitOf(select) {
  const c = select.limitCount?.A_Const;
  return c?.ival ? Number(c.ival.ival ?? 0) : -1;
}
function parse(sql) {
  try {
    const res = parseSync(sql);
    return { stmts: res.stmts ?? [] };
  } catch (err) {
    if (/not loaded|loadModule/i.test(err.message)) throw new Error("guardSql called before loadGuard() finished");
    throw new SqlRejectedError("syntax", `The SQL is not valid PostgreSQL: ${err.message}.`, sql);
  }
}
function applyEdits(text, edits) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return out;
}
const quote = (name) => `"${name.replace(/"/g, '""')}"`;
class Checker {
  constructor(policy, sql) {
    this.policy = policy;
    this.sql = sql;
  }
  policy;
  sql;
  edits = [];
  tables = /* @__PURE__ */ new Set();
  reject(rule, message) {
    throw new SqlRejectedError(rule, message, this.sql);
  }
  /** A SelectStmt body (wrapped or not) with the CTE names visible to it. */
  select(node, scope) {
    if (node.intoClause) this.reject("no_into", "SELECT \u2026 INTO creates a table; only plain SELECT is allowed.");
    if (node.lockingClause?.length) this.reject("no_locking", "Locking clauses (FOR UPDATE, FOR SHARE, \u2026) are not allowed in a read-only question.");
    let inner = scope;
    if (node.withClause) {
      const ctes = node.withClause.ctes ?? [];
      inner = [...scope, ...ctes.map((c) => String(c.CommonTableExpr?.ctename ?? "").toLowerCase())];
      for (const c of ctes) {
        const q = c.CommonTableExpr?.ctequery;
        const qk = q ? Object.keys(q)[0] : "none";
        if (qk !== "SelectStmt") this.reject("no_writable_cte", `A WITH query must be a SELECT; got ${statementName(qk)}.`);
        this.select(q.SelectStmt, inner);
      }
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === "withClause" || k === "intoClause" || k === "lockingClause") continue;
      if ((k === "larg" || k === "rarg") && v) this.select(v, inner);
      else this.walk(v, inner);
    }
  }
  walk(v, scope) {
    if (Array.isArray(v)) {
      for (const x of v) this.walk(x, scope);
      return;
    }
    if (!v || typeof v !== "object") return;
    for (const [k, val] of Object.entries(v)) {
      if (/^[A-Z]/.test(k)) this.node(k, val, scope);
      else if (k === "intoClause" && val) this.reject("no_into", "SELECT \u2026 INTO creates a table; only plain SELECT is allowed.");
      else if (k === "lockingClause" && val?.length) this.reject("no_locking", "Locking clauses are not allowed.");
      else this.walk(val, scope);
    }
  }
  node(type, n, scope) {
    if (type === "ParamRef") this.reject("no_parameters", "Parameters ($1, \u2026) are not supported: put literal values in the SQL.");
    if (/Stmt$/.test(type) && type !== "SelectStmt") this.reject(type === "DeleteStmt" || type === "InsertStmt" || type === "UpdateStmt" || type === "MergeStmt" ? "no_writable_cte" : "select_only", `Only a plain SELECT may run; found ${statementName(type)} inside it.`);
    if (!ALLOWED_NODES.has(type)) this.reject("construct_not_allowed", `The SQL construct ${type} is not allowed in a question's SELECT.`);
    switch (type) {
      case "SelectStmt":
        return this.select(n, scope);
      case "RangeVar":
        return this.table(n, scope);
      case "FuncCall":
        this.func(n);
        break;
      case "TypeCast":
        this.type(n.typeName);
        break;
      case "SQLValueFunction":
        if (!ALLOWED_SQL_VALUE_FUNCTIONS.has(String(n.op))) this.reject("function_not_allowed", `${String(n.op).replace(/^SVFOP_/, "")} is not allowed; only date/time value functions such as CURRENT_DATE are.`);
        break;
    }
    this.walk(n, scope);
  }
  table(n, scope) {
    const name = String(n.relname ?? "");
    if (n.catalogname) this.reject("table_not_allowed", `Table ${n.catalogname}.${n.schemaname}.${name} names another database; only allow-listed tables may be read.`);
    const allowed = this.policy.tables;
    if (!n.schemaname) {
      if (scope.includes(name.toLowerCase())) return;
      const hit2 = this.policy.searchPath.map((s) => allowed.find((t) => t.schema === s && t.name === name)).find(Boolean);
      if (!hit2) this.reject("table_not_allowed", `Table ${name} is not one the questions may read. Allowed tables: ${allowed.map((t) => t.name).join(", ") || "none"}.`);
      this.edits.push({ at: n.location, remove: 0, insert: `${quote(hit2.schema)}.` });
      this.tables.add(hit2.name);
      return;
    }
    const hit = allowed.find((t) => t.schema === n.schemaname && t.name === name);
    if (!hit) this.reject("table_not_allowed", `Table ${n.schemaname}.${name} is not one the questions may read. Allowed tables: ${allowed.map((t) => `${t.schema}.${t.name}`).join(", ") || "none"}.`);
    this.tables.add(hit.name);
  }
  func(n) {
    const parts = (n.funcname ?? []).map((p) => String(p.String?.sval ?? ""));
    const name = parts[parts.length - 1].toLowerCase();
    const schema = parts.length > 1 ? parts[parts.length - 2].toLowerCase() : null;
    if (schema && schema !== "pg_catalog" || parts.length > 2 || !ALLOWED_FUNCTIONS.has(name)) {
      this.reject("function_not_allowed", `Function ${parts.join(".")} is not allowed; questions may use aggregates and date, math, string and conditional functions.`);
    }
  }
  type(t) {
    if (!t) return;
    const names = (t.names ?? []).map((p) => String(p.String?.sval ?? "").toLowerCase());
    const last = names[names.length - 1] ?? "";
    if (/^(reg|pg_)/.test(last) || ["oid", "tid", "xid", "cid", "aclitem"].includes(last)) {
      this.reject("type_not_allowed", `Casting to ${names.join(".")} is not allowed; use ordinary types such as numeric, text, date or timestamp.`);
    }
  }
}
export {
  ALLOWED_FUNCTIONS,
  SqlRejectedError,
  guardSql,
  loadGuard
};
