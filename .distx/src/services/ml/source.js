import { quoteIdent } from "../db/sql.js";
import { BadUserInputError } from "../errors.js";
import { seededRandom } from "./random.js";
const ops = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" };
function buildWhere(table, filter, params, field = "source.filter") {
  if (!filter) return "";
  if (typeof filter !== "object" || Array.isArray(filter)) throw new BadUserInputError(`${field} must be an object of column conditions, e.g. {"status": "PAID"}.`);
  const names = new Set(table.columns.map((c) => c.name));
  const problems = [];
  const parts = [];
  for (const [col, cond] of Object.entries(filter)) {
    if (!names.has(col)) {
      problems.push({ field: `${field}.${col}`, message: `unknown column; ${table.name} has ${[...names].join(", ")}` });
      continue;
    }
    const c = quoteIdent(col);
    if (Array.isArray(cond)) {
      params.push(cond.map((v) => String(v)));
      parts.push(`${c}::text = ANY($${params.length}::text[])`);
    } else if (cond !== null && typeof cond === "object") {
      for (const [op, v] of Object.entries(cond)) {
        if (op === "isNull") {
          parts.push(`${c} IS ${v ? "" : "NOT "}NULL`);
        } else if (op === "in" || op === "notIn") {
          if (!Array.isArray(v)) {
            problems.push({ field: `${field}.${col}.${op}`, message: "expected a list of values" });
            continue;
          }
          params.push(v.map((x) => String(x)));
          parts.push(`${op === "in" ? "" : "NOT "}(${c}::text = ANY($${params.length}::text[]))`);
        } else if (ops[op]) {
          params.push(v);
          parts.push(`${c} ${ops[op]} $${params.length}`);
        } else {
          problems.push({ field: `${field}.${col}.${op}`, message: "unknown operator; use eq, ne, gt, gte, lt, lte, in, notIn or isNull" });
        }
      }
    } else {
      if (cond === null) parts.push(`${c} IS NULL`);
      else {
        params.push(cond);
        parts.push(`${c} = $${params.length}`);
      }
    }
  }
  if (problems.length) throw new BadUserInputError(`${field} has ${problems.length} problem(s): ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}.`, { problems });
  return parts.length ? ` WHERE ${parts.join(" AND ")}` : "";
}
function selectFrom(table, columns, filter, extra = "", from = quoteIdent(table.name)) {
  const params = [];
  const where = buildWhere(table, filter, params);
  return { text: `SELECT ${columns.map(quoteIdent).join(", ")} FROM ${from}${where}${extra}`, params };
}
async function streamSample(db, query, opts) {
  const rand = seededRandom(opts.seed ^ 1540483477);
  const rows = [];
  let seen = 0;
  let skipped = 0;
  for await (const batch of db.stream(query.text, query.params, 5e3)) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error("aborted");
    for (const row of batch.rows) {
      if (opts.keep && !opts.keep(row)) {
        skipped++;
        continue;
      }
      seen++;
      if (rows.length < opts.maxRows) rows.push(row);
      else {
        const j = Math.floor(rand() * seen);
        if (j < opts.maxRows) rows[j] = row;
      }
    }
    await opts.onBatch?.(seen + skipped);
  }
  return { rows, seen, skipped };
}
export {
  buildWhere,
  selectFrom,
  streamSample
};
