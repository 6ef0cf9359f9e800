/**
 * The databases every integration test runs against: PGlite always, and
 * PostgreSQL + Redis when TEST_DATABASE_URL / REDIS_URL are set (CI sets both).
 * Each call to `freshDatabase` makes a database of its own and drops it after.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
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

/** A new, empty database on the given backend (PGlite in memory, or a new PostgreSQL database). */
export async function freshBackend(name: BackendName): Promise<Backend> {
  const suffix = randomBytes(5).toString("hex");
  const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `kztest:${suffix}` } : {};
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
