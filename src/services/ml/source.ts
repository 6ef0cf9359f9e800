/**
 * Turns a training or inference source (a table with an optional filter)
 * into one parameterized SELECT over checked column names, and streams its
 * rows with bounded memory (reservoir sample above a row limit).
 */
import type { CatalogTable } from "../catalog/types.js";
import type { Database } from "../db/database.js";
import { quoteIdent } from "../db/sql.js";
import { BadUserInputError, type InputProblem } from "../errors.js";
import { seededRandom } from "./random.js";

export interface SourceInput {
  /** A table to read; or give `sql` instead. */
  table?: string | null;
  /** A SELECT (checked by the SQL guard) whose columns are the training data. */
  sql?: string | null;
  /**
   * Column conditions, all must hold: `{ "status": "PAID" }`, `{ "channel": ["WEB","MOBILE"] }`,
   * `{ "total": { "gte": 10, "lt": 100 } }`, `{ "city": { "isNull": false } }`.
   */
  filter?: Record<string, unknown> | null;
}

const ops: Record<string, string> = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" };

/** Builds `WHERE …` from a filter; every column checked against the table, every value a parameter. */
export function buildWhere(table: CatalogTable, filter: Record<string, unknown> | null | undefined, params: unknown[], field = "source.filter"): string {
  if (!filter) return "";
  if (typeof filter !== "object" || Array.isArray(filter)) throw new BadUserInputError(`${field} must be an object of column conditions, e.g. {"status": "PAID"}.`);
  const names = new Set(table.columns.map((c) => c.name));
  const problems: InputProblem[] = [];
  const parts: string[] = [];
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
      for (const [op, v] of Object.entries(cond as Record<string, unknown>)) {
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

/** `from` is the FROM item: the quoted table by default, or a guarded subquery. */
export function selectFrom(table: CatalogTable, columns: string[], filter: SourceInput["filter"], extra = "", from = quoteIdent(table.name)): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = buildWhere(table, filter, params);
  return { text: `SELECT ${columns.map(quoteIdent).join(", ")} FROM ${from}${where}${extra}`, params };
}

export interface SampleResult {
  rows: Array<Record<string, unknown>>;
  /** Rows the source produced (before sampling). */
  seen: number;
  skipped: number;
}

/**
 * Streams a query and keeps at most `maxRows` rows, a uniform sample (reservoir)
 * when there are more, so memory stays bounded whatever the table size.
 */
export async function streamSample(
  db: Database,
  query: { text: string; params: unknown[] },
  opts: { maxRows: number; seed: number; keep?: (row: Record<string, unknown>) => boolean; signal?: AbortSignal; onBatch?: (seen: number) => Promise<void> },
): Promise<SampleResult> {
  const rand = seededRandom(opts.seed ^ 0x5bd1e995);
  const rows: Array<Record<string, unknown>> = [];
  let seen = 0;
  let skipped = 0;
  for await (const batch of db.stream<Record<string, unknown>>(query.text, query.params, 5_000)) {
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
