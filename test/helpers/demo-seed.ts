/**
 * A small deterministic demo-shop dataset for NL→SQL accuracy tests: fixed
 * pseudo-random seed, dates relative to a fixed "now", unique timestamps so
 * "latest" orderings have no ties. The demo's tables (with their documenting
 * comments) are created first, as the seeder creates them.
 */
import { createDemoTables } from "../../src/services/seed/index.js";
import type { SqlRunner } from "../../src/services/db/index.js";

interface Runner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export const DEMO_NOW = new Date("2026-06-15T12:00:00.000Z");

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CATEGORIES = ["Electronics", "Books", "Toys", "Garden", "Home & Kitchen", "Sports", "Beauty", "Office Supplies"];
const NOUNS: Record<string, string[]> = {
  Electronics: ["Phone", "Headphones", "Charger", "Speaker", "Camera"],
  Books: ["Novel", "Cookbook", "Atlas", "Dictionary", "Biography"],
  Toys: ["Puzzle", "Robot", "Doll", "Kite", "Blocks"],
  Garden: ["Hose", "Shovel", "Planter", "Rake", "Lamp"],
  "Home & Kitchen": ["Kettle", "Pan", "Blender", "Lamp", "Mug"],
  Sports: ["Ball", "Racket", "Helmet", "Mat", "Bottle"],
  Beauty: ["Cream", "Shampoo", "Brush", "Perfume", "Soap"],
  "Office Supplies": ["Stapler", "Notebook", "Pen", "Folder", "Desk Lamp"],
};
const ADJ = ["Classic", "Smart", "Eco", "Deluxe", "Mini"];
const PLACES: [string, string[]][] = [
  ["DE", ["Berlin", "Munich", "Hamburg"]],
  ["US", ["New York", "Chicago", "Austin"]],
  ["FR", ["Paris", "Lyon"]],
  ["GB", ["London", "Leeds"]],
  ["ES", ["Madrid", "Seville"]],
  ["IT", ["Rome", "Milan"]],
  ["NL", ["Amsterdam"]],
  ["JP", ["Tokyo", "Osaka"]],
];
const FIRST = ["Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo", "Ida", "Jonas", "Kai", "Lena", "Mia", "Noah", "Olga"];
const LAST = ["Schmidt", "Miller", "Dubois", "Smith", "Garcia", "Rossi", "de Vries", "Tanaka", "Keller", "Brown"];
const STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "DELIVERED", "DELIVERED", "SHIPPED", "PAID", "CANCELLED", "REFUNDED"];
const CHANNELS = ["WEB", "WEB", "MOBILE", "STORE"];
const SEGMENTS = ["CONSUMER", "CONSUMER", "SMB", "ENTERPRISE"];
const BODIES = ["Great value", "Broke after a week", "Exactly as described", "Fast delivery", "Would buy again", null, null];

const DAY = 86_400_000;

function values(rows: unknown[][]): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = rows.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(", ")})`).join(", ");
  return { text, params };
}

async function insert(db: Runner, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const v = values(rows.slice(i, i + 200));
    await db.query(`INSERT INTO ${table} (${cols.join(", ")}) VALUES ${v.text}`, v.params);
  }
}

/** Creates the demo tables and fills them (they must be empty); returns the row counts. */
export async function seedDemoShop(db: Runner, now = DEMO_NOW): Promise<Record<string, number>> {
  await db.transaction((tx) => createDemoTables(tx));
  const r = rng(20260615);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const t0 = now.getTime();

  await insert(db, "categories", ["id", "name"], CATEGORIES.map((c, i) => [i + 1, c]));

  const products: unknown[][] = [];
  const prices: number[] = [];
  for (let i = 1; i <= 40; i++) {
    const cat = ((i - 1) % CATEGORIES.length) + 1;
    const noun = NOUNS[CATEGORIES[cat - 1]][Math.floor((i - 1) / CATEGORIES.length) % 5];
    const price = Math.round((5 + r() * 495) * 100) / 100;
    prices[i] = price;
    products.push([i, `SKU-${1000 + i}`, `${ADJ[i % 5]} ${noun}`, cat, price, Math.round(price * 60) / 100, Math.floor(r() * 120), 10 + Math.floor(r() * 20), r() > 0.15, new Date(t0 - (800 - i * 17) * DAY - i * 3_600_000)]);
  }
  await insert(db, "products", ["id", "sku", "name", "category_id", "price", "cost", "stock", "reorder_level", "active", "created_at"], products);

  const customers: unknown[][] = [];
  for (let i = 1; i <= 60; i++) {
    const [country, cities] = pick(PLACES);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    customers.push([i, `customer${i}@${i % 3 === 0 ? "gmail.com" : "example.com"}`, name, country, pick(cities), pick(SEGMENTS), new Date(t0 - Math.floor(r() * 900) * DAY - i * 60_000)]);
  }
  await insert(db, "customers", ["id", "email", "name", "country", "city", "segment", "created_at"], customers);

  const orders: unknown[][] = [];
  const items: unknown[][] = [];
  let itemId = 1;
  for (let i = 1; i <= 320; i++) {
    const customer = 1 + Math.floor(r() * 50); // customers 51–60 never order
    const at = new Date(t0 - Math.floor(r() * 730 * DAY) - i * 1000);
    let total = 0;
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) {
      const product = 1 + Math.floor(r() * 40);
      const qty = 1 + Math.floor(r() * 4);
      const discount = r() < 0.3 ? 0.1 : 0;
      total += qty * prices[product] * (1 - discount);
      items.push([itemId++, i, product, qty, prices[product], discount]);
    }
    orders.push([i, customer, pick(STATUSES), pick(CHANNELS), at, Math.round(total * 100) / 100]);
  }
  await insert(db, "orders", ["id", "customer_id", "status", "channel", "ordered_at", "total"], orders);
  await insert(db, "order_items", ["id", "order_id", "product_id", "quantity", "unit_price", "discount"], items);

  const reviews: unknown[][] = [];
  for (let i = 1; i <= 120; i++) {
    const product = 1 + Math.floor(r() * 32); // products 33–40 have no reviews
    reviews.push([i, product, 1 + Math.floor(r() * 60), 1 + Math.floor(r() * 5), pick(BODIES), new Date(t0 - Math.floor(r() * 500) * DAY - i * 7_000)]);
  }
  await insert(db, "reviews", ["id", "product_id", "customer_id", "rating", "body", "created_at"], reviews);
  return { categories: CATEGORIES.length, products: 40, customers: 60, orders: 320, order_items: items.length, reviews: 120 };
}
