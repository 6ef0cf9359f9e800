/**
 * The demo shop is optional data. SEED_ON_START=auto (the default) creates and
 * seeds it only on the first start of an empty embedded database, so the
 * README's first command still shows the demo; a DATABASE_URL never gets it
 * unless asked (SEED_ON_START=true, or npm run seed).
 */
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Database } from "../../src/services/db/index.js";
import { demoRowCounts, seedOnStart } from "../../src/services/seed/index.js";
import { backendNames, freshBackend, type Backend } from "../helpers/backends.js";

const log = pino({ level: "silent" });
const root = path.resolve(import.meta.dirname, "../..");
const scale = 0.01;

async function publicRelations(db: Database): Promise<string[]> {
  return (await db.query<{ r: string }>(`SELECT c.relname AS r FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1`)).rows.map((x) => x.r);
}

describe.each(backendNames())("SEED_ON_START on %s", (name) => {
  let backend: Backend;
  let db: Database;
  beforeAll(async () => {
    backend = await freshBackend(name);
    db = new Database({ url: backend.env.DATABASE_URL ?? null, dataDir: "memory://", poolSize: 2, log });
    await db.migrate();
  });
  afterAll(async () => {
    await db?.close();
    await backend?.cleanup();
  });

  it("never seeds with never, and with auto only on an empty embedded database", async () => {
    expect(await seedOnStart(db, { mode: "never", scale, log })).toBe(false);
    expect(await publicRelations(db)).toEqual([]);
    const seeded = await seedOnStart(db, { mode: "auto", scale, log });
    if (name === "postgres") {
      // A server database is the user's: nothing is created there unless asked.
      expect(seeded).toBe(false);
      expect(await publicRelations(db)).toEqual([]);
    } else {
      expect(seeded).toBe(true);
      expect(await demoRowCounts(db)).toMatchObject({ categories: 20, products: 10, customers: 100, orders: 1000, reviews: 200 });
      // The next start finds the demo there and leaves it alone.
      expect(await seedOnStart(db, { mode: "auto", scale: 0.02, log })).toBe(false);
      expect((await demoRowCounts(db)).orders).toBe(1000);
    }
  });

  it("creates and seeds the demo when asked (true), once", async () => {
    if (name === "pglite") await db.query(`TRUNCATE order_items, reviews, orders, products, customers, categories`);
    expect(await seedOnStart(db, { mode: "always", scale, log })).toBe(true);
    expect((await demoRowCounts(db)).orders).toBe(1000);
    expect(await seedOnStart(db, { mode: "always", scale, log })).toBe(false);
    // With the demo's documentation, for the catalog.
    expect((await db.query(`SELECT obj_description('public.orders'::regclass, 'pg_class') AS d`)).rows[0]).toEqual({
      d: expect.stringMatching(/^@name Order\nA customer's order\./),
    });
  });

  it("auto leaves an embedded database that holds anything of the user's alone", async () => {
    const other = new Database({ url: null, dataDir: "memory://", poolSize: 1, log });
    try {
      await other.migrate();
      await other.query(`CREATE TABLE notes (id int PRIMARY KEY, body text)`);
      expect(await seedOnStart(other, { mode: "auto", scale, log })).toBe(false);
      expect(await publicRelations(other)).toEqual(["notes", "notes_pkey"]);
    } finally {
      await other.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs the real server (src/server.ts) until it listens, asks `query`, stops it; returns the answer's data. */
async function askRealServer(env: Record<string, string>, query: string): Promise<Record<string, any>> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", NODE_ENV: "production", SEED_SCALE: String(scale), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      const check = () => (/is up/.test(out) ? resolve() : undefined);
      child.stdout.on("data", check);
      child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening\n${out}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
    if (!body.data) throw new Error(`no data: ${JSON.stringify(body)}\n${out}`);
    return body.data;
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const COUNTS = `{ tableCounts { table rows } catalog { tables { name modelName } } }`;
const rowsOf = (data: Record<string, any>) => Object.fromEntries(data.tableCounts.map((c: { table: string; rows: number }) => [c.table, c.rows]));

describe("the real server's first start", () => {
  it("shows the demo on an empty embedded database (the README's first command)", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-first-start-"));
    try {
      // The seeded tables are served by the generated API of the same start.
      const shop = `orders(first: 2, orderBy: [ID_ASC]) { totalCount nodes { id customer { id } orderItems { totalCount } } } order(id: 1000) { id }`;
      const data = await askRealServer({ DATA_DIR: dataDir }, COUNTS.replace(/}$/, `${shop} }`));
      expect(rowsOf(data)).toMatchObject({ categories: 20, customers: 100, orders: 1000, products: 10, reviews: 200 });
      expect(data.catalog.tables.find((t: { name: string }) => t.name === "order_items").modelName).toBe("OrderItem");
      expect(data.orders.totalCount).toBe(1000);
      expect(data.orders.nodes.map((o: { id: number }) => o.id)).toEqual([1, 2]);
      for (const o of data.orders.nodes) {
        expect(o.customer.id).toBeGreaterThan(0);
        expect(o.orderItems.totalCount).toBeGreaterThan(0);
      }
      expect(data.order).toEqual({ id: 1000 });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("creates no demo on a DATABASE_URL", async () => {
    const backend = await freshBackend("postgres");
    try {
      const data = await askRealServer({ DATABASE_URL: backend.env.DATABASE_URL! }, COUNTS.replace(/}$/, `order: __type(name: "Order") { name } }`));
      expect(Object.values(rowsOf(data))).toEqual([0, 0, 0, 0, 0, 0]);
      expect(data.catalog.tables).toEqual([]);
      // No demo tables, so no shop API either.
      expect(data.order).toBeNull();
    } finally {
      await backend.cleanup();
    }
  }, 180_000);
});
