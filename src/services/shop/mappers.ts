/**
 * Turns rows into the shapes the API serves: money as numbers, derived flags
 * added. Rows come from Prisma (money as Decimal) or from raw SQL through pg or
 * PGlite (numeric as its exact decimal string); both print the same value.
 */
import type { Customer, Category, Order, OrderItem, Product, Review } from "../../generated/prisma/client.js";
import type { CustomerNode, CategoryNode, OrderItemNode, OrderNode, ProductNode, ReviewNode } from "./types.js";

/** A Prisma Decimal or a numeric column's text. */
export type Money = { toString(): string };
/** A Prisma row type whose money columns may also arrive as text. */
export type RowOf<T, M extends keyof T = never> = Omit<T, M> & Record<M, Money>;

const money = (d: Money): number => Number(d.toString());

export const toCustomer = (r: Customer): CustomerNode => ({ ...r });
export const toCategory = (r: Category): CategoryNode => ({ id: r.id, name: r.name });
export const toReview = (r: Review): ReviewNode => ({ ...r });

export const toProduct = (r: RowOf<Product, "price" | "cost">): ProductNode => ({
  ...r,
  price: money(r.price),
  cost: money(r.cost),
  lowStock: r.stock <= r.reorderLevel,
});

export const toOrder = (r: RowOf<Order, "total">): OrderNode => ({ ...r, total: money(r.total) });

export function toOrderItem(r: RowOf<OrderItem, "unitPrice" | "discount">): OrderItemNode {
  const unitPrice = money(r.unitPrice);
  const discount = money(r.discount);
  return {
    ...r,
    unitPrice,
    discount,
    // The same rounding orders.total uses: to cents, half away from zero.
    lineTotal: Math.round(r.quantity * unitPrice * (1 - discount) * 100 + Number.EPSILON) / 100,
  };
}
