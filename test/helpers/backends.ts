/**
 * The databases every integration test runs against: PGlite always, and
 * PostgreSQL + Redis when TEST_DATABASE_URL / REDIS_URL are set (CI sets both).
 * Each call to `freshDatabase` makes a database of its own and drops it after.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { Redis } from "ioredis";

export interface Backend {
  name: "pglite" | "postgres";
  /** Env overrides that point the gateway at this backend. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export type BackendName = Backend["name"];

export const backendNames = (): BackendName[] => (process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]);

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A new, empty database on the given backend (PGlite in memory, or a new PostgreSQL database).
 * `onDisk`: PGlite in a temporary directory instead, so a test can fill it (openBackendSql) before a gateway starts on it.
 */
export async function freshBackend(name: BackendName, opts: { onDisk?: boolean } = {}): Promise<Backend> {
  const suffix = randomBytes(5).toString("hex");
  const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `kztest:${suffix}` } : {};
  if (name === "pglite" && opts.onDisk) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-pglite-"));
    return { name, env: { DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (name === "pglite") return { name, env: { DATA_DIR: "memory://" }, cleanup: async () => {} };
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const database = `kz_test_${suffix}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  return {
    name,
    env: { DATABASE_URL: withDatabase(base, database), ...redis },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.end();
      if (redis.REDIS_PREFIX) await dropRedisPrefix(redis.REDIS_URL!, redis.REDIS_PREFIX);
    },
  };
}

/** Deletes every key of a test's Redis prefix (cache entries, table versions, queues) so runs leave nothing behind. */
async function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await client.del(...keys);
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}

/** A plain connection of its own to a backend's database (not the gateway's): for fixtures and catalog snapshots. */
export interface BackendSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements at once (no parameters). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens a backend's database; PGlite needs `onDisk` (close it before a gateway opens the same directory). */
export async function openBackendSql(backend: Backend): Promise<BackendSql> {
  if (backend.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: backend.env.DATABASE_URL });
    await client.connect();
    return {
      query: async <T,>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
      exec: async (script) => void (await client.query(script)),
      close: () => client.end(),
    };
  }
  const dir = backend.env.DATA_DIR;
  if (!dir || dir === "memory://") throw new Error("openBackendSql: a PGlite backend must be made with { onDisk: true }");
  const db = new PGlite(dir);
  return {
    query: async <T,>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    exec: async (script) => void (await db.exec(script)),
    close: () => db.close(),
  };
}
