/** Row counts of the demo shop's tables: a cheap overview, and the cache's own demonstration query. */
import type { PrismaClient } from "../../generated/prisma/client.js";

export interface TableCount {
  table: string;
  rows: number;
}

/** SQL names of the demo tables, the tags a cached tableCounts answer carries. */
export const DEMO_TABLES = ["categories", "customers", "order_items", "orders", "products", "reviews"] as const;

export async function countDemoTables(prisma: PrismaClient): Promise<TableCount[]> {
  const [categories, customers, orderItems, orders, products, reviews] = await Promise.all([
    prisma.category.count(),
    prisma.customer.count(),
    prisma.orderItem.count(),
    prisma.order.count(),
    prisma.product.count(),
    prisma.review.count(),
  ]);
  const rows = [categories, customers, orderItems, orders, products, reviews];
  return DEMO_TABLES.map((table, i) => ({ table, rows: rows[i]! }));
}
