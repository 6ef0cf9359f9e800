/** The shapes a transform is described in: what the caller sends and what a TRANSFORM job stores. */
import type { LlmRule } from "./llm-mapper.js";

export type FilterOp = "EQ" | "NE" | "LT" | "LTE" | "GT" | "GTE" | "IN" | "CONTAINS" | "IS_NULL" | "NOT_NULL";

export interface SourceFilter {
  column: string;
  op: FilterOp;
  /** Scalar for comparisons, a list for IN, absent for IS_NULL / NOT_NULL. */
  value?: unknown;
}

/** One target column and where its value comes from: exactly one of from / expression / llm. */
export interface TransformRule {
  column: string;
  from?: string | null;
  expression?: string | null;
  llm?: LlmRule | null;
}

/** What a TRANSFORM job reads: a parameterized SELECT (built from a table + filter, or a guarded query) with a stable order. */
export interface TransformSourceSpec {
  type: "transform";
  /** SELECT producing the source rows; resumable by OFFSET because it is ordered (table sources) or the caller ordered it. */
  sql: string;
  params: unknown[];
  /** Rules with target columns already resolved to SQL names and source names to the query's columns. */
  rules: TransformRule[];
}
