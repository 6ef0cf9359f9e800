/**
 * Reads the `predictions` table that batch inference writes: one model's
 * predictions, optionally of one version, job or row key, in the order they
 * were written (by id), as a keyset connection.
 */
import type { SqlRunner } from "../db/index.js";
import { BadUserInputError } from "../errors.js";
import { keysetPage, type ConnectionShape, type PageArgs, type PageLimits } from "../paging/index.js";

export interface PredictionFilter {
  /** Model name (required: predictions are read one model at a time). */
  model: string;
  version?: number | null;
  jobId?: string | null;
  /** The source row's key, as text. */
  key?: string | null;
}

export interface PredictionRecord {
  /** bigint, as text. */
  id: string;
  model: string;
  version: number;
  key: string;
  /** The predicted label (string) or value (number). */
  prediction: string | number;
  /** Classification only; highest first. */
  probabilities: Array<{ label: string; probability: number }> | null;
  jobId: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  model_name: string;
  model_version: number;
  row_key: string;
  prediction: { prediction: string | number; probabilities?: Record<string, number> } | string;
  job_id: string | null;
  created_at: Date | string;
}

/** As batch inference stores it: `{ prediction, probabilities?: { label: p } }` (jsonb keeps no key order, so ranks are rebuilt). */
function toRecord(r: Row): PredictionRecord {
  const stored = typeof r.prediction === "string" ? JSON.parse(r.prediction) : r.prediction;
  const probs = stored.probabilities
    ? Object.entries(stored.probabilities)
        .map(([label, probability]) => ({ label, probability: Number(probability) }))
        .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    : null;
  return {
    id: r.id,
    model: r.model_name,
    version: Number(r.model_version),
    key: r.row_key,
    prediction: stored.prediction,
    probabilities: probs,
    jobId: r.job_id,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
  };
}

/** Checks a filter; BAD_USER_INPUT naming each wrong argument. */
export function checkPredictionFilter(f: PredictionFilter): void {
  const problems: Array<{ field: string; message: string }> = [];
  if (!f.model.trim()) problems.push({ field: "model", message: "must name a model" });
  for (const [field, v] of [["model", f.model], ["jobId", f.jobId], ["key", f.key]] as const) {
    // PostgreSQL text cannot hold NUL: no stored value can match, and the query would fail.
    if (typeof v === "string" && v.includes("\u0000")) problems.push({ field, message: "must not contain a NUL character (\\u0000)" });
  }
  if (f.version !== null && f.version !== undefined && (!Number.isInteger(f.version) || f.version < 1)) problems.push({ field: "version", message: `must be a version number (1 or more); got ${f.version}` });
  if (problems.length) throw new BadUserInputError(`Invalid predictions filter: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}.`, { problems });
}

/**
 * SQL conditions of a filter over `predictions`' columns; `bind` turns each value into SQL (a placeholder
 * for a query, a literal for a COPY, which takes no parameters).
 */
export function predictionConditions(f: PredictionFilter, bind: (value: string | number) => string): string[] {
  const where = [`model_name = ${bind(f.model)}`];
  if (f.version !== null && f.version !== undefined) where.push(`model_version = ${bind(f.version)}`);
  if (f.jobId !== null && f.jobId !== undefined) where.push(`job_id = ${bind(f.jobId)}`);
  if (f.key !== null && f.key !== undefined) where.push(`row_key = ${bind(f.key)}`);
  return where;
}

export class PredictionStore {
  constructor(
    private readonly db: SqlRunner,
    /** The predictions table, qualified with the gateway schema. */
    private readonly table: string,
  ) {}

  /** A model's predictions in the order they were written; an unknown model simply has none. */
  page(filter: PredictionFilter, args: PageArgs, limits: PageLimits): Promise<ConnectionShape<PredictionRecord>> {
    checkPredictionFilter(filter);
    const params: unknown[] = [];
    const where = predictionConditions(filter, (v) => {
      params.push(v);
      return `$${params.length}`;
    });
    return keysetPage<Row, PredictionRecord>(
      this.db,
      {
        name: "predictions",
        table: this.table,
        select: "id::text AS id, model_name, model_version, row_key, prediction, job_id, created_at",
        where,
        params,
        order: [{ column: "id", type: "bigint" }],
        map: toRecord,
      },
      args,
      limits,
    );
  }
}
