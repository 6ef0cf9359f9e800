/**
 * DataLoader factories. `createLoaders` is called once per request by the
 * context factory: a loader's cache must never outlive the request that made it.
 */
import DataLoader from "dataloader";
import type { CategoryNode, CustomerNode, OrderItemNode, OrderNode, Page, ProductNode, ReviewNode } from "../shop/index.js";
import { createShopBatchFunctions, type CustomerOrdersKey, type ShopBatchFunctions, type ShopData } from "./shop.loaders.js";

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

/**
 * Builds the batch functions once (they hold no per-request state) and returns
 * the per-request factory. Each request's loaders are made on first use: most
 * requests touch one or two of them, and a DataLoader costs a Map and closures.
 */
export function loaderFactory(data: ShopData, opts: LoaderOptions = {}): () => Loaders {
  const fns: ShopBatchFunctions = { ...createShopBatchFunctions(data, { maxPageSize: opts.maxPageSize ?? 500 }), ...opts.batch };
  return () => new RequestLoaders(fns);
}

export function createLoaders(data: ShopData, opts: LoaderOptions = {}): Loaders {
  return loaderFactory(data, opts)();
}

class RequestLoaders implements Loaders {
  #customerById?: Loaders["customerById"];
  #productById?: Loaders["productById"];
  #categoryById?: Loaders["categoryById"];
  #itemsByOrderId?: Loaders["itemsByOrderId"];
  #reviewsByProductId?: Loaders["reviewsByProductId"];
  #productsByCategoryId?: Loaders["productsByCategoryId"];
  #orderCountByCustomerId?: Loaders["orderCountByCustomerId"];
  #ordersByCustomer?: Loaders["ordersByCustomer"];

  constructor(private readonly fns: ShopBatchFunctions) {}

  get customerById() {
    return (this.#customerById ??= new DataLoader((ids) => this.fns.customerById(ids)));
  }
  get productById() {
    return (this.#productById ??= new DataLoader((ids) => this.fns.productById(ids)));
  }
  get categoryById() {
    return (this.#categoryById ??= new DataLoader((ids) => this.fns.categoryById(ids)));
  }
  get itemsByOrderId() {
    return (this.#itemsByOrderId ??= new DataLoader((ids) => this.fns.itemsByOrderId(ids)));
  }
  get reviewsByProductId() {
    return (this.#reviewsByProductId ??= new DataLoader((ids) => this.fns.reviewsByProductId(ids)));
  }
  get productsByCategoryId() {
    return (this.#productsByCategoryId ??= new DataLoader((ids) => this.fns.productsByCategoryId(ids)));
  }
  get orderCountByCustomerId() {
    return (this.#orderCountByCustomerId ??= new DataLoader((ids) => this.fns.orderCountByCustomerId(ids)));
  }
  get ordersByCustomer() {
    return (this.#ordersByCustomer ??= new DataLoader((keys) => this.fns.ordersByCustomer(keys, (id) => this.orderCountByCustomerId.load(id)), {
      cacheKeyFn: (k) => JSON.stringify([k.customerId, k.first, k.after ?? null]),
    }));
  }
}

export { createShopBatchFunctions, customerOrdersSort, type CustomerOrdersKey, type ShopBatchFunctions, type ShopData } from "./shop.loaders.js";
export { groupedInKeyOrder, inKeyOrder } from "./batch.js";
