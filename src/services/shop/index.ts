/** The demo shop's read services (customers, products, orders, categories) behind the GraphQL queries. */
import type { SqlRunner } from "../db/index.js";
import { CategoryService } from "./category.service.js";
import { CustomerService } from "./customer.service.js";
import { OrderService } from "./order.service.js";
import { ProductService } from "./product.service.js";

export interface ShopServices {
  customers: CustomerService;
  products: ProductService;
  orders: OrderService;
  categories: CategoryService;
}

/** Plain parameterized SQL on the demo tables (unqualified: they are the database's own, found on its search_path). */
export function createShopServices(deps: { db: SqlRunner; maxPageSize: number }): ShopServices {
  return {
    customers: new CustomerService(deps.db, deps.maxPageSize),
    products: new ProductService(deps.db, deps.maxPageSize),
    orders: new OrderService(deps.db, deps.maxPageSize),
    categories: new CategoryService(deps.db),
  };
}

export { CategoryService, CustomerService, OrderService, ProductService };
export { loadOrderGraph, type OrderGraph, type OrderInclude } from "./order-graph.js";
export type { OrderRelationCache } from "./order.service.js";
export { toCategory, toCustomer, toOrder, toOrderItem, toProduct, toReview } from "./mappers.js";
export { checkFirst, decodeCursor, encodeCursor, type SortSpec } from "./pagination.js";
export { SHOP_COLUMNS, selectFields, type ShopTable } from "./columns.js";
export * from "./types.js";
