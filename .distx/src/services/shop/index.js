import { CategoryService } from "./category.service.js";
import { CustomerService } from "./customer.service.js";
import { OrderService } from "./order.service.js";
import { ProductService } from "./product.service.js";
function createShopServices(deps) {
  return {
    customers: new CustomerService(deps.prisma, deps.maxPageSize),
    products: new ProductService(deps.prisma, deps.maxPageSize),
    orders: new OrderService(deps.prisma, deps.db, deps.maxPageSize),
    categories: new CategoryService(deps.prisma)
  };
}
import { loadOrderGraph } from "./order-graph.js";
import { toCategory, toCustomer, toOrder, toOrderItem, toProduct, toReview } from "./mappers.js";
import { checkFirst, decodeCursor, encodeCursor } from "./pagination.js";
export * from "./types.js";
export {
  CategoryService,
  CustomerService,
  OrderService,
  ProductService,
  checkFirst,
  createShopServices,
  decodeCursor,
  encodeCursor,
  loadOrderGraph,
  toCategory,
  toCustomer,
  toOrder,
  toOrderItem,
  toProduct,
  toReview
};
