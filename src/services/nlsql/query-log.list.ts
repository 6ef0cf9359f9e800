/** The `query_log` as a keyset list, newest first, in the shape of the GraphQL QueryLogEntry. */
import type { KeysetList } from "../paging/index.js";

export interface QueryLogFilter {
  status?: string | null;
  source?: string | null;
  errorCode?: string | null;
  questionContains?: string | null;
  since?: Date | null;
}

export interface QueryLogEntryRow {
  queryId: string;
  question: string;
  sql: string | null;
  interpretation: string | null;
  source: string | null;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
  rowCount: number | null;
  cached: boolean;
  tables: string[];
  translateMs: number | null;
  executeMs: number | null;
  totalMs: number;
  llmCalls: number;
  llmPromptTokens: number | null;
  llmCompletionTokens: number | null;
  llmMs: number | null;
  rating: boolean | null;
  createdAt: Date;
}

const SELECT = `query_id AS "queryId", question, sql, interpretation, source, status, error_code AS "errorCode", error_message AS "errorMessage",
  row_count AS "rowCount", cached, tables, translate_ms AS "translateMs", execute_ms AS "executeMs", total_ms AS "totalMs", llm_calls AS "llmCalls",
  llm_prompt_tokens AS "llmPromptTokens", llm_completion_tokens AS "llmCompletionTokens", llm_ms AS "llmMs", rating, created_at AS "createdAt"`;

export function queryLogList(filter: QueryLogFilter, table: string): KeysetList<QueryLogEntryRow, QueryLogEntryRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (filter.status) add((p) => `status = ${p}`, filter.status);
  if (filter.source) add((p) => `source = ${p}`, filter.source);
  if (filter.errorCode) add((p) => `error_code = ${p}`, filter.errorCode);
  // A plain substring, case-insensitive: % and _ in the text mean themselves.
  if (filter.questionContains) add((p) => `strpos(lower(question), lower(${p}::text)) > 0`, filter.questionContains);
  if (filter.since) add((p) => `created_at >= ${p}::timestamptz`, filter.since);
  return {
    name: "queryLog",
    table,
    select: SELECT,
    where,
    params,
    // id grows with every logged question: newest first without comparing timestamps.
    order: [{ column: "id", type: "int", descending: true }],
    map: (r) => ({ ...r, createdAt: r.createdAt instanceof Date ? r.createdAt : new Date(String(r.createdAt)) }),
  };
}
