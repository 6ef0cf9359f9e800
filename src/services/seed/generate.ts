/**
 * Generates the demo shop's rows deterministically, batch by batch, as
 * column arrays ready for `INSERT … SELECT * FROM unnest(…)`. Only the
 * products (1,000·S rows) are kept in memory; everything else streams.
 */
import { Rng } from "./prng.js";
import { ADJECTIVES, BRANDS, CATEGORIES, COUNTRIES, FIRST_NAMES, LAST_NAMES, REVIEW_BODIES } from "./vocab.js";

const DAY = 86_400_000;
/** Orders (and reviews) cover the 24 months before the anchor; signups and products the 36. */
export const ORDER_WINDOW_MS = 730 * DAY;
const HISTORY_MS = 1_095 * DAY;

export interface SeedCounts {
  categories: number;
  products: number;
  customers: number;
  orders: number;
  reviews: number;
}

export function countsForScale(scale: number): SeedCounts {
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  return { categories: CATEGORIES.length, products: n(1_000), customers: n(10_000), orders: n(100_000), reviews: n(20_000) };
}

/**
 * A table's columns with the PostgreSQL array type each is sent as and, where
 * that differs, the column type it is cast to (enums travel as text[]: PGlite
 * cannot serialize arrays of a type it does not know).
 */
export interface TableSpec {
  table: string;
  columns: Array<[name: string, pgType: string, castTo?: string]>;
}

export const TABLES = {
  categories: { table: "categories", columns: [["id", "int"], ["name", "text"]] },
  products: {
    table: "products",
    columns: [["id", "int"], ["sku", "text"], ["name", "text"], ["category_id", "int"], ["price", "numeric"], ["cost", "numeric"], ["stock", "int"], ["reorder_level", "int"], ["active", "bool"], ["created_at", "timestamptz"]],
  },
  customers: {
    table: "customers",
    columns: [["id", "int"], ["email", "text"], ["name", "text"], ["country", "text"], ["city", "text"], ["segment", "text", `"CustomerSegment"`], ["created_at", "timestamptz"]],
  },
  orders: {
    table: "orders",
    columns: [["id", "int"], ["customer_id", "int"], ["status", "text", `"OrderStatus"`], ["channel", "text", `"SalesChannel"`], ["ordered_at", "timestamptz"], ["total", "numeric"]],
  },
  order_items: {
    table: "order_items",
    columns: [["id", "int"], ["order_id", "int"], ["product_id", "int"], ["quantity", "int"], ["unit_price", "numeric"], ["discount", "numeric"]],
  },
  reviews: {
    table: "reviews",
    columns: [["id", "int"], ["product_id", "int"], ["customer_id", "int"], ["rating", "int"], ["body", "text"], ["created_at", "timestamptz"]],
  },
} satisfies Record<string, TableSpec>;

/** One batch of rows as parallel column arrays, in TableSpec column order. */
export type ColumnBatch = unknown[][];

const newBatch = (spec: TableSpec): ColumnBatch => spec.columns.map(() => []);
const push = (batch: ColumnBatch, values: unknown[]) => values.forEach((v, i) => batch[i]!.push(v));

/** Cents → "12.34" without float rounding surprises. */
export const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
const fraction3 = (thousandths: number) => `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, "0")}`;
const iso = (ms: number) => new Date(Math.floor(ms)).toISOString();

/** Independent streams so that, e.g., the review count does not shift the orders. */
const streamSeed = (seed: number, stream: number) => (Math.imul(seed ^ 0x5bd1e995, 31) + stream * 0x9e3779b1) | 0;

export interface ProductInfo {
  priceCents: number;
  createdAt: number;
}

export interface GenerateContext {
  seed: number;
  counts: SeedCounts;
  /** The seeding moment every timestamp is relative to. */
  anchor: number;
  batchSize: number;
}

export function* categoryBatches(ctx: GenerateContext): Generator<ColumnBatch> {
  const b = newBatch(TABLES.categories);
  CATEGORIES.forEach((c, i) => push(b, [i + 1, c.name]));
  yield b;
}

