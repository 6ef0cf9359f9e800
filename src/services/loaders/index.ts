/**
 * DataLoader factories. `createLoaders` is called once per request by the
 * context factory: a loader's cache must never outlive the request that made it.
 */
import DataLoader from "dataloader";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { CategoryNode, CustomerNode, OrderItemNode, OrderNode, Page, ProductNode, ReviewNode } from "../shop/index.js";
import { createShopBatchFunctions, type CustomerOrdersKey, type ShopBatchFunctions } from "./shop.loaders.js";

export interface Loaders {
  customerById: DataLoader<number, CustomerNode>;
  productById: DataLoader<number, ProductNode>;
  categoryById: DataLoader<number, CategoryNode>;
  itemsByOrderId: DataLoader<number, OrderItemNode[]>;
  reviewsByProductId: DataLoader<number, ReviewNode[]>;
  productsByCategoryId: DataLoader<number, ProductNode[]>;
  orderCountByCustomerId: DataLoader<number, number>;
  ordersByCustomer: DataLoader<CustomerOrdersKey, Page<OrderNode>, string>;
}

export interface LoaderOptions {
  /** Largest page a paginated relation (Customer.orders) may ask for. */
  maxPageSize?: number;
  /** Replace batch functions (tests spy on them). */
  batch?: Partial<ShopBatchFunctions>;
}

export function createLoaders(prisma: PrismaClient, opts: LoaderOptions = {}): Loaders {
  const fns: ShopBatchFunctions = { ...createShopBatchFunctions(prisma, { maxPageSize: opts.maxPageSize ?? 500 }), ...opts.batch };
  const orderCountByCustomerId = new DataLoader<number, number>((ids) => fns.orderCountByCustomerId(ids));
  return {
    customerById: new DataLoader((ids) => fns.customerById(ids)),
    productById: new DataLoader((ids) => fns.productById(ids)),
    categoryById: new DataLoader((ids) => fns.categoryById(ids)),
    itemsByOrderId: new DataLoader((ids) => fns.itemsByOrderId(ids)),
    reviewsByProductId: new DataLoader((ids) => fns.reviewsByProductId(ids)),
    productsByCategoryId: new DataLoader((ids) => fns.productsByCategoryId(ids)),
    orderCountByCustomerId,
    ordersByCustomer: new DataLoader((keys) => fns.ordersByCustomer(keys, (id) => orderCountByCustomerId.load(id)), {
      cacheKeyFn: (k) => JSON.stringify([k.customerId, k.first, k.after ?? null]),
    }),
  };
}

export { createShopBatchFunctions, customerOrdersSort, type CustomerOrdersKey, type ShopBatchFunctions } from "./shop.loaders.js";
export { groupedInKeyOrder, inKeyOrder } from "./batch.js";
