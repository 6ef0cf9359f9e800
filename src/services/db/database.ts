/**
 * Owns the connection to the data: a Prisma client over either an embedded
 * PGlite (no DATABASE_URL) or a pg.Pool we create ourselves, plus raw SQL and
 * streaming over that same connection, migrations, readiness and pool figures.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import Cursor from "pg-cursor";
import { from as copyFromStdin } from "pg-copy-streams";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client.js";
import type { Logger } from "../log.js";
import { copyOut } from "./copy-out.js";
import { applyMigrations, defaultPrismaPaths, readMigrationList, type PrismaPaths } from "./migrator.js";
import { GatewaySchema } from "./gateway-schema.js";
import { moveLegacyInstall, type LegacyMove } from "./legacy-move.js";

export type DatabaseKind = "pglite" | "postgres";

export interface SqlField {
  name: string;
  dataTypeID: number;
}
export interface SqlResult<T = Record<string, unknown>> {
  rows: T[];
  fields: SqlField[];
}

/** What a COPY FROM STDIN sends: encoded text, or pieces of it in order. */
export type CopyData = string | Buffer | Array<string | Buffer>;

/** Options of one statement. */
export interface QueryOptions {
  /**
   * Prepare the statement under this name on each pooled PostgreSQL connection and reuse it (parsed and
   * planned once per connection): for hot statements of fixed text. The name must be unique to the text.
   * PGlite runs the statement as usual.
   */
  prepareAs?: string;
}

/** The subset of a connection that raw-SQL helpers need; a transaction hands one out too. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[], opts?: QueryOptions): Promise<SqlResult<T>>;
  /**
   * Runs a script of several statements (no parameters) in one call. Only transactions have it.
   */
  exec?(script: string): Promise<void>;
  /**
   * Runs `COPY … FROM STDIN` with `data` (already encoded for the COPY's format) and returns the rows
   * copied. Only transactions on PostgreSQL have it; PGlite and pooled one-off queries do not.
   */
  copyFrom?(copySql: string, data: CopyData): Promise<number>;
}

export interface PoolStats {
  kind: DatabaseKind;
  maxSize: number;
  open: number;
  inUse: number;
  idle: number;
  waiting: number;
  acquisitions: number;
  /** Connections ever opened; acquisitions beyond these reused an open one. */
  connectionsOpened: number;
  /** Share of acquisitions served by an already open connection (0–1). */
  reuseRate: number;
  /** SQL statements sent, counted at the driver. */
  statements: number;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; null means the embedded PGlite. */
  url: string | null;
  /** PGlite data directory; "memory://" keeps it in memory (tests). */
  dataDir: string;
  poolSize: number;
  log: Logger;
  prismaPaths?: PrismaPaths;
  /** The schema of the gateway's own tables (GATEWAY_SCHEMA); default kaizen. */
  gatewaySchema?: string;
}

/**
 * Streams `data` through COPY FROM STDIN on `client`. Settles once: with the row count after the server
 * finished (ReadyForQuery), or with the server's error (the client stays usable: pg moves on to its next
 * query after the error's ReadyForQuery).
 *
 * Pieces are written one at a time, each after the previous one drained, and nothing is written (not even
 * the end) after an error: pg-copy-streams drops its connection when the server refuses the COPY, and a
 * piece it still had queued would then be flushed into that null connection on the socket's next drain
 * (an uncaught TypeError that would stop the process).
 */
async function copyIn(client: pg.PoolClient, copySql: string, data: CopyData): Promise<number> {
  const stream = client.query(copyFromStdin(copySql));
  let failure: Error | null = null;
  const done = new Promise<number>((resolve, reject) => {
    stream.on("error", (err) => {
      if (failure) return;
      failure = err;
      reject(err);
    });
    stream.on("finish", () => resolve(stream.rowCount));
  });
  // Settled by "error" when the server refuses the COPY while pieces are still being written.
  done.catch(() => {});
  for (const piece of Array.isArray(data) ? data : [data]) {
    if (failure) break;
    if (!stream.write(piece)) await Promise.race([new Promise((r) => stream.once("drain", r)), done.catch(() => undefined)]);
  }
  if (!failure) stream.end();
  return done;
}

