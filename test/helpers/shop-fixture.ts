/**
 * A small, deterministic demo shop written row by row with plain INSERTs into
 * the demo's tables (created first when missing), for tests that must not
 * depend on the seeder's data. Returns what it wrote so tests can compute
 * expected answers independently of the SQL under test.
 */
import type { Database } from "../../src/services/db/index.js";
import { createDemoTables } from "../../src/services/seed/index.js";

export interface FixtureOrder {
  id: number;
  customerId: number;
  status: "PENDING" | "PAID" | "SHIPPED" | "DELIVERED" | "CANCELLED" | "REFUNDED";
  channel: "WEB" | "MOBILE" | "STORE";
  orderedAt: Date;
  total: number;
  items: Array<{ productId: number; quantity: number; unitPrice: number; discount: number }>;
}

export interface ShopFixture {
  categories: Array<{ id: number; name: string }>;
  products: Array<{ id: number; sku: string; name: string; categoryId: number; price: number; stock: number; reorderLevel: number; active: boolean }>;
  customers: Array<{ id: number; email: string; name: string; country: string; segment: "CONSUMER" | "SMB" | "ENTERPRISE" }>;
  orders: FixtureOrder[];
}

const statuses = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"] as const;
const channels = ["WEB", "MOBILE", "STORE"] as const;
const segments = ["CONSUMER", "SMB", "ENTERPRISE"] as const;
const countries = ["DE", "US", "FR"];

export const cents = (x: number) => Math.round(x * 100 + Number.EPSILON) / 100;

/** Writes `orderCount` orders (1–3 items each) over 3 categories, 12 products and 6 customers, from 2025-01-01 on. */
/** INSERTs one row and returns its id. */
async function insert(db: Database, table: string, row: Record<string, unknown>): Promise<number> {
  const cols = Object.keys(row);
  const res = await db.query<{ id: number }>(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`, Object.values(row));
  return res.rows[0]!.id;
}

export async function seedShop(db: Database, orderCount = 60): Promise<ShopFixture> {
  await db.transaction((tx) => createDemoTables(tx));
  const categories: ShopFixture["categories"] = [];
  for (const name of ["Books", "Garden", "Toys"]) categories.push({ id: await insert(db, "categories", { name }), name });
  const products: ShopFixture["products"] = [];
  for (let i = 0; i < 12; i++) {
    const p = {
      sku: `SKU-${String(i).padStart(3, "0")}`,
      name: `${["Red", "Blue", "Green", "Gold"][i % 4]} thing ${i}`,
      categoryId: categories[i % 3]!.id,
      price: 5 + i * 2.5,
      stock: i % 4 === 0 ? 3 : 50 + i,
      reorderLevel: 5,
      active: i % 5 !== 4,
    };
    const id = await insert(db, "products", { sku: p.sku, name: p.name, category_id: p.categoryId, price: p.price, cost: 2 + i, stock: p.stock, reorder_level: p.reorderLevel, active: p.active });
    products.push({ id, ...p });
  }
  const customers: ShopFixture["customers"] = [];
  for (let i = 0; i < 6; i++) {
    const c = { email: `buyer${i}@example.${i % 2 ? "org" : "com"}`, name: `${["Ada", "Bea", "Cem", "Dov", "Eli", "Fay"][i]} Tester`, country: countries[i % 3]!, segment: segments[i % 3]! };
    customers.push({ id: await insert(db, "customers", { ...c, city: "Town" }), ...c });
  }
  const orders: FixtureOrder[] = [];
  for (let i = 0; i < orderCount; i++) {
    const items = Array.from({ length: 1 + (i % 3) }, (_, k) => {
      const product = products[(i * 5 + k * 7) % products.length]!;
      return { productId: product.id, quantity: 1 + ((i + k) % 4), unitPrice: product.price, discount: (i + k) % 4 === 0 ? 0.1 : 0 };
    });
    const total = cents(items.reduce((s, it) => s + it.quantity * it.unitPrice * (1 - it.discount), 0));
    // Spread over about six months, two days apart, at varying hours.
    const orderedAt = new Date(Date.UTC(2025, 0, 1 + i * 3, (i * 7) % 24, 15));
    const o = { customerId: customers[i % customers.length]!.id, status: statuses[i % statuses.length]!, channel: channels[i % channels.length]! };
    const id = await insert(db, "orders", { customer_id: o.customerId, status: o.status, channel: o.channel, ordered_at: orderedAt, total });
    for (const it of items) await insert(db, "order_items", { order_id: id, product_id: it.productId, quantity: it.quantity, unit_price: it.unitPrice, discount: it.discount });
    orders.push({ id, ...o, orderedAt, total, items });
  }
  for (let i = 0; i < 8; i++) {
    await insert(db, "reviews", { product_id: products[i % 3]!.id, customer_id: customers[i % 6]!.id, rating: 1 + (i % 5), body: i % 2 ? null : `review ${i}` });
  }
  return { categories, products, customers, orders };
}
