/** The demo shop's read services (customers, products, orders, categories) behind the GraphQL queries. */
import type { PrismaClient } from "../../generated/prisma/client.js";
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

/** `db` runs the raw SQL of the hot paths (order by id with its relations); the rest goes through Prisma. */
export function createShopServices(deps: { prisma: PrismaClient; db: SqlRunner; maxPageSize: number }): ShopServices {
  return {
    customers: new CustomerService(deps.prisma, deps.maxPageSize),
    products: new ProductService(deps.prisma, deps.maxPageSize),
    orders: new OrderService(deps.prisma, deps.db, deps.maxPageSize),
    categories: new CategoryService(deps.prisma),
  };
}

export { CategoryService, CustomerService, OrderService, ProductService };
export { loadOrderGraph, type OrderGraph, type OrderInclude } from "./order-graph.js";
export type { OrderRelationCache } from "./order.service.js";
export { toCategory, toCustomer, toOrder, toOrderItem, toProduct, toReview } from "./mappers.js";
export { checkFirst, decodeCursor, encodeCursor, type SortSpec } from "./pagination.js";
export * from "./types.js";
