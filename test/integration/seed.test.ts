/**
 * The demo-data seed on each backend: row counts per scale, identical rows
 * from two runs, the invariants DEMO_SCHEMA.md promises, refusal without
 * --reset, sequences that continue after the seeded ids, and the CLI.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Database } from "../../src/services/db/index.js";
import { DEMO_TABLES, SeedRefusedError, seedDemo, seedIfEmpty } from "../../src/services/seed/index.js";
import { backendNames, freshBackend, openBackendSql, type Backend } from "../helpers/backends.js";
import { makeLegacyInstall } from "../helpers/legacy-install.js";

const log = pino({ level: "silent" });
const now = new Date("2026-06-15T12:00:00.000Z");
const scale = 0.01;

/** One md5 over every row of every demo table, in id order. */
async function fingerprint(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const t of DEMO_TABLES) {
    const res = await db.query<{ h: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS h FROM ${t} t`);
    parts.push(res.rows[0]!.h);
  }
  return parts.join(":");
}

async function count(db: Database, sql: string): Promise<number> {
  const res = await db.query<Record<string, unknown>>(sql);
  return Number(Object.values(res.rows[0]!)[0]);
}

describe.each(backendNames())("seed on %s", (backendName) => {
  let backend: Backend;
  let db: Database;

  beforeAll(async () => {
    backend = await freshBackend(backendName);
    db = new Database({ url: backend.env.DATABASE_URL ?? null, dataDir: "memory://", poolSize: 2, log });
    await db.migrate();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await backend?.cleanup();
  });

  it("seeds the counts DEMO_SCHEMA.md gives for the scale, reporting progress per table", async () => {
    const seen = new Set<string>();
    const summary = await seedDemo(db, { scale, log, now, batchSize: 300, onProgress: (p) => seen.add(p.table) });
    expect(summary.rows).toMatchObject({ categories: 20, products: 10, customers: 100, orders: 1000, reviews: 200 });
    expect(summary.rows.order_items).toBeGreaterThan(2_500);
    expect(summary.rows.order_items).toBeLessThan(3_500);
    expect(await count(db, "SELECT count(*) FROM orders")).toBe(1000);
    expect(await count(db, "SELECT count(*) FROM order_items")).toBe(summary.rows.order_items);
    expect([...seen].sort()).toEqual(["categories", "customers", "orders", "products", "reviews"]);
  });

  it("keeps the invariants: totals equal their items, every enum value, ≥15 countries, low stock, inactive, 24-month window", async () => {
    const mismatched = await count(
      db,
      `SELECT count(*) FROM orders o LEFT JOIN (SELECT order_id, round(sum(quantity * unit_price * (1 - discount)), 2) AS s FROM order_items GROUP BY order_id) x ON x.order_id = o.id
       WHERE x.s IS DISTINCT FROM o.total`,
    );
    expect(mismatched).toBe(0);
    const distinct = async (sql: string) => (await db.query<{ v: string }>(sql)).rows.map((r) => r.v).sort();
    expect(await distinct("SELECT DISTINCT status::text AS v FROM orders")).toEqual(["CANCELLED", "DELIVERED", "PAID", "PENDING", "REFUNDED", "SHIPPED"]);
    expect(await distinct("SELECT DISTINCT channel::text AS v FROM orders")).toEqual(["MOBILE", "STORE", "WEB"]);
    expect(await distinct("SELECT DISTINCT segment::text AS v FROM customers")).toEqual(["CONSUMER", "ENTERPRISE", "SMB"]);
    expect(await count(db, "SELECT count(DISTINCT country) FROM customers")).toBeGreaterThanOrEqual(15);
    expect(await count(db, "SELECT count(*) FROM products WHERE stock <= reorder_level")).toBeGreaterThan(0);
    expect(await count(db, "SELECT count(*) FROM products WHERE NOT active")).toBeGreaterThan(0);
    const window = await db.query<{ lo: Date; hi: Date }>("SELECT min(ordered_at) AS lo, max(ordered_at) AS hi FROM orders");
    const lo = new Date(window.rows[0]!.lo).getTime();
    const hi = new Date(window.rows[0]!.hi).getTime();
    expect(lo).toBeGreaterThanOrEqual(now.getTime() - 731 * 86_400_000);
    expect(hi).toBeLessThanOrEqual(now.getTime());
    // Both ends of the window are populated: the last month and the first.
    expect(hi).toBeGreaterThan(now.getTime() - 30 * 86_400_000);
    expect(lo).toBeLessThan(now.getTime() - 700 * 86_400_000);
    // Nobody orders before signing up.
    expect(await count(db, "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.ordered_at < c.created_at")).toBe(0);
  });

  it("refuses to seed over existing data, naming --reset; seedIfEmpty leaves it alone", async () => {
    const before = await fingerprint(db);
    const err = await seedDemo(db, { scale, log, now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedRefusedError);
    expect((err as SeedRefusedError).extensions.code).toBe("CONFLICT");
    expect((err as Error).message).toMatch(/already hold data \(order_items: \d+.*--reset/);
    expect(await seedIfEmpty(db, { scale: 0.02, log })).toBe(false);
    expect(await fingerprint(db)).toBe(before);
  });

  it("is deterministic: a reset and reseed of the same scale gives identical rows; another seed value does not", async () => {
    const first = await fingerprint(db);
    await seedDemo(db, { scale, log, now, reset: true, batchSize: 1000 });
    expect(await fingerprint(db)).toBe(first);
    await seedDemo(db, { scale, log, now, reset: true, seed: 42 });
    expect(await fingerprint(db)).not.toBe(first);
  });

  it("leaves sequences past the seeded ids, and --reset restarts them", async () => {
    await seedDemo(db, { scale, log, now, reset: true });
    const inserted = await db.query<{ id: number }>("INSERT INTO categories (name) VALUES ('Test category') RETURNING id");
    expect(inserted.rows[0]!.id).toBe(21);
    const order = await db.query<{ id: number }>(`INSERT INTO orders (customer_id, status, channel, ordered_at, total) VALUES (1, 'PAID', 'WEB', now(), 0) RETURNING id`);
    expect(order.rows[0]!.id).toBe(1001);
    await seedDemo(db, { scale, log, now, reset: true });
    expect(await count(db, "SELECT max(id) FROM categories")).toBe(20);
    expect(await count(db, "SELECT count(*) FROM orders")).toBe(1000);
  });

  it("rejects a scale that is not a positive number", async () => {
    await expect(seedDemo(db, { scale: 0, log })).rejects.toThrow(/scale must be a number above 0 and at most 100.*got 0/);
  });
});

describe("npm run seed (CLI, PGlite)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-seed-cli-"));
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/seed.ts", ...args], { env: { ...process.env, DATABASE_URL: "", DATA_DIR: dir, LOG_LEVEL: "silent" } }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("seeds, then refuses a second run with exit 1 and a message naming --reset", async () => {
    const first = await run(["--scale", "0.01"]);
    expect(first.out).toMatch(/orders\s+1000 \/ 1000 \(100%\)/);
    expect(first.code).toBe(0);
    const second = await run(["--scale", "0.01"]);
    expect(second.code).toBe(1);
    expect(second.out).toMatch(/already hold data.*run it with --reset/);
  }, 120_000);

  it("--docs-only documents the demo an earlier version left (after moving that install) without touching a row", async () => {
    const legacy = await freshBackend("pglite", { onDisk: true });
    try {
      await makeLegacyInstall(legacy);
      const res = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/seed.ts", "--docs-only"], {
        env: { ...process.env, DATABASE_URL: "", DATA_DIR: legacy.env.DATA_DIR!, LOG_LEVEL: "silent" },
      });
      expect(res.stdout).toMatch(/the demo tables exist in public with their documentation \(no rows written\)/);
      const sql = await openBackendSql(legacy);
      try {
        expect(await sql.query(`SELECT email FROM public.customers`)).toEqual([{ email: "old@example.com" }]);
        expect(await sql.query(`SELECT obj_description('public.order_items'::regclass, 'pg_class') AS d`)).toEqual([{ d: "@name OrderItem\nOne line of an order. Synonyms: line items, order lines." }]);
        expect(await sql.query(`SELECT count(*)::int AS n FROM kaizen.jobs`)).toEqual([{ n: 1 }]);
      } finally {
        await sql.close();
      }
    } finally {
      await legacy.cleanup();
    }
  }, 120_000);

  it("exits 2 with usage on a bad --scale", async () => {
    const bad = await run(["--scale", "lots"]);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/Seed scale must be a number above 0.*got null[\s\S]*usage: npm run seed/);
  }, 60_000);
});
