/**
 * Creates the demo shop (demo-shop.sql, in public) and fills it with
 * deterministic data (see generate.ts) in one transaction, batch by batch
 * through `INSERT … SELECT * FROM unnest(…)` on the gateway's own connection;
 * refuses when data exists unless told to reset. The demo is data, not part
 * of the gateway: nothing creates it unless seeding is asked for (see
 * seedOnStart for what a start does).
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { SeedOnStart } from "../../config.js";
import { quoteIdent, type Database, type SqlRunner } from "../db/index.js";
import { ErrorCode, GatewayError } from "../errors.js";
import type { Logger } from "../log.js";
import {
  TABLES,
  categoryBatches,
  countsForScale,
  customerBatches,
  generateProducts,
  orderBatches,
  reviewBatches,
  type ColumnBatch,
  type GenerateContext,
  type SeedCounts,
  type TableSpec,
} from "./generate.js";

/** The demo tables, children first (the order TRUNCATE and counts use). */
export const DEMO_TABLES = ["order_items", "reviews", "orders", "products", "customers", "categories"] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

/** Where the demo lives: the database's own default schema, like a user's tables. */
export const DEMO_SCHEMA = "public";

/** The demo's DDL and documentation (COMMENT ON); applied in the seeding transaction, idempotent. */
export const DEMO_DDL_FILE = fileURLToPath(new URL("./demo-shop.sql", import.meta.url));

/** Columns every demo table must have; a table of the same name without them is someone else's. */
const DEMO_COLUMNS: Record<DemoTable, string[]> = {
  customers: ["id", "email", "name", "country", "city", "segment", "created_at"],
  categories: ["id", "name"],
  products: ["id", "sku", "name", "category_id", "price", "cost", "stock", "reorder_level", "active", "created_at"],
  orders: ["id", "customer_id", "status", "channel", "ordered_at", "total"],
  order_items: ["id", "order_id", "product_id", "quantity", "unit_price", "discount"],
  reviews: ["id", "product_id", "customer_id", "rating", "body", "created_at"],
};

/** The fixed seed: the same scale always yields the same rows (relative to the anchor time). */
export const DEFAULT_SEED = 20_261_127;

export interface SeedProgress {
  table: DemoTable;
  done: number;
  total: number;
}

export interface SeedOptions {
  scale: number;
  log: Logger;
  /** Truncate the demo tables (restarting their ids) before seeding, instead of refusing. */
  reset?: boolean;
  /** The moment timestamps are relative to; default: now, truncated to the hour. */
  now?: Date;
  seed?: number;
  /** Rows per INSERT (orders per batch; their lines go in the same round). */
  batchSize?: number;
  onProgress?: (p: SeedProgress) => void;
}

export interface SeedSummary {
  scale: number;
  anchor: string;
  rows: Record<DemoTable, number>;
  ms: number;
}

export class SeedRefusedError extends GatewayError {
  constructor(rows: Record<string, number>) {
    const have = Object.entries(rows)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t}: ${n}`)
      .join(", ");
    super(ErrorCode.CONFLICT, `The demo tables already hold data (${have}). Seeding refuses to mix data sets: run it with --reset to truncate the demo tables and seed again.`, { rows });
  }
}

export function validateScale(scale: unknown): number {
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0 || scale > 100) {
    throw new GatewayError(ErrorCode.BAD_USER_INPUT, `Seed scale must be a number above 0 and at most 100 (1 = 100,000 orders); got ${JSON.stringify(scale)}.`);
  }
  return scale;
}

export class DemoShapeError extends GatewayError {
  constructor(problems: string[]) {
    super(
      ErrorCode.CONFLICT,
      `The demo shop cannot be created in schema ${DEMO_SCHEMA}: ${problems.join("; ")}. These tables are not the demo's; seed the demo into another database (or drop them if they are left-overs).`,
      { problems },
    );
  }
}