export class Database implements SqlRunner {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** Where the gateway's own tables live; raw SQL names them through `gateway.table(…)`. */
  readonly gateway: GatewaySchema;
  private readonly pool: pg.Pool | null;
  private readonly pglite: PGlite | null;
  private readonly paths: PrismaPaths;
  private readonly log: Logger;
  private readonly url: string | null;
  private readonly poolSize: number;
  private counters = { acquisitions: 0, connectionsOpened: 0, statements: 0 };
  private closed = false;

  constructor(opts: DatabaseOptions) {
    this.log = opts.log.child({ component: "db" });
    this.paths = opts.prismaPaths ?? defaultPrismaPaths();
    this.gateway = new GatewaySchema(opts.gatewaySchema);
    // Prisma qualifies every table it names with the adapter's schema; user connections keep their search_path.
    const schema = this.gateway.name;
    this.url = opts.url;
    this.poolSize = opts.poolSize;
    if (opts.url) {
      this.kind = "postgres";
      this.pglite = null;
      // Lazily opened: a pg.Pool connects on first checkout, not here.
      // JIT off: on the gateway's short, planner-misestimated queries PostgreSQL's JIT compile
      // cost more than the query (salesSummary measured 2.4 s with JIT, 1.3 s without).
      this.pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000, options: "-c jit=off" });
      this.pool.on("connect", (client) => {
        this.counters.connectionsOpened++;
        this.countStatements(client);
      });
      this.pool.on("acquire", () => this.counters.acquisitions++);
      // An idle client losing its server must not crash the process; the pool replaces it.
      this.pool.on("error", (err) => this.log.warn({ err: err.message }, "idle database connection failed"));
      this.prisma = new PrismaClient({ adapter: new PrismaPg(this.pool, { schema }) });
    } else {
      this.kind = "pglite";
      this.pool = null;
      if (opts.dataDir !== "memory://") fs.mkdirSync(path.resolve(opts.dataDir), { recursive: true });
      this.pglite = new PGlite(opts.dataDir === "memory://" ? undefined : path.resolve(opts.dataDir));
      this.countStatements(this.pglite);
      this.counters.connectionsOpened = 1;
      this.prisma = new PrismaClient({ adapter: withSchema(new PrismaPGlite(this.pglite), schema) });
    }
  }

  /** Wraps a driver object's query method so every statement is counted, whoever sends it. */
  private countStatements(target: { query: (...args: never[]) => unknown }): void {
    const original = target.query.bind(target) as (...args: unknown[]) => unknown;
    const counters = this.counters;
    (target as { query: unknown }).query = function countedQuery(...args: unknown[]) {
      counters.statements++;
      return original(...args);
    };
  }

  /** Runs one parameterized statement on a pooled connection. */
  async query<T = Record<string, unknown>>(text: string, params: unknown[] = [], opts: QueryOptions = {}): Promise<SqlResult<T>> {
    if (this.pool) {
      const res = await (opts.prepareAs ? this.pool.query({ name: opts.prepareAs, text, values: params }) : this.pool.query(text, params));
      return { rows: res.rows as T[], fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
    }
    this.counters.acquisitions++;
    const res = await this.pglite!.query<T>(text, params);
    return { rows: res.rows, fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
  }

  /**
   * Runs `fn` inside one transaction on one connection; rolls back if it throws. `statementTimeoutMs`
   * bounds each statement of it on PostgreSQL (PGlite cannot cancel a running statement).
   */
  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>, opts: { readOnly?: boolean; statementTimeoutMs?: number } = {}): Promise<T> {
    const begin = opts.readOnly ? "BEGIN READ ONLY" : "BEGIN";
    if (this.pool) {
      const client = await this.pool.connect();
      try {
        // One round trip for both (a simple query may hold several statements).
        const timeout = opts.statementTimeoutMs === undefined ? "" : `; SET LOCAL statement_timeout = ${Math.max(0, Math.floor(opts.statementTimeoutMs))}`;
        await client.query(begin + timeout);
        const runner: SqlRunner = {
          query: async <R,>(text: string, params: unknown[] = []) => {
            const res = await client.query(text, params);
            return { rows: res.rows as R[], fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
          },
          exec: async (script) => {
            // No parameters: pg sends it as one simple query, which may hold several statements.
            await client.query(script);
          },
          copyFrom: (copySql, data) => copyIn(client, copySql, data),
        };
        const out = await fn(runner);
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    }
    this.counters.acquisitions++;
    return this.pglite!.transaction(async (tx) => {
      if (opts.readOnly) await tx.query("SET TRANSACTION READ ONLY");
      return fn({
        query: async <R,>(text: string, params: unknown[] = []) => {
          const res = await tx.query<R>(text, params);
          return { rows: res.rows, fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
        },
        exec: async (script) => {
          await tx.exec(script);
        },
      });
    });
  }

  /**
   * Streams a query's rows in batches with flat memory: a server-side cursor
   * (pg-cursor) on PostgreSQL; on PGlite a WITH HOLD cursor, so other queries
   * can interleave between fetches on its single connection.
   */
  async *stream<T = Record<string, unknown>>(text: string, params: unknown[] = [], batchSize = 5_000): AsyncGenerator<{ rows: T[]; fields: SqlField[] }> {
    if (this.pool) {
      const client = await this.pool.connect();
      const cursor = client.query(new Cursor(text, params));
      try {
        for (;;) {
          const rows = (await cursor.read(batchSize)) as T[];
          if (rows.length === 0) break;
          const fields = ((cursor as unknown as { _result?: { fields: pg.FieldDef[] } })._result?.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
          yield { rows, fields };
          if (rows.length < batchSize) break;
        }
      } finally {
        await cursor.close().catch(() => {});
        client.release();
      }
      return;
    }
    const name = `kz_stream_${Math.random().toString(36).slice(2, 10)}`;
    this.counters.acquisitions++;
    await this.pglite!.query(`DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${text}`, params);
    try {
      for (;;) {
        const res = await this.pglite!.query<T>(`FETCH FORWARD ${batchSize} FROM ${name}`);
        if (res.rows.length === 0) break;
        yield { rows: res.rows, fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
        if (res.rows.length < batchSize) break;
      }
    } finally {
      await this.pglite!.query(`CLOSE ${name}`).catch(() => {});
    }
  }

  /**
   * Streams the bytes of a `COPY (…) TO STDOUT …` as PostgreSQL sends them, with backpressure; see
   * copy-out.ts for a consumer that stops early. PostgreSQL only: PGlite's COPY TO gathers the whole
   * result before handing it over, so there `stream` is the way to read a large result.
   */
  copyOut(copySql: string): AsyncGenerator<Buffer> {
    if (!this.pool) throw new Error("COPY TO STDOUT streams only from PostgreSQL, not PGlite");
    return copyOut(this.pool, copySql);
  }

  /** Applies pending migrations in the gateway schema; returns the names applied. See migrateAndReport. */
  async migrate(): Promise<string[]> {
    return (await this.migrateAndReport()).applied;
  }

  /**
   * Creates the gateway schema when missing, moves an install made by an earlier version (gateway tables in
   * public) into it, then applies pending migrations there with Prisma's schema engine. Nothing outside the
   * gateway schema is created or changed; the move only takes the gateway's own tables out of public.
   */
  async migrateAndReport(): Promise<{ applied: string[]; moved: LegacyMove | null }> {
    // Checked first: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists,
    // and a role given only a schema made for it (docs/your-own-database.md) has no such right.
    const exists = async () => (await this.query(`SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1`, [this.gateway.name])).rows.length > 0;
    if (!(await exists())) {
      // IF NOT EXISTS is not proof against a gateway starting beside us: it may still fail on the catalog's
      // unique index, which only means the schema is there now.
      await this.query(`CREATE SCHEMA IF NOT EXISTS ${this.gateway.quoted}`).catch(async (err) => {
        if (!(await exists())) throw err;
      });
    }
    const moved = await moveLegacyInstall(this, this.paths);
    if (moved) this.log.warn(moved, "moved the gateway's tables of an earlier version from public to the gateway schema");
    const applied = this.pglite ? await this.migratePglite() : await this.migratePostgres();
    if (applied.length) this.log.info({ applied, schema: this.gateway.name }, "migrations applied");
    return { applied, moved };
  }

  /**
   * Migration SQL names its tables unqualified: the schema engine runs on a connection whose search_path is
   * the gateway schema (where `_prisma_migrations` lands too, as its connection info says). PGlite has one
   * connection, so its search_path is set for the run and restored after.
   */
  private async migratePglite(): Promise<string[]> {
    const pglite = this.pglite!;
    const before = (await pglite.query<{ p: string }>(`SELECT current_setting('search_path') AS p`)).rows[0]!.p;
    await pglite.query(`SELECT set_config('search_path', $1, false)`, [this.gateway.quoted]);
    try {
      return await applyMigrations(withSchema(new PrismaPGlite(pglite), this.gateway.name), this.paths);
    } finally {
      await pglite.query(`SELECT set_config('search_path', $1, false)`, [before]);
    }
  }

  private async migratePostgres(): Promise<string[]> {
    // The schema engine never disposes the connections it opens; close them ourselves, or the
    // session keeps its migration advisory lock and the next gateway's migrate waits forever.
    const schema = this.gateway.name;
    const inner = new PrismaPg({ connectionString: this.url!, max: 1, options: `-c search_path=${schema}` }, { schema });
    const opened: Array<{ dispose(): Promise<void> }> = [];
    const factory = Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, {
      connect: async () => {
        const adapter = await inner.connect();
        opened.push(adapter);
        return adapter;
      },
      connectToShadowDb: async () => {
        const adapter = await inner.connectToShadowDb();
        opened.push(adapter);
        return adapter;
      },
    }) as PrismaPg;
    try {
      return await applyMigrations(factory, this.paths);
    } finally {
      await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
    }
  }

  /** Migrations in prisma/migrations that the gateway schema has not recorded as finished. */
  async pendingMigrations(): Promise<string[]> {
    const wanted = readMigrationList(this.paths.migrationsDir).migrationDirectories.map((d) => d.path);
    const record = this.gateway.table("_prisma_migrations");
    const exists = await this.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [record]);
    if (!exists.rows[0]?.t) return wanted;
    const done = await this.query<{ migration_name: string }>(
      `SELECT migration_name FROM ${record} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const have = new Set(done.rows.map((r) => r.migration_name));
    return wanted.filter((m) => !have.has(m));
  }

  /** Readiness: the database answers and every migration is applied. Never throws. */
  async readiness(): Promise<{ ready: boolean; reason?: string }> {
    if (this.closed) return { ready: false, reason: "shutting down" };
    try {
      const pending = await this.pendingMigrations();
      if (pending.length) return { ready: false, reason: `migrations not applied: ${pending.join(", ")}` };
      return { ready: true };
    } catch (err) {
      return { ready: false, reason: `database unreachable: ${(err as Error).message.split("\n")[0]}` };
    }
  }

  poolStats(): PoolStats {
    const { acquisitions, connectionsOpened, statements } = this.counters;
    const reuseRate = acquisitions === 0 ? 0 : Math.max(0, acquisitions - connectionsOpened) / acquisitions;
    if (this.pool) {
      const open = this.pool.totalCount;
      const idle = this.pool.idleCount;
      return { kind: this.kind, maxSize: this.poolSize, open, inUse: open - idle, idle, waiting: this.pool.waitingCount, acquisitions, connectionsOpened, reuseRate, statements };
    }
    return { kind: this.kind, maxSize: 1, open: 1, inUse: 0, idle: 1, waiting: 0, acquisitions, connectionsOpened, reuseRate, statements };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.prisma.$disconnect().catch(() => {});
    if (this.pool) await this.pool.end().catch(() => {});
    if (this.pglite) await this.pglite.close().catch(() => {});
  }
}

/**
 * pglite-prisma-adapter's factory takes no options, so its adapters report no schema and Prisma would name
 * tables unqualified. This makes them report `schema` (what PrismaPg's `{ schema }` option does).
 */
function withSchema(factory: PrismaPGlite, schema: string): PrismaPGlite {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const info = adapter.getConnectionInfo?.() ?? {};
    adapter.getConnectionInfo = () => ({ supportsRelationJoins: true, ...info, schemaName: schema });
    return adapter;
  };
  return factory;
}
