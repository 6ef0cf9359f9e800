/**
 * Writes query_log rows behind the answers: an answer never waits for its log
 * line. Entries queue up for a few milliseconds and leave together in one
 * multi-row INSERT, so a stream of questions costs one statement per interval,
 * not one each. Readers of the log (queryLog, rateAnswer) and shutdown call
 * flush() first, so within a process a question is always visible to its
 * rating; other processes see it at most FLUSH_DELAY_MS later.
 *
 * The INSERT is one fixed raw statement over json_to_recordset, not Prisma's
 * createMany: Prisma's query compiler planned each batch anew (its shape
 * changes with the row count), and that took about 45 % of the gateway's CPU
 * while it answered cached questions one after another.
 */
import type { Prisma } from "../../generated/prisma/client.js";
import type { SqlRunner } from "../db/index.js";
import type { Logger } from "../log.js";

export type QueryLogEntry = Prisma.QueryLogCreateManyInput;

/** Beyond this many unwritten entries (the database is down or far behind), new ones are dropped and counted. */
const MAX_QUEUED = 10_000;
const ROWS_PER_INSERT = 500;
/** How long an entry may wait for others to share its INSERT. */
const FLUSH_DELAY_MS = 20;

/** Each entry field's column and SQL type; a field left out of an entry takes the column's default. */
const COLUMNS: Array<[field: keyof QueryLogEntry, column: string, type: string, fallback?: string]> = [
  ["queryId", "query_id", "text"],
  ["question", "question", "text"],
  ["normalized", "normalized", "text"],
  ["scope", "scope", "text"],
  ["sql", "sql", "text"],
  ["interpretation", "interpretation", "text"],
  ["source", "source", "text"],
  ["status", "status", "text"],
  ["errorCode", "error_code", "text"],
  ["errorMessage", "error_message", "text"],
  ["rowCount", "row_count", "int"],
  ["truncated", "truncated", "boolean", "false"],
  ["cached", "cached", "boolean", "false"],
  ["tables", "tables", "text[]", "'{}'"],
  ["translateMs", "translate_ms", "float8"],
  ["executeMs", "execute_ms", "float8"],
  ["totalMs", "total_ms", "float8"],
  ["llmCalls", "llm_calls", "int", "0"],
  ["llmPromptTokens", "llm_prompt_tokens", "int"],
  ["llmCompletionTokens", "llm_completion_tokens", "int"],
  ["llmMs", "llm_ms", "float8"],
  ["catalogVersion", "catalog_version", "text"],
];

/** Rows arrive as one JSON array of objects keyed by column, in queue order (WITH ORDINALITY keeps it for the ids). */
const insertSql = (table: string) => `INSERT INTO ${table} (${COLUMNS.map(([, column]) => column).join(", ")})
  SELECT ${COLUMNS.map(([, column, , fallback]) => (fallback ? `coalesce(r.${column}, ${fallback})` : `r.${column}`)).join(", ")}
  FROM json_array_elements($1::json) WITH ORDINALITY AS e(row, n)
  CROSS JOIN LATERAL json_to_record(e.row) AS r(${COLUMNS.map(([, column, type]) => `${column} ${type}`).join(", ")})
  ORDER BY e.n`;

function rowOf(entry: QueryLogEntry): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of COLUMNS) {
    const value = entry[field];
    if (value !== undefined) row[column] = value;
  }
  return row;
}

export class QueryLogWriter {
  private queue: QueryLogEntry[] = [];
  /** The pending wait before the next drain, and the drain running now. */
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Entries lost because the queue was full or their INSERT failed; logged, never thrown at a caller. */
  dropped = 0;

  private readonly insertSql: string;

  /** `table`: query_log qualified with the gateway schema (Database.gateway.table). */
  constructor(private readonly db: SqlRunner, private readonly log: Logger, table: string) {
    this.insertSql = insertSql(table);
  }

  write(entry: QueryLogEntry): void {
    if (this.queue.length >= MAX_QUEUED) {
      this.dropped++;
      if (this.dropped % 1000 === 1) this.log.error({ dropped: this.dropped }, "query_log queue full: dropping log lines");
      return;
    }
    this.queue.push(entry);
    this.arm();
  }

  /** Resolves when every entry written before the call is in the database (or counted as dropped). */
  async flush(): Promise<void> {
    while (this.queue.length || this.running) {
      this.disarm();
      await this.drainOnce();
    }
  }

  private arm(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.drainOnce();
    }, FLUSH_DELAY_MS).unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The running drain, or a new one; entries queued after its loop ended wait for the next timer. */
  private drainOnce(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
      if (this.queue.length) this.arm();
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, ROWS_PER_INSERT);
      try {
        await this.db.query(this.insertSql, [JSON.stringify(batch.map(rowOf))], { prepareAs: "kz_query_log_insert" });
      } catch (err) {
        // A lost log line must not fail an answer; say how many and why.
        this.dropped += batch.length;
        this.log.error({ err: (err as Error).message, lines: batch.length }, "could not write query_log");
      }
    }
  }
}