/** The demo tables that exist in DEMO_SCHEMA, with their columns. */
async function existingDemoTables(db: SqlRunner): Promise<Map<DemoTable, string[]>> {
  const res = await db.query<{ t: DemoTable; cols: string[] }>(
    `SELECT c.relname AS t, array_agg(a.attname::text ORDER BY a.attnum) AS cols
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relname = ANY($2::text[]) AND c.relkind IN ('r', 'p')
      GROUP BY c.relname`,
    [DEMO_SCHEMA, [...DEMO_TABLES]],
  );
  return new Map(res.rows.map((r) => [r.t, r.cols]));
}

/** Row counts of the demo tables (0 for a table that does not exist). */
export async function demoRowCounts(db: SqlRunner): Promise<Record<DemoTable, number>> {
  const present = [...(await existingDemoTables(db)).keys()];
  const counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
  if (!present.length) return counts;
  const sql = present.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${quoteIdent(DEMO_SCHEMA)}.${t}`).join(" UNION ALL ");
  for (const r of (await db.query<{ t: DemoTable; n: number }>(sql)).rows) counts[r.t] = r.n;
  return counts;
}

/** Refuses tables of a demo name that lack the demo's columns: they are someone else's. */
async function checkDemoShape(db: SqlRunner): Promise<void> {
  const problems: string[] = [];
  for (const [t, cols] of await existingDemoTables(db)) {
    const missing = DEMO_COLUMNS[t].filter((c) => !cols.includes(c));
    if (missing.length) problems.push(`${DEMO_SCHEMA}.${t} exists without the column(s) ${missing.join(", ")}`);
  }
  if (problems.length) throw new DemoShapeError(problems);
}

/**
 * Creates the demo tables that are missing and (re)writes their documentation, inside `tx` (whose
 * search_path it sets to DEMO_SCHEMA for the rest of the transaction). Refuses tables of a demo name
 * that lack the demo's columns.
 */
export async function createDemoTables(tx: SqlRunner): Promise<void> {
  if (!tx.exec) throw new Error("createDemoTables needs a transaction (it runs a script)");
  await checkDemoShape(tx);
  await tx.query(`SELECT set_config('search_path', $1, true)`, [quoteIdent(DEMO_SCHEMA)]);
  await tx.exec(fs.readFileSync(DEMO_DDL_FILE, "utf8"));
}

function insertSql(spec: TableSpec): string {
  const cols = spec.columns.map(([c]) => c).join(", ");
  const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const select = spec.columns.map(([c, , cast]) => (cast ? `u.${c}::${cast}` : `u.${c}`)).join(", ");
  return `INSERT INTO ${spec.table} (${cols}) SELECT ${select} FROM unnest(${arrays}) AS u(${cols})`;
}

async function insertBatch(tx: SqlRunner, spec: TableSpec, batch: ColumnBatch): Promise<number> {
  await tx.query(insertSql(spec), batch);
  return batch[0]!.length;
}

/** Seeds the demo tables. Throws SeedRefusedError when they hold data and `reset` is not set. */
export async function seedDemo(db: Database, opts: SeedOptions): Promise<SeedSummary> {
  const scale = validateScale(opts.scale);
  const log = opts.log.child({ component: "seed" });
  const started = Date.now();
  const anchorDate = opts.now ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const counts: SeedCounts = countsForScale(scale);
  const ctx: GenerateContext = { seed: opts.seed ?? DEFAULT_SEED, counts, anchor: anchorDate.getTime(), batchSize: opts.batchSize ?? 5_000 };
  const progress = opts.onProgress ?? (() => {});

  const rows = await db.transaction(async (tx) => {
    // One seeder at a time (gateways starting together with SEED_ON_START=true): the next one finds data and refuses.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('kaizen-demo-seed'))`);
    await checkDemoShape(tx);
    const existing = await demoRowCounts(tx);
    if (Object.values(existing).some((n) => n > 0)) {
      if (!opts.reset) throw new SeedRefusedError(existing);
      log.info({ existing }, "truncating the demo tables (--reset)");
    }
    await createDemoTables(tx);
    // Always restart ids, so the generated ids match what a later serial insert continues from.
    // CASCADE also empties tables other features keep about demo rows (they would dangle otherwise).
    await tx.query(`TRUNCATE ${DEMO_TABLES.join(", ")} RESTART IDENTITY CASCADE`);

    const written = { categories: 0, products: 0, customers: 0, orders: 0, order_items: 0, reviews: 0 } as Record<DemoTable, number>;
    for (const b of categoryBatches(ctx)) written.categories += await insertBatch(tx, TABLES.categories, b);
    progress({ table: "categories", done: written.categories, total: counts.categories });

    const { batches, products } = generateProducts(ctx);
    for (const b of batches) {
      written.products += await insertBatch(tx, TABLES.products, b);
      progress({ table: "products", done: written.products, total: counts.products });
    }
    for (const b of customerBatches(ctx)) {
      written.customers += await insertBatch(tx, TABLES.customers, b);
      progress({ table: "customers", done: written.customers, total: counts.customers });
    }
    for (const b of orderBatches(ctx, products)) {
      written.orders += await insertBatch(tx, TABLES.orders, b.orders);
      written.order_items += await insertBatch(tx, TABLES.order_items, b.items);
      progress({ table: "orders", done: written.orders, total: counts.orders });
    }
    for (const b of reviewBatches(ctx, products)) {
      written.reviews += await insertBatch(tx, TABLES.reviews, b);
      progress({ table: "reviews", done: written.reviews, total: counts.reviews });
    }
    // The ids were given explicitly, so move each serial sequence past them for later inserts.
    for (const t of DEMO_TABLES) {
      await tx.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM ${t}), 1), (SELECT count(*) > 0 FROM ${t}))`);
    }
    return written;
  });
  // Fresh statistics, so the planner picks index scans on the new data right away.
  await db.query(`ANALYZE ${DEMO_TABLES.map((t) => `${quoteIdent(DEMO_SCHEMA)}.${t}`).join(", ")}`);
  const summary: SeedSummary = { scale, anchor: anchorDate.toISOString(), rows, ms: Date.now() - started };
  log.info(summary, "demo data seeded");
  return summary;
}

/** Seeds when the demo tables are missing or all empty; returns whether it seeded. */
export async function seedIfEmpty(db: Database, opts: SeedOptions): Promise<boolean> {
  const existing = await demoRowCounts(db);
  if (Object.values(existing).some((n) => n > 0)) return false;
  opts.log.info({ scale: opts.scale }, "empty demo tables: seeding the demo shop");
  try {
    await seedDemo(db, { ...opts, reset: false });
    return true;
  } catch (err) {
    // Another process seeding at the same moment wins; ours is not needed.
    if (err instanceof SeedRefusedError) return false;
    throw err;
  }
}

/** True when no schema but the gateway's and PostgreSQL's own holds a table, view, sequence or type. */
async function databaseIsEmpty(db: Database): Promise<boolean> {
  const res = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE ${db.gateway.userSchemas("n.nspname")})
          + (SELECT count(*) FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE ${db.gateway.userSchemas("n.nspname")} AND t.typtype IN ('e', 'd', 'r')) AS n`,
  );
  return Number(res.rows[0]!.n) === 0;
}

/**
 * What a start does about the demo (SEED_ON_START): `auto` creates and seeds it only on the first start of
 * an empty embedded (PGlite) database, so the two-command start shows the demo while a DATABASE_URL never
 * gets tables it did not ask for; `always` creates and seeds it whenever its tables are missing or all empty;
 * `never` leaves the database alone. Returns whether it seeded.
 */
export async function seedOnStart(db: Database, opts: { mode: SeedOnStart; scale: number; log: Logger }): Promise<boolean> {
  if (opts.mode === "never") return false;
  if (opts.mode === "auto" && (db.kind !== "pglite" || !(await databaseIsEmpty(db)))) return false;
  return seedIfEmpty(db, { scale: opts.scale, log: opts.log });
}
