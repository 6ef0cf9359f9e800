import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import Cursor from "pg-cursor";
import { from as copyFromStdin } from "pg-copy-streams";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client.js";
import { applyMigrations, defaultPrismaPaths, readMigrationList } from "./migrator.js";
async function copyIn(client, copySql, data) {
  const stream = client.query(copyFromStdin(copySql));
  let failure = null;
  const done = new Promise((resolve, reject) => {
    stream.on("error", (err) => {
      if (failure) return;
      failure = err;
      reject(err);
    });
    stream.on("finish", () => resolve(stream.rowCount));
  });
  done.catch(() => {
  });
  for (const piece of Array.isArray(data) ? data : [data]) {
    if (failure) break;
    if (!stream.write(piece)) await Promise.race([new Promise((r) => stream.once("drain", r)), done.catch(() => void 0)]);
  }
  if (!failure) stream.end();
  return done;
}
class Database {
  kind;
  prisma;
  pool;
  pglite;
  paths;
  log;
  url;
  poolSize;
  counters = { acquisitions: 0, connectionsOpened: 0, statements: 0 };
  closed = false;
  constructor(opts) {
    this.log = opts.log.child({ component: "db" });
    this.paths = opts.prismaPaths ?? defaultPrismaPaths();
    this.url = opts.url;
    this.poolSize = opts.poolSize;
    if (opts.url) {
      this.kind = "postgres";
      this.pglite = null;
      this.pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize, idleTimeoutMillis: 3e4, connectionTimeoutMillis: 5e3, options: "-c jit=off" });
      this.pool.on("connect", (client) => {
        this.counters.connectionsOpened++;
        this.countStatements(client);
      });
      this.pool.on("acquire", () => this.counters.acquisitions++);
      this.pool.on("error", (err) => this.log.warn({ err: err.message }, "idle database connection failed"));
      this.prisma = new PrismaClient({ adapter: new PrismaPg(this.pool) });
    } else {
      this.kind = "pglite";
      this.pool = null;
      if (opts.dataDir !== "memory://") fs.mkdirSync(path.resolve(opts.dataDir), { recursive: true });
      this.pglite = new PGlite(opts.dataDir === "memory://" ? void 0 : path.resolve(opts.dataDir));
      this.countStatements(this.pglite);
      this.counters.connectionsOpened = 1;
      this.prisma = new PrismaClient({ adapter: new PrismaPGlite(this.pglite) });
    }
  }
  /** Wraps a driver object's query method so every statement is counted, whoever sends it. */
  countStatements(target) {
    const original = target.query.bind(target);
    const counters = this.counters;
    target.query = function countedQuery(...args) {
      counters.statements++;
      return original(...args);
    };
  }
  /** Runs one parameterized statement on a pooled connection. */
  async query(text, params = [], opts = {}) {
    if (this.pool) {
      const res2 = await (opts.prepareAs ? this.pool.query({ name: opts.prepareAs, text, values: params }) : this.pool.query(text, params));
      return { rows: res2.rows, fields: res2.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
    }
    this.counters.acquisitions++;
    const res = await this.pglite.query(text, params);
    return { rows: res.rows, fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
  }
  /**
   * Runs `fn` inside one transaction on one connection; rolls back if it throws. `statementTimeoutMs`
   * bounds each statement of it on PostgreSQL (PGlite cannot cancel a running statement).
   */
  async transaction(fn, opts = {}) {
    const begin = opts.readOnly ? "BEGIN READ ONLY" : "BEGIN";
    if (this.pool) {
      const client = await this.pool.connect();
      try {
        const timeout = opts.statementTimeoutMs === void 0 ? "" : `; SET LOCAL statement_timeout = ${Math.max(0, Math.floor(opts.statementTimeoutMs))}`;
        await client.query(begin + timeout);
        const runner = {
          query: async (text, params = []) => {
            const res = await client.query(text, params);
            return { rows: res.rows, fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
          },
          copyFrom: (copySql, data) => copyIn(client, copySql, data)
        };
        const out = await fn(runner);
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
    this.counters.acquisitions++;
    return this.pglite.transaction(async (tx) => {
      if (opts.readOnly) await tx.query("SET TRANSACTION READ ONLY");
      return fn({
        query: async (text, params = []) => {
          const res = await tx.query(text, params);
          return { rows: res.rows, fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
        }
      });
    });
  }
  /**
   * Streams a query's rows in batches with flat memory: a server-side cursor
   * (pg-cursor) on PostgreSQL; on PGlite a WITH HOLD cursor, so other queries
   * can interleave between fetches on its single connection.
   */
  async *stream(text, params = [], batchSize = 5e3) {
    if (this.pool) {
      const client = await this.pool.connect();
      const cursor = client.query(new Cursor(text, params));
      try {
        for (; ; ) {
          const rows = await cursor.read(batchSize);
          if (rows.length === 0) break;
          const fields = (cursor._result?.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
          yield { rows, fields };
          if (rows.length < batchSize) break;
        }
      } finally {
        await cursor.close().catch(() => {
        });
        client.release();
      }
      return;
    }
    const name = `kz_stream_${Math.random().toString(36).slice(2, 10)}`;
    this.counters.acquisitions++;
    await this.pglite.query(`DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${text}`, params);
    try {
      for (; ; ) {
        const res = await this.pglite.query(`FETCH FORWARD ${batchSize} FROM ${name}`);
        if (res.rows.length === 0) break;
        yield { rows: res.rows, fields: res.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
        if (res.rows.length < batchSize) break;
      }
    } finally {
      await this.pglite.query(`CLOSE ${name}`).catch(() => {
      });
    }
  }
  /** Applies pending migrations with Prisma's schema engine; returns the names applied. */
  async migrate() {
    if (this.pglite) {
      const applied2 = await applyMigrations(new PrismaPGlite(this.pglite), this.paths);
      if (applied2.length) this.log.info({ applied: applied2 }, "migrations applied");
      return applied2;
    }
    const inner = new PrismaPg({ connectionString: this.url, max: 1 });
    const opened = [];
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
      }
    });
    let applied;
    try {
      applied = await applyMigrations(factory, this.paths);
    } finally {
      await Promise.all(opened.map((a) => a.dispose().catch(() => {
      })));
    }
    if (applied.length) this.log.info({ applied }, "migrations applied");
    return applied;
  }
  /** Migrations in prisma/migrations that the database has not recorded as finished. */
  async pendingMigrations() {
    const wanted = readMigrationList(this.paths.migrationsDir).migrationDirectories.map((d) => d.path);
    const exists = await this.query(`SELECT to_regclass('_prisma_migrations')::text AS t`);
    if (!exists.rows[0]?.t) return wanted;
    const done = await this.query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    );
    const have = new Set(done.rows.map((r) => r.migration_name));
    return wanted.filter((m) => !have.has(m));
  }
  /** Readiness: the database answers and every migration is applied. Never throws. */
  async readiness() {
    if (this.closed) return { ready: false, reason: "shutting down" };
    try {
      const pending = await this.pendingMigrations();
      if (pending.length) return { ready: false, reason: `migrations not applied: ${pending.join(", ")}` };
      return { ready: true };
    } catch (err) {
      return { ready: false, reason: `database unreachable: ${err.message.split("\n")[0]}` };
    }
  }
  poolStats() {
    const { acquisitions, connectionsOpened, statements } = this.counters;
    const reuseRate = acquisitions === 0 ? 0 : Math.max(0, acquisitions - connectionsOpened) / acquisitions;
    if (this.pool) {
      const open = this.pool.totalCount;
      const idle = this.pool.idleCount;
      return { kind: this.kind, maxSize: this.poolSize, open, inUse: open - idle, idle, waiting: this.pool.waitingCount, acquisitions, connectionsOpened, reuseRate, statements };
    }
    return { kind: this.kind, maxSize: 1, open: 1, inUse: 0, idle: 1, waiting: 0, acquisitions, connectionsOpened, reuseRate, statements };
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.prisma.$disconnect().catch(() => {
    });
    if (this.pool) await this.pool.end().catch(() => {
    });
    if (this.pglite) await this.pglite.close().catch(() => {
    });
  }
}
export {
  Database
};
