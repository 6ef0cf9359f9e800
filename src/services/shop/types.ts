/** Shapes the shop services return: Prisma rows with money as numbers. */
import type { Customer, Category, Order, OrderItem, Product, Review } from "../../generated/prisma/client.js";

export type CustomerNode = Customer;
export type CategoryNode = Category;
export type ReviewNode = Review;
export type ProductNode = Omit<Product, "price" | "cost"> & { price: number; cost: number; lowStock: boolean };
export type OrderNode = Omit<Order, "total"> & { total: number };
export type OrderItemNode = Omit<OrderItem, "unitPrice" | "discount"> & { unitPrice: number; discount: number; lineTotal: number };

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfoShape;
  /** A promise so that it is only counted when the caller selects it. */
  readonly totalCount: Promise<number>;
}

export type Direction = "ASC" | "DESC";

/** Every table a shop query or its relations can read, by SQL name (for @CacheRead). */
export const SHOP_TABLES = ["customers", "categories", "products", "orders", "order_items", "reviews"];
