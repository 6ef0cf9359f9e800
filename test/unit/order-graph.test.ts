/**
 * loadOrderGraph (one order with its selected relations in one raw SQL
 * statement) against a real database: it must map rows exactly as the
 * loaders do (money, timestamps, enums), send one statement per call, and
 * OrderService.byId must leave the relations in the request's loaders. The
 * loaders' rows are checked against `SELECT *` renamed field by field here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { Database } from "../../src/services/db/index.js";
import { NotFoundError } from "../../src/services/errors.js";
import { createLoaders, createShopBatchFunctions, type ShopBatchFunctions } from "../../src/services/loaders/index.js";
import { createShopServices, loadOrderGraph, toCategory, toCustomer, toOrder, toOrderItem, toProduct, toReview, type ShopServices } from "../../src/services/shop/index.js";
import { backendNames, freshBackend, type Backend } from "../helpers/backends.js";
import { seedShop, type ShopFixture } from "../helpers/shop-fixture.js";

const everything = { customer: {}, items: { product: {} } };

/** snake_case → camelCase: the API's field names, worked out apart from the shop's own column map. */
const camel = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));

describe.each(backendNames())("loadOrderGraph on %s", (name) => {
  let backend: Backend;
  let db: Database;
  let f: ShopFixture;
  let fns: ShopBatchFunctions;
  let shop: ShopServices;
  beforeAll(async () => {
    backend = await freshBackend(name);
    db = new Database({ url: backend.env.DATABASE_URL ?? null, dataDir: "memory://", poolSize: 2, log: pino({ level: "silent" }) });
    await db.migrate();
    f = await seedShop(db, 12);
    fns = createShopBatchFunctions(db, { maxPageSize: 10 });
    shop = createShopServices({ db, maxPageSize: 10 });
  });
  afterAll(async () => {
    await db?.close();
    await backend?.cleanup();
  });

  /** Every row of `sql`, renamed to field names. */
  const rowsOf = async <T,>(sql: string, params: unknown[]) => (await db.query<Record<string, unknown>>(sql, params)).rows.map((r) => camel(r) as T);

  /** What the loaders answer for the same order. */
  async function viaLoaders(orderId: number) {
    const order = toOrder((await rowsOf<Parameters<typeof toOrder>[0]>(`SELECT * FROM orders WHERE id = $1`, [orderId]))[0]!);
    const [customer] = await fns.customerById([order.customerId]);
    const [items] = await fns.itemsByOrderId([orderId]);
    const productIds = [...new Set(items!.map((i) => i.productId))];
    return { order, customer, items, products: await fns.productById(productIds) };
  }

  it("maps order, customer, items and products exactly as the loaders do, in one statement", async () => {
    for (const o of [f.orders[0]!, f.orders[4]!, f.orders[11]!]) {
      const before = db.poolStats().statements;
      const graph = await loadOrderGraph(db, o.id, everything);
      expect(db.poolStats().statements - before).toBe(1);
      const want = await viaLoaders(o.id);
      expect(graph).toStrictEqual(want);
      expect(graph!.items!.map((i) => i.productId)).toEqual(o.items.map((i) => i.productId));
    }
  });

  it("joins only what the include names", async () => {
    const o = f.orders[3]!;
    const want = await viaLoaders(o.id);
    expect(await loadOrderGraph(db, o.id)).toStrictEqual({ order: want.order });
    expect(await loadOrderGraph(db, o.id, { customer: {} })).toStrictEqual({ order: want.order, customer: want.customer });
    expect(await loadOrderGraph(db, o.id, { items: {} })).toStrictEqual({ order: want.order, items: want.items });
  });

  it("reads values the JSON path could bend exactly as Prisma does: microsecond timestamps, large and fractional money", async () => {
    const o = f.orders[8]!;
    const productId = o.items[0]!.productId;
    // Items and products travel as JSON: timestamps as text with microseconds and an offset, numeric as JSON numbers.
    await db.query(`UPDATE products SET created_at = '2025-03-04 05:06:07.891999+00', price = 98765432.19, cost = 0.01 WHERE id = $1`, [productId]);
    await db.query(`UPDATE order_items SET unit_price = 12345678.99, discount = 0.125 WHERE order_id = $1`, [o.id]);
    const graph = await loadOrderGraph(db, o.id, everything);
    const want = await viaLoaders(o.id);
    expect(graph).toStrictEqual(want);
    const product = graph!.products!.find((p) => p.id === productId)!;
    expect(product.createdAt.toISOString()).toBe("2025-03-04T05:06:07.891Z");
    expect(product.price).toBe(98765432.19);
    expect(graph!.items![0]!.unitPrice).toBe(12345678.99);
  });

  it("the loaders' by-key batch functions read every column of the rows, under the API's field names", async () => {
    const customerIds = f.customers.map((c) => c.id);
    const productIds = f.products.map((p) => p.id);
    const categoryIds = f.categories.map((c) => c.id);
    const orderIds = f.orders.map((o) => o.id);
    const all = <T,>(table: string, key: string, keys: number[], order = "id") => rowsOf<T>(`SELECT * FROM ${table} WHERE ${key} = ANY($1::int[]) ORDER BY ${order}`, [keys]);
    expect(await fns.customerById(customerIds)).toStrictEqual((await all<Parameters<typeof toCustomer>[0]>("customers", "id", customerIds)).map(toCustomer));
    expect(await fns.productById(productIds)).toStrictEqual((await all<Parameters<typeof toProduct>[0]>("products", "id", productIds)).map(toProduct));
    expect(await fns.categoryById(categoryIds)).toStrictEqual((await all<Parameters<typeof toCategory>[0]>("categories", "id", categoryIds)).map(toCategory));
    const items = (await all<Parameters<typeof toOrderItem>[0]>("order_items", "order_id", orderIds)).map(toOrderItem);
    expect(await fns.itemsByOrderId(orderIds)).toStrictEqual(orderIds.map((id) => items.filter((i) => i.orderId === id)));
    const reviews = (await all<Parameters<typeof toReview>[0]>("reviews", "product_id", productIds, "created_at DESC, id DESC")).map(toReview);
    expect(reviews.length).toBeGreaterThan(0);
    expect(await fns.reviewsByProductId(productIds)).toStrictEqual(productIds.map((id) => reviews.filter((r) => r.productId === id)));
    const byCategory = (await all<Parameters<typeof toProduct>[0]>("products", "category_id", categoryIds)).map(toProduct);
    expect(await fns.productsByCategoryId(categoryIds)).toStrictEqual(categoryIds.map((id) => byCategory.filter((p) => p.categoryId === id)));
  });

  it("answers undefined for a missing order and empty lists for an order without items", async () => {
    expect(await loadOrderGraph(db, 987_654, everything)).toBeUndefined();
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO orders (customer_id, status, channel, ordered_at, total) VALUES ($1, 'PENDING', 'WEB', now(), 0) RETURNING id`,
      [f.customers[0]!.id],
    );
    const graph = await loadOrderGraph(db, rows[0]!.id, everything);
    expect(graph!.items).toEqual([]);
    expect(graph!.products).toEqual([]);
    expect(graph!.customer!.id).toBe(f.customers[0]!.id);
  });

  it("OrderService.byId primes the request's loaders: the relation loads send no SQL", async () => {
    const o = f.orders[6]!;
    const loaders = createLoaders(db, { maxPageSize: 10 });
    const before = db.poolStats().statements;
    const order = await shop.orders.byId(o.id, { include: everything, cache: loaders });
    const customer = await loaders.customerById.load(order.customerId);
    const items = await loaders.itemsByOrderId.load(order.id);
    const products = await Promise.all(items.map((i) => loaders.productById.load(i.productId)));
    expect(db.poolStats().statements - before).toBe(1);
    const want = await viaLoaders(o.id);
    expect({ order, customer, items }).toStrictEqual({ order: want.order, customer: want.customer, items: want.items });
    expect(products.map((p) => p.id)).toEqual(o.items.map((i) => i.productId));

    await expect(shop.orders.byId(987_654, { include: everything, cache: loaders })).rejects.toThrow(NotFoundError);
    await expect(shop.orders.byId(987_654)).rejects.toThrow("Order 987654 does not exist.");
  });
});
