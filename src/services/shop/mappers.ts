/** Turns Prisma rows into the shapes the API serves: money (Decimal) as numbers, derived flags added. */
import type { Customer, Category, Order, OrderItem, Product, Review } from "../../generated/prisma/client.js";
import type { CustomerNode, CategoryNode, OrderItemNode, OrderNode, ProductNode, ReviewNode } from "./types.js";

const money = (d: { toString(): string }): number => Number(d.toString());

export const toCustomer = (r: Customer): CustomerNode => ({ ...r });
export const toCategory = (r: Category): CategoryNode => ({ id: r.id, name: r.name });
export const toReview = (r: Review): ReviewNode => ({ ...r });

export const toProduct = (r: Product): ProductNode => ({
  ...r,
  price: money(r.price),
  cost: money(r.cost),
  lowStock: r.stock <= r.reorderLevel,
});

export const toOrder = (r: Order): OrderNode => ({ ...r, total: money(r.total) });

export function toOrderItem(r: OrderItem): OrderItemNode {
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
