/**
 * A small, deterministic demo shop written through Prisma, for tests that
 * must not depend on the seeder. Returns what it wrote so tests can compute
 * expected answers independently of the SQL under test.
 */
import type { PrismaClient } from "../../src/generated/prisma/client.js";

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
export async function seedShop(prisma: PrismaClient, orderCount = 60): Promise<ShopFixture> {
  const categories: ShopFixture["categories"] = [];
  for (const name of ["Books", "Garden", "Toys"]) categories.push(await prisma.category.create({ data: { name } }));
  const products: ShopFixture["products"] = [];
  for (let i = 0; i < 12; i++) {
    const p = await prisma.product.create({
      data: {
        sku: `SKU-${String(i).padStart(3, "0")}`,
        name: `${["Red", "Blue", "Green", "Gold"][i % 4]} thing ${i}`,
        categoryId: categories[i % 3]!.id,
        price: 5 + i * 2.5,
        cost: 2 + i,
        stock: i % 4 === 0 ? 3 : 50 + i,
        reorderLevel: 5,
        active: i % 5 !== 4,
      },
    });
    products.push({ id: p.id, sku: p.sku, name: p.name, categoryId: p.categoryId, price: Number(p.price), stock: p.stock, reorderLevel: p.reorderLevel, active: p.active });
  }
  const customers: ShopFixture["customers"] = [];
  for (let i = 0; i < 6; i++) {
    const c = await prisma.customer.create({
      data: { email: `buyer${i}@example.${i % 2 ? "org" : "com"}`, name: `${["Ada", "Bea", "Cem", "Dov", "Eli", "Fay"][i]} Tester`, country: countries[i % 3]!, city: "Town", segment: segments[i % 3]! },
    });
    customers.push({ id: c.id, email: c.email, name: c.name, country: c.country, segment: c.segment });
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
    const o = await prisma.order.create({
      data: {
        customerId: customers[i % customers.length]!.id,
        status: statuses[i % statuses.length]!,
        channel: channels[i % channels.length]!,
        orderedAt,
        total,
        items: { create: items },
      },
    });
    orders.push({ id: o.id, customerId: o.customerId, status: o.status, channel: o.channel, orderedAt, total, items });
  }
  for (let i = 0; i < 8; i++) {
    await prisma.review.create({ data: { productId: products[i % 3]!.id, customerId: customers[i % 6]!.id, rating: 1 + (i % 5), body: i % 2 ? null : `review ${i}` } });
  }
  return { categories, products, customers, orders };
}
