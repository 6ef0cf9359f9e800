import { Rng } from "./prng.js";
import { ADJECTIVES, BRANDS, CATEGORIES, COUNTRIES, FIRST_NAMES, LAST_NAMES, REVIEW_BODIES } from "./vocab.js";
const DAY = 864e5;
const ORDER_WINDOW_MS = 730 * DAY;
const HISTORY_MS = 1095 * DAY;
function countsForScale(scale) {
  const n = (base) => Math.max(1, Math.round(base * scale));
  return { categories: CATEGORIES.length, products: n(1e3), customers: n(1e4), orders: n(1e5), reviews: n(2e4) };
}
const TABLES = {
  categories: { table: "categories", columns: [["id", "int"], ["name", "text"]] },
  products: {
    table: "products",
    columns: [["id", "int"], ["sku", "text"], ["name", "text"], ["category_id", "int"], ["price", "numeric"], ["cost", "numeric"], ["stock", "int"], ["reorder_level", "int"], ["active", "bool"], ["created_at", "timestamptz"]]
  },
  customers: {
    table: "customers",
    columns: [["id", "int"], ["email", "text"], ["name", "text"], ["country", "text"], ["city", "text"], ["segment", "text", `"CustomerSegment"`], ["created_at", "timestamptz"]]
  },
  orders: {
    table: "orders",
    columns: [["id", "int"], ["customer_id", "int"], ["status", "text", `"OrderStatus"`], ["channel", "text", `"SalesChannel"`], ["ordered_at", "timestamptz"], ["total", "numeric"]]
  },
  order_items: {
    table: "order_items",
    columns: [["id", "int"], ["order_id", "int"], ["product_id", "int"], ["quantity", "int"], ["unit_price", "numeric"], ["discount", "numeric"]]
  },
  reviews: {
    table: "reviews",
    columns: [["id", "int"], ["product_id", "int"], ["customer_id", "int"], ["rating", "int"], ["body", "text"], ["created_at", "timestamptz"]]
  }
};
const newBatch = (spec) => spec.columns.map(() => []);
const push = (batch, values) => values.forEach((v, i) => batch[i].push(v));
const money = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
const fraction3 = (thousandths) => `${Math.floor(thousandths / 1e3)}.${String(thousandths % 1e3).padStart(3, "0")}`;
const iso = (ms) => new Date(Math.floor(ms)).toISOString();
const streamSeed = (seed, stream) => Math.imul(seed ^ 1540483477, 31) + stream * 2654435761 | 0;
function* categoryBatches(ctx) {
  const b = newBatch(TABLES.categories);
  CATEGORIES.forEach((c, i) => push(b, [i + 1, c.name]));
  yield b;
}
function generateProducts(ctx) {
  const rng = new Rng(streamSeed(ctx.seed, 1));
  const n = ctx.counts.products;
  const start = ctx.anchor - HISTORY_MS;
  const span = HISTORY_MS - 30 * DAY;
  const products = [];
  const batches = [];
  let b = newBatch(TABLES.products);
  for (let id = 1; id <= n; id++) {
    const catIndex = rng.int(0, CATEGORIES.length - 1);
    const cat = CATEGORIES[catIndex];
    const [lo, hi] = cat.priceCents;
    const priceCents = Math.round((lo + (hi - lo) * rng.float() ** 2) / 10) * 10 - (rng.chance(0.6) ? 1 : 0);
    const costCents = Math.round(priceCents * (0.4 + 0.35 * rng.float()));
    const reorderLevel = rng.int(5, 50);
    const stock = rng.chance(0.1) || id === 2 ? rng.int(0, reorderLevel) : rng.int(reorderLevel + 1, 600);
    const active = !rng.chance(0.06) && id !== 3;
    const createdAt = start + (id - 1 + rng.float()) / n * span;
    const name = `${rng.pick(BRANDS)} ${rng.pick(cat.nouns)} ${rng.pick(ADJECTIVES)} ${rng.int(1, 9)}${rng.pick(["", "00", "0", "X", "S"])}`;
    push(b, [id, `SKU-${String(id).padStart(6, "0")}`, name, catIndex + 1, money(priceCents), money(costCents), stock, reorderLevel, active, iso(createdAt)]);
    products.push({ priceCents, createdAt });
    if (b[0].length >= ctx.batchSize) {
      batches.push(b);
      b = newBatch(TABLES.products);
    }
  }
  if (b[0].length) batches.push(b);
  return { batches, products };
}
const customerStart = (ctx) => ctx.anchor - HISTORY_MS;
function* customerBatches(ctx) {
  const rng = new Rng(streamSeed(ctx.seed, 2));
  const n = ctx.counts.customers;
  const start = customerStart(ctx);
  const countryWeights = COUNTRIES.map((c) => [c, c.weight]);
  let b = newBatch(TABLES.customers);
  for (let id = 1; id <= n; id++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const weightedCountry = rng.weighted(countryWeights);
    const country = id <= COUNTRIES.length ? COUNTRIES[id - 1] : weightedCountry;
    const segment = rng.weighted([["CONSUMER", 70], ["SMB", 22], ["ENTERPRISE", 8]]);
    const createdAt = start + (id - 1 + rng.float()) / n * HISTORY_MS;
    const email = `${first}.${last}.${id}@example.com`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    push(b, [id, email, `${first} ${last}`, country.code, rng.pick(country.cities), segment, iso(createdAt)]);
    if (b[0].length >= ctx.batchSize) {
      yield b;
      b = newBatch(TABLES.customers);
    }
  }
  if (b[0].length) yield b;
}
function popularity(rng, n) {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (1 + rng.float() * 30) ** 1.5;
    cum[i] = total;
  }
  return cum;
}
function pickByWeight(cum, r) {
  const target = r * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
function cancelRiskFactor(o) {
  let f = o.channel === "MOBILE" ? 2.5 : o.channel === "STORE" ? 0.2 : 1;
  if (o.tenureDays < 60) f *= 3;
  if (o.maxDiscountPermille >= 150) f *= 3;
  if (o.totalCents > 5e4) f *= 1.8;
  return f * 0.4;
}
function statusFor(rng, ageDays, risk) {
  if (ageDays < 3) return rng.weighted([["PENDING", 50], ["PAID", 30], ["CANCELLED", 20 * risk]]);
  if (ageDays < 10) return rng.weighted([["PENDING", 5], ["PAID", 25], ["SHIPPED", 60], ["CANCELLED", 10 * risk]]);
  return rng.weighted([["DELIVERED", 82], ["SHIPPED", 2], ["CANCELLED", 9 * risk], ["REFUNDED", 7 * risk]]);
}
function* orderBatches(ctx, products) {
  const rng = new Rng(streamSeed(ctx.seed, 3));
  const n = ctx.counts.orders;
  const nCustomers = ctx.counts.customers;
  const cStart = customerStart(ctx);
  const start = ctx.anchor - ORDER_WINDOW_MS;
  const cum = popularity(new Rng(streamSeed(ctx.seed, 4)), products.length);
  let itemId = 0;
  let b = { orders: newBatch(TABLES.orders), items: newBatch(TABLES.order_items) };
  for (let id = 1; id <= n; id++) {
    const p = (id - 1 + rng.float()) / n;
    const t = -0.5 + Math.sqrt(0.25 + 2 * p);
    const orderedAt = start + t * ORDER_WINDOW_MS;
    const signedUp = Math.max(1, Math.min(nCustomers, Math.floor((orderedAt - cStart) / HISTORY_MS * nCustomers)));
    const customerId = 1 + Math.floor(signedUp * rng.float() ** 1.2);
    const enterprise = rng.chance(0.1);
    const lines = rng.weighted([[1, 15], [2, 25], [3, 25], [4, 20], [5, 15]]);
    let sum = 0;
    let maxDiscount = 0;
    for (let l = 0; l < lines; l++) {
      let productIndex = pickByWeight(cum, rng.float());
      for (let tries = 0; products[productIndex].createdAt > orderedAt && tries < 5; tries++) productIndex = pickByWeight(cum, rng.float());
      if (products[productIndex].createdAt > orderedAt) productIndex = 0;
      const quantity = enterprise ? rng.int(2, 20) : rng.weighted([[1, 70], [2, 20], [3, 7], [5, 3]]);
      const discount = rng.weighted([[0, 70], [50, 10], [100, 8], [150, 5], [200, 4], [250, 3]]);
      const unitCents = products[productIndex].priceCents;
      maxDiscount = Math.max(maxDiscount, discount);
      sum += quantity * unitCents * (1e3 - discount);
      push(b.items, [++itemId, id, productIndex + 1, quantity, money(unitCents), fraction3(discount)]);
    }
    const totalCents = Math.floor((sum + 500) / 1e3);
    const channel = rng.weighted([["WEB", 50], ["MOBILE", 35], ["STORE", 15]]);
    const signupAt = cStart + (customerId - 0.5) / nCustomers * HISTORY_MS;
    const risk = cancelRiskFactor({ channel, tenureDays: (orderedAt - signupAt) / DAY, maxDiscountPermille: maxDiscount, totalCents });
    const status = statusFor(rng, (ctx.anchor - orderedAt) / DAY, risk);
    push(b.orders, [id, customerId, status, channel, iso(orderedAt), money(totalCents)]);
    if (b.orders[0].length >= ctx.batchSize) {
      yield b;
      b = { orders: newBatch(TABLES.orders), items: newBatch(TABLES.order_items) };
    }
  }
  if (b.orders[0].length) yield b;
}
function* reviewBatches(ctx, products) {
  const rng = new Rng(streamSeed(ctx.seed, 5));
  const n = ctx.counts.reviews;
  const cum = popularity(new Rng(streamSeed(ctx.seed, 4)), products.length);
  let b = newBatch(TABLES.reviews);
  for (let id = 1; id <= n; id++) {
    const productIndex = pickByWeight(cum, rng.float());
    const customerId = rng.int(1, ctx.counts.customers);
    const rating = rng.weighted([[1, 6], [2, 8], [3, 16], [4, 32], [5, 38]]);
    const body = rng.chance(0.25) ? null : rng.pick(REVIEW_BODIES[rating]);
    const createdAt = Math.max(products[productIndex].createdAt, ctx.anchor - ORDER_WINDOW_MS * rng.float());
    push(b, [id, productIndex + 1, customerId, rating, body, iso(createdAt)]);
    if (b[0].length >= ctx.batchSize) {
      yield b;
      b = newBatch(TABLES.reviews);
    }
  }
  if (b[0].length) yield b;
}
export {
  ORDER_WINDOW_MS,
  TABLES,
  cancelRiskFactor,
  categoryBatches,
  countsForScale,
  customerBatches,
  generateProducts,
  money,
  orderBatches,
  reviewBatches
};