/** Products are small (1,000·S) and needed by every order line, so they are returned as well as yielded. */
export function generateProducts(ctx: GenerateContext): { batches: ColumnBatch[]; products: ProductInfo[] } {
  const rng = new Rng(streamSeed(ctx.seed, 1));
  const n = ctx.counts.products;
  const start = ctx.anchor - HISTORY_MS;
  // Products appear over the history but stop a month before the anchor, and the first one predates every order.
  const span = HISTORY_MS - 30 * DAY;
  const products: ProductInfo[] = [];
  const batches: ColumnBatch[] = [];
  let b = newBatch(TABLES.products);
  for (let id = 1; id <= n; id++) {
    const catIndex = rng.int(0, CATEGORIES.length - 1);
    const cat = CATEGORIES[catIndex]!;
    const [lo, hi] = cat.priceCents;
    const priceCents = Math.round((lo + (hi - lo) * rng.float() ** 2) / 10) * 10 - (rng.chance(0.6) ? 1 : 0);
    const costCents = Math.round(priceCents * (0.4 + 0.35 * rng.float()));
    const reorderLevel = rng.int(5, 50);
    // About one product in ten is at or below its reorder level ("low stock").
    // Product 2 is always low on stock and product 3 always inactive, so even tiny scales have both.
    const stock = rng.chance(0.1) || id === 2 ? rng.int(0, reorderLevel) : rng.int(reorderLevel + 1, 600);
    const active = !rng.chance(0.06) && id !== 3;
    const createdAt = start + ((id - 1 + rng.float()) / n) * span;
    const name = `${rng.pick(BRANDS)} ${rng.pick(cat.nouns)} ${rng.pick(ADJECTIVES)} ${rng.int(1, 9)}${rng.pick(["", "00", "0", "X", "S"])}`;
    push(b, [id, `SKU-${String(id).padStart(6, "0")}`, name, catIndex + 1, money(priceCents), money(costCents), stock, reorderLevel, active, iso(createdAt)]);
    products.push({ priceCents, createdAt });
    if (b[0]!.length >= ctx.batchSize) {
      batches.push(b);
      b = newBatch(TABLES.products);
    }
  }
  if (b[0]!.length) batches.push(b);
  return { batches, products };
}

/** Customers sign up in id order over the 36 months before the anchor. */
const customerStart = (ctx: GenerateContext) => ctx.anchor - HISTORY_MS;

export function* customerBatches(ctx: GenerateContext): Generator<ColumnBatch> {
  const rng = new Rng(streamSeed(ctx.seed, 2));
  const n = ctx.counts.customers;
  const start = customerStart(ctx);
  const countryWeights = COUNTRIES.map((c) => [c, c.weight] as const);
  let b = newBatch(TABLES.customers);
  for (let id = 1; id <= n; id++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    // The first customers cover every country once, so even tiny scales span all of them.
    const weightedCountry = rng.weighted(countryWeights);
    const country = id <= COUNTRIES.length ? COUNTRIES[id - 1]! : weightedCountry;
    const segment = rng.weighted([["CONSUMER", 70], ["SMB", 22], ["ENTERPRISE", 8]] as const);
    const createdAt = start + ((id - 1 + rng.float()) / n) * HISTORY_MS;
    const email = `${first}.${last}.${id}@example.com`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    push(b, [id, email, `${first} ${last}`, country.code, rng.pick(country.cities), segment, iso(createdAt)]);
    if (b[0]!.length >= ctx.batchSize) {
      yield b;
      b = newBatch(TABLES.customers);
    }
  }
  if (b[0]!.length) yield b;
}

/** Cumulative popularity weights, so a few products sell far more than most. */
function popularity(rng: Rng, n: number): Float64Array {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (1 + rng.float() * 30) ** 1.5;
    cum[i] = total;
  }
  return cum;
}

