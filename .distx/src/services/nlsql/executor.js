import pg from "pg";
import { GatewayError, ErrorCode, TimeoutError } from "../errors.js";
import { SqlRejectedError } from "./guard.js";
const QUERY_CANCELED = "57014";
class SqlExecutor {
  constructor(opts) {
    this.opts = opts;
    this.pool = opts.databaseUrl ? new pg.Pool({ connectionString: opts.databaseUrl, max: 4, idleTimeoutMillis: 3e4, connectionTimeoutMillis: 5e3 }) : null;
    this.pool?.on("error", () => {
    });
  }
  opts;
  pool;
  typeNames = /* @__PURE__ */ new Map();
  /** Checks the SQL against the database without running it (EXPLAIN): unknown columns, type errors. */
  async validate(sql) {
    await this.inReadOnly(async (tx) => {
      await tx.query(`EXPLAIN ${sql}`);
    }, "validate");
  }
  async run(sql) {
    return this.inReadOnly(async (tx) => {
      if (this.opts.db.kind === "pglite" && !this.pool) await this.checkCost(tx, sql);
      const res = await tx.query(sql);
      const columns = await this.columnTypes(tx, res.fields);
      const int8 = res.fields.filter((f) => f.dataTypeID === 20).map((f) => f.name);
      const rows = res.rows.map((r) => {
        const o = jsonRow(r);
        for (const k of int8) if (typeof o[k] === "string" && Number.isSafeInteger(Number(o[k]))) o[k] = Number(o[k]);
        return o;
      });
      return { columns, rows };
    }, "run");
  }
  async inReadOnly(fn, what) {
    const body = async (tx) => {
      await tx.query(`SELECT set_config('statement_timeout', $1, true), set_config('search_path', $2, true)`, [
        String(this.opts.statementTimeoutMs),
        this.opts.searchPath.map((s) => `"${s.replace(/"/g, '""')}"`).join(", ")
      ]);
      return fn(tx);
    };
    try {
      if (this.pool) {
        const client = await this.pool.connect();
        try {
          await client.query("BEGIN READ ONLY");
          const out = await body({
            query: async (text, params = []) => {
              const r = await client.query(text, params);
              return { rows: r.rows, fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
            }
          });
          await client.query("COMMIT");
          return out;
        } catch (err) {
          await client.query("ROLLBACK").catch(() => {
          });
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
  async checkCost(tx, sql) {
    const plan = await tx.query(`EXPLAIN (FORMAT JSON) ${sql}`);
    const raw = plan.rows[0]?.["QUERY PLAN"];
    const parsed = typeof raw === "string" ? JSON.parse(raw) : raw;
    const cost = parsed?.[0]?.Plan?.["Total Cost"] ?? 0;
    if (cost > this.opts.pgliteMaxCost) {
      throw new GatewayError(
        ErrorCode.TIMEOUT,
        `The query is estimated to cost ${Math.round(cost)} (limit NL_PGLITE_MAX_COST=${this.opts.pgliteMaxCost}) and would take longer than ${this.opts.statementTimeoutMs} ms; the embedded database cannot stop a running query, so it was not run. Narrow the question (a time range, a filter, fewer rows).`,
        { limitMs: this.opts.statementTimeoutMs, estimatedCost: Math.round(cost) }
      );
    }
  }
  translateError(err, what) {
    if (err instanceof GatewayError) return err;
    const e = err;
    if (e.code === QUERY_CANCELED) return new TimeoutError("The query", this.opts.statementTimeoutMs);
    if (typeof e.code === "string" && /^(42|22|0A|25|2B|21|23)/.test(e.code)) {
      return new SqlRejectedError("database", `The database rejected the SQL${what === "validate" ? " while checking it" : ""}: ${e.message ?? "error"} (SQLSTATE ${e.code}).`);
    }
    return err;
  }
  async columnTypes(tx, fields) {
    const missing = [...new Set(fields.map((f) => f.dataTypeID).filter((id) => !this.typeNames.has(id)))];
    if (missing.length) {
      const res = await tx.query(
        `SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_catalog.pg_type WHERE oid = ANY($1::int[])`,
        [missing]
      );
      for (const r of res.rows) this.typeNames.set(Number(r.oid), r.name.replace(/"/g, ""));
    }
    return fields.map((f) => ({ name: f.name, type: this.typeNames.get(f.dataTypeID) ?? "unknown" }));
  }
  async close() {
    await this.pool?.end().catch(() => {
    });
  }
}
function jsonValue(v) {
  if (v === null || v === void 0) return null;
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (Array.isArray(v)) return v.map(jsonValue);
  if (typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
  return v;
}
function jsonRow(row) {
  const out = {};
  for (const [k, v] of Object.entries(row)) out[k] = jsonValue(v);
  return out;
}
export {
  SqlExecutor
};
