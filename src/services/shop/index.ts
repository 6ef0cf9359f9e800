/** The demo shop's read services (customers, products, orders, categories) behind the GraphQL queries. */
import type { PrismaClient } from "../../generated/prisma/client.js";
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

export function createShopServices(deps: { prisma: PrismaClient; maxPageSize: number }): ShopServices {
  return {
    customers: new CustomerService(deps.prisma, deps.maxPageSize),
    products: new ProductService(deps.prisma, deps.maxPageSize),
    orders: new OrderService(deps.prisma, deps.maxPageSize),
    categories: new CategoryService(deps.prisma),
  };
}

export { CategoryService, CustomerService, OrderService, ProductService };
export { toCategory, toCustomer, toOrder, toOrderItem, toProduct, toReview } from "./mappers.js";
export { checkFirst, decodeCursor, encodeCursor, type SortSpec } from "./pagination.js";
export * from "./types.js";
