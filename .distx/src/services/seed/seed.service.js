import { ErrorCode, GatewayError } from "../errors.js";
import {
  TABLES,
  categoryBatches,
  countsForScale,
  customerBatches,
  generateProducts,
  orderBatches,
  reviewBatches
} from "./generate.js";
const DEMO_TABLES = ["order_items", "reviews", "orders", "products", "customers", "categories"];
const DEFAULT_SEED = 20261127;
class SeedRefusedError extends GatewayError {
  constructor(rows) {
    const have = Object.entries(rows).filter(([, n]) => n > 0).map(([t, n]) => `${t}: ${n}`).join(", ");
    super(ErrorCode.CONFLICT, `The demo tables already hold data (${have}). Seeding refuses to mix data sets: run it with --reset to truncate the demo tables and seed again.`, { rows });
  }
}
function validateScale(scale) {
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0 || scale > 100) {
    throw new GatewayError(ErrorCode.BAD_USER_INPUT, `Seed scale must be a number above 0 and at most 100 (1 = 100,000 orders); got ${JSON.stringify(scale)}.`);
  }
  return scale;
}
async function demoRowCounts(db) {
  const sql = DEMO_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(" UNION ALL ");
  const res = await db.query(sql);
  return Object.fromEntries(res.rows.map((r) => [r.t, r.n]));
}
function insertSql(spec) {
  const cols = spec.columns.map(([c]) => c).join(", ");
  const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const select = spec.columns.map(([c, , cast]) => cast ? `u.${c}::${cast}` : `u.${c}`).join(", ");
  return `INSERT INTO ${spec.table} (${cols}) SELECT ${select} FROM unnest(${arrays}) AS u(${cols})`;
}
async function insertBatch(tx, spec, batch) {
  await tx.query(insertSql(spec), batch);
  return batch[0].length;
}
async function seedDemo(db, opts) {
  const scale = validateScale(opts.scale);
  const log = opts.log.child({ component: "seed" });
  const started = Date.now();
  const anchorDate = opts.now ?? new Date(Math.floor(Date.now() / 36e5) * 36e5);
  const counts = countsForScale(scale);
  const ctx = { seed: opts.seed ?? DEFAULT_SEED, counts, anchor: anchorDate.getTime(), batchSize: opts.batchSize ?? 5e3 };
  const progress = opts.onProgress ?? (() => {
  });
  const rows = await db.transaction(async (tx) => {
    const existing = await demoRowCounts(tx);
    if (Object.values(existing).some((n) => n > 0)) {
      if (!opts.reset) throw new SeedRefusedError(existing);
      log.info({ existing }, "truncating the demo tables (--reset)");
    }
    await tx.query(`TRUNCATE ${DEMO_TABLES.join(", ")} RESTART IDENTITY CASCADE`);
    const written = { categories: 0, products: 0, customers: 0, orders: 0, order_items: 0, reviews: 0 };
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
    for (const t of DEMO_TABLES) {
      await tx.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM ${t}), 1), (SELECT count(*) > 0 FROM ${t}))`);
    }
    return written;
  });
  await db.query(`ANALYZE ${DEMO_TABLES.join(", ")}`);
  const summary = { scale, anchor: anchorDate.toISOString(), rows, ms: Date.now() - started };
  log.info(summary, "demo data seeded");
  return summary;
}
async function seedIfEmpty(db, opts) {
  const existing = await demoRowCounts(db);
  if (Object.values(existing).some((n) => n > 0)) return false;
  opts.log.info({ scale: opts.scale }, "empty demo tables: seeding the demo shop");
  try {
    await seedDemo(db, { ...opts, reset: false });
    return true;
  } catch (err) {
    if (err instanceof SeedRefusedError) return false;
    throw err;
  }
}
export {
  DEFAULT_SEED,
  DEMO_TABLES,
  SeedRefusedError,
  demoRowCounts,
  seedDemo,
  seedIfEmpty,
  validateScale
};
