/**
 * Shapes of the demo shop: its rows as the SQL of the shop services selects
 * them (columns aliased to camelCase field names, see columns.ts), and what
 * the services return (money as numbers, derived fields added).
 */

/** The demo's enum labels, as demo-shop.sql declares its PostgreSQL enums. */
export const CustomerSegment = { CONSUMER: "CONSUMER", SMB: "SMB", ENTERPRISE: "ENTERPRISE" } as const;
export type CustomerSegment = (typeof CustomerSegment)[keyof typeof CustomerSegment];
export const OrderStatus = { PENDING: "PENDING", PAID: "PAID", SHIPPED: "SHIPPED", DELIVERED: "DELIVERED", CANCELLED: "CANCELLED", REFUNDED: "REFUNDED" } as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];
export const SalesChannel = { WEB: "WEB", MOBILE: "MOBILE", STORE: "STORE" } as const;
export type SalesChannel = (typeof SalesChannel)[keyof typeof SalesChannel];

/** A numeric column's exact text as pg and PGlite return it (or anything that prints the same). */
export type Money = { toString(): string };

export interface CustomerRow {
  id: number;
  email: string;
  name: string;
  country: string;
  city: string;
  segment: CustomerSegment;
  createdAt: Date;
}
export interface CategoryRow {
  id: number;
  name: string;
}
export interface ProductRow {
  id: number;
  sku: string;
  name: string;
  categoryId: number;
  price: Money;
  cost: Money;
  stock: number;
  reorderLevel: number;
  active: boolean;
  createdAt: Date;
}
export interface OrderRow {
  id: number;
  customerId: number;
  status: OrderStatus;
  channel: SalesChannel;
  orderedAt: Date;
  total: Money;
}
export interface OrderItemRow {
  id: number;
  orderId: number;
  productId: number;
  quantity: number;
  unitPrice: Money;
  discount: Money;
}
export interface ReviewRow {
  id: number;
  productId: number;
  customerId: number;
  rating: number;
  body: string | null;
  createdAt: Date;
}

export type CustomerNode = CustomerRow;
export type CategoryNode = CategoryRow;
export type ReviewNode = ReviewRow;
export type ProductNode = Omit<ProductRow, "price" | "cost"> & { price: number; cost: number; lowStock: boolean };
export type OrderNode = Omit<OrderRow, "total"> & { total: number };
export type OrderItemNode = Omit<OrderItemRow, "unitPrice" | "discount"> & { unitPrice: number; discount: number; lineTotal: number };

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
