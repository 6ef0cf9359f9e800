import DataLoader from "dataloader";
import { createShopBatchFunctions } from "./shop.loaders.js";
function loaderFactory(prisma, opts = {}) {
  const fns = { ...createShopBatchFunctions(prisma, { maxPageSize: opts.maxPageSize ?? 500 }), ...opts.batch };
  return () => new RequestLoaders(fns);
}
function createLoaders(prisma, opts = {}) {
  return loaderFactory(prisma, opts)();
}
class RequestLoaders {
  constructor(fns) {
    this.fns = fns;
  }
  fns;
  #customerById;
  #productById;
  #categoryById;
  #itemsByOrderId;
  #reviewsByProductId;
  #productsByCategoryId;
  #orderCountByCustomerId;
  #ordersByCustomer;
  get customerById() {
    return this.#customerById ??= new DataLoader((ids) => this.fns.customerById(ids));
  }
  get productById() {
    return this.#productById ??= new DataLoader((ids) => this.fns.productById(ids));
  }
  get categoryById() {
    return this.#categoryById ??= new DataLoader((ids) => this.fns.categoryById(ids));
  }
  get itemsByOrderId() {
    return this.#itemsByOrderId ??= new DataLoader((ids) => this.fns.itemsByOrderId(ids));
  }
  get reviewsByProductId() {
    return this.#reviewsByProductId ??= new DataLoader((ids) => this.fns.reviewsByProductId(ids));
  }
  get productsByCategoryId() {
    return this.#productsByCategoryId ??= new DataLoader((ids) => this.fns.productsByCategoryId(ids));
  }
  get orderCountByCustomerId() {
    return this.#orderCountByCustomerId ??= new DataLoader((ids) => this.fns.orderCountByCustomerId(ids));
  }
  get ordersByCustomer() {
    return this.#ordersByCustomer ??= new DataLoader((keys) => this.fns.ordersByCustomer(keys, (id) => this.orderCountByCustomerId.load(id)), {
      cacheKeyFn: (k) => JSON.stringify([k.customerId, k.first, k.after ?? null])
    });
  }
}
import { createShopBatchFunctions as createShopBatchFunctions2, customerOrdersSort } from "./shop.loaders.js";
import { groupedInKeyOrder, inKeyOrder } from "./batch.js";
export {
  createLoaders,
  createShopBatchFunctions2 as createShopBatchFunctions,
  customerOrdersSort,
  groupedInKeyOrder,
  inKeyOrder,
  loaderFactory
};
