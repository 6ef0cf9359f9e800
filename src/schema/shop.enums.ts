/** GraphQL enums of the demo shop, registered from the labels the shop services declare (as demo-shop.sql does). */
import { registerEnumType } from "type-graphql";
import { CustomerSegment, OrderStatus, SalesChannel } from "../services/shop/types.js";

export { CustomerSegment, OrderStatus, SalesChannel };

registerEnumType(CustomerSegment, {
  name: "CustomerSegment",
  description: "Kind of customer account.",
  valuesConfig: { SMB: { description: "Small or medium business." } },
});
registerEnumType(OrderStatus, {
  name: "OrderStatus",
  description: "Lifecycle state of an order. CANCELLED and REFUNDED orders do not count as revenue.",
});
registerEnumType(SalesChannel, { name: "SalesChannel", description: "Where an order was placed." });

export const SortDirection = { ASC: "ASC", DESC: "DESC" } as const;
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];
registerEnumType(SortDirection, { name: "SortDirection", description: "Ascending (smallest, oldest, A first) or descending." });

export const CustomerSortField = { ID: "ID", NAME: "NAME", EMAIL: "EMAIL", COUNTRY: "COUNTRY", CREATED_AT: "CREATED_AT" } as const;
export type CustomerSortField = (typeof CustomerSortField)[keyof typeof CustomerSortField];
registerEnumType(CustomerSortField, { name: "CustomerSortField", description: "What customers can be ordered by (ties broken by id)." });

export const ProductSortField = { ID: "ID", NAME: "NAME", SKU: "SKU", PRICE: "PRICE", STOCK: "STOCK", CREATED_AT: "CREATED_AT" } as const;
export type ProductSortField = (typeof ProductSortField)[keyof typeof ProductSortField];
registerEnumType(ProductSortField, { name: "ProductSortField", description: "What products can be ordered by (ties broken by id)." });

export const OrderSortField = { ID: "ID", ORDERED_AT: "ORDERED_AT", TOTAL: "TOTAL" } as const;
export type OrderSortField = (typeof OrderSortField)[keyof typeof OrderSortField];
registerEnumType(OrderSortField, { name: "OrderSortField", description: "What orders can be ordered by (ties broken by id)." });

export const SalesGroupBy = {
  DAY: "DAY",
  WEEK: "WEEK",
  MONTH: "MONTH",
  CATEGORY: "CATEGORY",
  COUNTRY: "COUNTRY",
  CHANNEL: "CHANNEL",
  SEGMENT: "SEGMENT",
} as const;
export type SalesGroupBy = (typeof SalesGroupBy)[keyof typeof SalesGroupBy];
registerEnumType(SalesGroupBy, {
  name: "SalesGroupBy",
  description: "How salesSummary groups orders. Periods are UTC; WEEK is the ISO week starting on Monday.",
  valuesConfig: {
    CATEGORY: { description: "Product category; revenue is the category's share of each order (its line amounts), see salesSummary." },
    COUNTRY: { description: "The customer's country (ISO 3166-1 alpha-2)." },
    SEGMENT: { description: "The customer's segment." },
  },
});
