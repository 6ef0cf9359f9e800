/**
 * Turns rows into the shapes the API serves: money as numbers, derived flags
 * added. Rows come from plain SQL through pg or PGlite (numeric as its exact
 * decimal text) or from JSON built by PostgreSQL (numeric as a JSON number).
 */
import type { CategoryRow, CustomerRow, Money, OrderItemRow, OrderRow, ProductRow, ReviewRow } from "./types.js";
import type { CustomerNode, CategoryNode, OrderItemNode, OrderNode, ProductNode, ReviewNode } from "./types.js";

export type { Money };

const money = (d: Money): number => Number(d.toString());

export const toCustomer = (r: CustomerRow): CustomerNode => ({ ...r });
export const toCategory = (r: CategoryRow): CategoryNode => ({ id: r.id, name: r.name });
export const toReview = (r: ReviewRow): ReviewNode => ({ ...r });

export const toProduct = (r: ProductRow): ProductNode => ({
  ...r,
  price: money(r.price),
  cost: money(r.cost),
  lowStock: r.stock <= r.reorderLevel,
});

export const toOrder = (r: OrderRow): OrderNode => ({ ...r, total: money(r.total) });

export function toOrderItem(r: OrderItemRow): OrderItemNode {
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
