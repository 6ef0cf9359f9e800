import { registerEnumType } from "type-graphql";
import { CustomerSegment, OrderStatus, SalesChannel } from "../generated/prisma/enums.js";
registerEnumType(CustomerSegment, {
  name: "CustomerSegment",
  description: "Kind of customer account.",
  valuesConfig: { SMB: { description: "Small or medium business." } }
});
registerEnumType(OrderStatus, {
  name: "OrderStatus",
  description: "Lifecycle state of an order. CANCELLED and REFUNDED orders do not count as revenue."
});
registerEnumType(SalesChannel, { name: "SalesChannel", description: "Where an order was placed." });
const SortDirection = { ASC: "ASC", DESC: "DESC" };
registerEnumType(SortDirection, { name: "SortDirection", description: "Ascending (smallest, oldest, A first) or descending." });
const CustomerSortField = { ID: "ID", NAME: "NAME", EMAIL: "EMAIL", COUNTRY: "COUNTRY", CREATED_AT: "CREATED_AT" };
registerEnumType(CustomerSortField, { name: "CustomerSortField", description: "What customers can be ordered by (ties broken by id)." });
const ProductSortField = { ID: "ID", NAME: "NAME", SKU: "SKU", PRICE: "PRICE", STOCK: "STOCK", CREATED_AT: "CREATED_AT" };
registerEnumType(ProductSortField, { name: "ProductSortField", description: "What products can be ordered by (ties broken by id)." });
const OrderSortField = { ID: "ID", ORDERED_AT: "ORDERED_AT", TOTAL: "TOTAL" };
registerEnumType(OrderSortField, { name: "OrderSortField", description: "What orders can be ordered by (ties broken by id)." });
const SalesGroupBy = {
  DAY: "DAY",
  WEEK: "WEEK",
  MONTH: "MONTH",
  CATEGORY: "CATEGORY",
  COUNTRY: "COUNTRY",
  CHANNEL: "CHANNEL",
  SEGMENT: "SEGMENT"
};
registerEnumType(SalesGroupBy, {
  name: "SalesGroupBy",
  description: "How salesSummary groups orders. Periods are UTC; WEEK is the ISO week starting on Monday.",
  valuesConfig: {
    CATEGORY: { description: "Product category; revenue is the category's share of each order (its line amounts), see salesSummary." },
    COUNTRY: { description: "The customer's country (ISO 3166-1 alpha-2)." },
    SEGMENT: { description: "The customer's segment." }
  }
});
export {
  CustomerSegment,
  CustomerSortField,
  OrderSortField,
  OrderStatus,
  ProductSortField,
  SalesChannel,
  SalesGroupBy,
  SortDirection
};
