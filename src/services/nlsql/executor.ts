/**
 * Runs guarded SQL: in a READ ONLY transaction with SET LOCAL
 * statement_timeout and search_path, on the main pool or a separate
 * connection (NL_DATABASE_URL); returns typed columns and JSON-safe rows.
 */
import pg from "pg";
import type { Database, SqlField, SqlRunner } from "../db/index.js";
import { GatewayError, ErrorCode, TimeoutError } from "../errors.js";
import { SqlRejectedError } from "./guard.js";

export interface ExecutedSql {
  columns: Array<{ name: string; type: string }>;
  rows: Array<Record<string, unknown>>;
}

export interface ExecutorOptions {
  db: Database;
  /** Separate connection for NL SQL (read-only role or replica); null = the main pool. */
  databaseUrl: string | null;
  statementTimeoutMs: number;
  searchPath: string[];
  pgliteMaxCost: number;
}

/** PostgreSQL's "canceling statement due to statement timeout". */
const QUERY_CANCELED = "57014";

export class SqlExecutor {
  private readonly pool: pg.Pool | null;
  private readonly typeNames = new Map<number, string>();

  constructor(private readonly opts: ExecutorOptions) {
    this.pool = opts.databaseUrl ? new pg.Pool({ connectionString: opts.databaseUrl, max: 4, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 }) : null;
    this.pool?.on("error", () => {});
  }

  /** Checks the SQL against the database without running it (EXPLAIN): unknown columns, type errors. */
  async validate(sql: string): Promise<void> {
    await this.inReadOnly(async (tx) => {
      await tx.query(`EXPLAIN ${sql}`);
    }, "validate");
  }

  async run(sql: string): Promise<ExecutedSql> {
    return this.inReadOnly(async (tx) => {
      if (this.opts.db.kind === "pglite" && !this.pool) await this.checkCost(tx, sql);
      const res = await tx.query(sql);
      const columns = await this.columnTypes(tx, res.fields);
      // node-pg hands int8 (count(*), sums of integers) over as strings; numbers are what a client expects.
      const int8 = res.fields.filter((f) => f.dataTypeID === 20).map((f) => f.name);
      const rows = res.rows.map((r) => {
        const o = jsonRow(r);
        for (const k of int8) if (typeof o[k] === "string" && Number.isSafeInteger(Number(o[k]))) o[k] = Number(o[k]);
        return o;
      });
      return { columns, rows };
    }, "run");
  }

  private async inReadOnly<T>(fn: (tx: SqlRunner) => Promise<T>, what: "run" | "validate"): Promise<T> {
    const body = async (tx: SqlRunner) => {
      await tx.query(`SELECT set_config('statement_timeout', $1, true), set_config('search_path', $2, true)`, [
        String(this.opts.statementTimeoutMs),
        this.opts.searchPath.map((s) => `"${s.replace(/"/g, '""')}"`).join(", "),
      ]);
      return fn(tx);
    };
    try {
      if (this.pool) {
        const client = await this.pool.connect();
        try {
          await client.query("BEGIN READ ONLY");
          const out = await body({
            query: async <R,>(text: string, params: unknown[] = []) => {
              const r = await client.query(text, params);
              return { rows: r.rows as R[], fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
            },
          });
          await client.query("COMMIT");
          return out;
        } catch (err) {
          await client.query("ROLLBACK").catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      }
      return await this.opts.db.transaction(body, { readOnly: true });
    } catch (err) {
      throw this.translateError(err, what);
    }
  }

  /** PGlite has no statement timer; refuse plans the planner already knows are too expensive. */
  private async checkCost(tx: SqlRunner, sql: string): Promise<void> {
    const plan = await tx.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`);
    const raw = plan.rows[0]?.["QUERY PLAN"];
    const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: { "Total Cost": number } }>;
    const cost = parsed?.[0]?.Plan?.["Total Cost"] ?? 0;
    if (cost > this.opts.pgliteMaxCost) {
      throw new GatewayError(
        ErrorCode.TIMEOUT,
        `The query is estimated to cost ${Math.round(cost)} (limit NL_PGLITE_MAX_COST=${this.opts.pgliteMaxCost}) and would take longer than ${this.opts.statementTimeoutMs} ms; the embedded database cannot stop a running query, so it was not run. Narrow the question (a time range, a filter, fewer rows).`,
        { limitMs: this.opts.statementTimeoutMs, estimatedCost: Math.round(cost) },
      );
    }
  }

  private translateError(err: unknown, what: "run" | "validate"): unknown {
    if (err instanceof GatewayError) return err;
    const e = err as { code?: string; message?: string };
    if (e.code === QUERY_CANCELED) return new TimeoutError("The query", this.opts.statementTimeoutMs);
    // SQLSTATE classes 42 (syntax/unknown name), 22 (data), 0A (unsupported), 25 (read-only): the SQL is wrong, not the database.
    if (typeof e.code === "string" && /^(42|22|0A|25|2B|21|23)/.test(e.code)) {
      return new SqlRejectedError("database", `The database rejected the SQL${what === "validate" ? " while checking it" : ""}: ${e.message ?? "error"} (SQLSTATE ${e.code}).`);
    }
    return err;
  }

  private async columnTypes(tx: SqlRunner, fields: SqlField[]): Promise<Array<{ name: string; type: string }>> {
    const missing = [...new Set(fields.map((f) => f.dataTypeID).filter((id) => !this.typeNames.has(id)))];
    if (missing.length) {
      const res = await tx.query<{ oid: number; name: string }>(
        `SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_catalog.pg_type WHERE oid = ANY($1::int[])`,
        [missing],
      );
      for (const r of res.rows) this.typeNames.set(Number(r.oid), r.name.replace(/"/g, ""));
    }
    return fields.map((f) => ({ name: f.name, type: this.typeNames.get(f.dataTypeID) ?? "unknown" }));
  }

  async close(): Promise<void> {
    await this.pool?.end().catch(() => {});
  }
}

/** JSON-safe values: bigint → number when exact (else string), Date → ISO string, bytes → base64. */
function jsonValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (Array.isArray(v)) return v.map(jsonValue);
  if (typeof v === "object") return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, jsonValue(x)]));
  return v;
}

function jsonRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = jsonValue(v);
  return out;
}