function pickByWeight(cum: Float64Array, r: number): number {
  const target = r * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The demo's planted signal for "will this order be cancelled or refunded?":
 * an odds multiplier applied to CANCELLED and REFUNDED. Believable causes, each
 * visible to a model: mobile orders are impulse buys (×2.5) while store orders
 * are paid at the till (×0.2); customers in their first 60 days cancel more
 * (×3); an order with a line discounted 15 % or more is often a clearance buy
 * that goes back (×3); baskets over 500 are reconsidered (×1.8). The base
 * weights are scaled (×0.4) so the overall cancelled-or-refunded share of
 * settled orders stays plausible: about 20 % at scale 1 (16 % without the signal),
 * from 5 % of store orders to 32 % of mobile ones.
 */
export function cancelRiskFactor(o: { channel: string; tenureDays: number; maxDiscountPermille: number; totalCents: number }): number {
  let f = o.channel === "MOBILE" ? 2.5 : o.channel === "STORE" ? 0.2 : 1;
  if (o.tenureDays < 60) f *= 3;
  if (o.maxDiscountPermille >= 150) f *= 3;
  if (o.totalCents > 50_000) f *= 1.8;
  return f * 0.4;
}

function statusFor(rng: Rng, ageDays: number, risk: number): string {
  if (ageDays < 3) return rng.weighted([["PENDING", 50], ["PAID", 30], ["CANCELLED", 20 * risk]] as const);
  if (ageDays < 10) return rng.weighted([["PENDING", 5], ["PAID", 25], ["SHIPPED", 60], ["CANCELLED", 10 * risk]] as const);
  return rng.weighted([["DELIVERED", 82], ["SHIPPED", 2], ["CANCELLED", 9 * risk], ["REFUNDED", 7 * risk]] as const);
}

export interface OrderBatch {
  orders: ColumnBatch;
  items: ColumnBatch;
}

/**
 * Orders in id order over the 24 months before the anchor, with volume
 * growing towards the present; each with 1–5 lines whose prices are the
 * product's list price, and a total computed exactly in integer arithmetic.
 */
export function* orderBatches(ctx: GenerateContext, products: ProductInfo[]): Generator<OrderBatch> {
  const rng = new Rng(streamSeed(ctx.seed, 3));
  const n = ctx.counts.orders;
  const nCustomers = ctx.counts.customers;
  const cStart = customerStart(ctx);
  const start = ctx.anchor - ORDER_WINDOW_MS;
  const cum = popularity(new Rng(streamSeed(ctx.seed, 4)), products.length);
  let itemId = 0;
  let b: OrderBatch = { orders: newBatch(TABLES.orders), items: newBatch(TABLES.order_items) };
  for (let id = 1; id <= n; id++) {
    // Inverse CDF of the density ½ + t on [0, 1]: half steady, half growing.
    const p = (id - 1 + rng.float()) / n;
    const t = -0.5 + Math.sqrt(0.25 + 2 * p);
    const orderedAt = start + t * ORDER_WINDOW_MS;
    // Only customers who had signed up by then; earlier (loyal) ones order more often.
    const signedUp = Math.max(1, Math.min(nCustomers, Math.floor(((orderedAt - cStart) / HISTORY_MS) * nCustomers)));
    const customerId = 1 + Math.floor(signedUp * rng.float() ** 1.2);
    const enterprise = rng.chance(0.1);
    const lines = rng.weighted([[1, 15], [2, 25], [3, 25], [4, 20], [5, 15]] as const);
    // Sum in units of cent-thousandths (quantity × cents × (1000 − discount‰)) so the total is exact.
    let sum = 0;
    let maxDiscount = 0;
    for (let l = 0; l < lines; l++) {
      let productIndex = pickByWeight(cum, rng.float());
      for (let tries = 0; products[productIndex]!.createdAt > orderedAt && tries < 5; tries++) productIndex = pickByWeight(cum, rng.float());
      if (products[productIndex]!.createdAt > orderedAt) productIndex = 0;
      const quantity = enterprise ? rng.int(2, 20) : rng.weighted([[1, 70], [2, 20], [3, 7], [5, 3]] as const);
      const discount = rng.weighted([[0, 70], [50, 10], [100, 8], [150, 5], [200, 4], [250, 3]] as const);
      const unitCents = products[productIndex]!.priceCents;
      maxDiscount = Math.max(maxDiscount, discount);
      sum += quantity * unitCents * (1000 - discount);
      push(b.items, [++itemId, id, productIndex + 1, quantity, money(unitCents), fraction3(discount)]);
    }
    // numeric round() rounds half away from zero; the sum is positive so that is floor(x + ½).
    const totalCents = Math.floor((sum + 500) / 1000);
    const channel = rng.weighted([["WEB", 50], ["MOBILE", 35], ["STORE", 15]] as const);
    // Signup time as customerBatches spreads it (to within one id's slot), without sharing its random stream.
    const signupAt = cStart + ((customerId - 0.5) / nCustomers) * HISTORY_MS;
    const risk = cancelRiskFactor({ channel, tenureDays: (orderedAt - signupAt) / DAY, maxDiscountPermille: maxDiscount, totalCents });
    const status = statusFor(rng, (ctx.anchor - orderedAt) / DAY, risk);
    push(b.orders, [id, customerId, status, channel, iso(orderedAt), money(totalCents)]);
    if (b.orders[0]!.length >= ctx.batchSize) {
      yield b;
      b = { orders: newBatch(TABLES.orders), items: newBatch(TABLES.order_items) };
    }
  }
  if (b.orders[0]!.length) yield b;
}

export function* reviewBatches(ctx: GenerateContext, products: ProductInfo[]): Generator<ColumnBatch> {
  const rng = new Rng(streamSeed(ctx.seed, 5));
  const n = ctx.counts.reviews;
  const cum = popularity(new Rng(streamSeed(ctx.seed, 4)), products.length);
  let b = newBatch(TABLES.reviews);
  for (let id = 1; id <= n; id++) {
    const productIndex = pickByWeight(cum, rng.float());
    const customerId = rng.int(1, ctx.counts.customers);
    const rating = rng.weighted([[1, 6], [2, 8], [3, 16], [4, 32], [5, 38]] as const);
    const body = rng.chance(0.25) ? null : rng.pick(REVIEW_BODIES[rating]!);
    const createdAt = Math.max(products[productIndex]!.createdAt, ctx.anchor - ORDER_WINDOW_MS * rng.float());
    push(b, [id, productIndex + 1, customerId, rating, body, iso(createdAt)]);
    if (b[0]!.length >= ctx.batchSize) {
      yield b;
      b = newBatch(TABLES.reviews);
    }
  }
  if (b[0]!.length) yield b;
}
