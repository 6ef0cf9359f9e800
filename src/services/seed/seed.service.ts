/**
 * Fills the demo shop tables with deterministic data (see generate.ts) in one
 * transaction, batch by batch through `INSERT … SELECT * FROM unnest(…)` on
 * the gateway's own connection; refuses when data exists unless told to reset.
 */
import type { Database, SqlRunner } from "../db/index.js";
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

/** Row counts of the demo tables. */
export async function demoRowCounts(db: SqlRunner): Promise<Record<DemoTable, number>> {
  const sql = DEMO_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(" UNION ALL ");
  const res = await db.query<{ t: DemoTable; n: number }>(sql);
  return Object.fromEntries(res.rows.map((r) => [r.t, r.n])) as Record<DemoTable, number>;
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
    const existing = await demoRowCounts(tx);
    if (Object.values(existing).some((n) => n > 0)) {
      if (!opts.reset) throw new SeedRefusedError(existing);
      log.info({ existing }, "truncating the demo tables (--reset)");
    }
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
  await db.query(`ANALYZE ${DEMO_TABLES.join(", ")}`);
  const summary: SeedSummary = { scale, anchor: anchorDate.toISOString(), rows, ms: Date.now() - started };
  log.info(summary, "demo data seeded");
  return summary;
}

/** Seeds at start-up when the demo tables are empty; returns whether it seeded. */
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
