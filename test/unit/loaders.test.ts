/**
 * The DataLoader contract of the shop's batch functions, against a real
 * in-memory PGlite: one batch per tick, keys deduplicated, results in key
 * order, an Error for a missing key rather than a failed batch.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pino from "pino";
import { Database } from "../../src/services/db/index.js";
import { NotFoundError } from "../../src/services/errors.js";
import { createLoaders, createShopBatchFunctions, groupedInKeyOrder, inKeyOrder, type ShopBatchFunctions } from "../../src/services/loaders/index.js";
import { createShopServices } from "../../src/services/shop/index.js";
import { seedShop, type ShopFixture } from "../helpers/shop-fixture.js";

describe("inKeyOrder / groupedInKeyOrder", () => {
  it("returns one result per key in key order, an Error for a missing key", () => {
    const rows = [{ id: 2 }, { id: 1 }];
    const out = inKeyOrder([1, 3, 2], rows, (r) => r.id, (k) => new Error(`missing ${k}`));
    expect(out[0]).toEqual({ id: 1 });
    expect(out[1]).toBeInstanceOf(Error);
    expect((out[1] as Error).message).toBe("missing 3");
    expect(out[2]).toEqual({ id: 2 });
  });

  it("gives every key its list, empty when it has no rows", () => {
    const rows = [{ k: 2, v: "a" }, { k: 1, v: "b" }, { k: 2, v: "c" }];
    expect(groupedInKeyOrder([2, 9, 1], rows, (r) => r.k)).toEqual([[rows[0], rows[2]], [], [rows[1]]]);
  });
});

describe("shop loaders on PGlite", () => {
  let db: Database;
  let f: ShopFixture;
  let fns: ShopBatchFunctions;
  beforeAll(async () => {
    db = new Database({ url: null, dataDir: "memory://", poolSize: 1, log: pino({ level: "silent" }) });
    await db.migrate();
    f = await seedShop(db, 12);
    fns = createShopBatchFunctions(db, { maxPageSize: 10 });
  });
  afterAll(async () => db?.close());

  it("batches customer loads of one tick into one call with distinct keys, answering in key order", async () => {
    const spy = vi.fn(fns.customerById);
    const loaders = createLoaders(db, { batch: { customerById: spy } });
    const [a, b, c] = [f.customers[3]!.id, f.customers[0]!.id, f.customers[5]!.id];
    const before = db.poolStats().statements;
    const got = await Promise.all([a, b, a, c, b].map((id) => loaders.customerById.load(id)));
    expect(db.poolStats().statements - before).toBe(1);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toEqual([a, b, c]);
    expect(got.map((x) => x.id)).toEqual([a, b, a, c, b]);
    await loaders.customerById.load(a);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("fails only the missing key, with NOT_FOUND naming entity and id", async () => {
    const spy = vi.fn(fns.productById);
    const loaders = createLoaders(db, { batch: { productById: spy } });
    const p = f.products[2]!;
    const [ok, missing] = await Promise.allSettled([loaders.productById.load(p.id), loaders.productById.load(99999)]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(ok.status === "fulfilled" && ok.value).toMatchObject({ id: p.id, sku: p.sku, price: p.price, lowStock: p.stock <= p.reorderLevel });
    expect(missing.status).toBe("rejected");
    const err = (missing as PromiseRejectedResult).reason as NotFoundError;
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe("Product 99999 does not exist.");
    expect(err.extensions.code).toBe("NOT_FOUND");
  });

  it("loads one-to-many relations by foreign key in one batch, empty lists for keys without rows", async () => {
    const spy = vi.fn(fns.itemsByOrderId);
    const loaders = createLoaders(db, { batch: { itemsByOrderId: spy } });
    const ids = [f.orders[5]!.id, 424242, f.orders[1]!.id];
    const got = await Promise.all(ids.map((id) => loaders.itemsByOrderId.load(id)));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toEqual(ids);
    expect(got[0]!.map((i) => i.productId)).toEqual(f.orders[5]!.items.map((i) => i.productId));
    expect(got[1]).toEqual([]);
    expect(got[2]!.map((i) => i.quantity)).toEqual(f.orders[1]!.items.map((i) => i.quantity));

    const cat = await Promise.all(f.categories.map((c) => createLoaders(db).productsByCategoryId.load(c.id)));
    expect(cat.map((ps) => ps.length)).toEqual(f.categories.map((c) => f.products.filter((p) => p.categoryId === c.id).length));
  });

  it("pages several customers' orders in one batch and fails a bad key alone", async () => {
    const spy = vi.fn(fns.ordersByCustomer);
    const loaders = createLoaders(db, { maxPageSize: 10, batch: { ordersByCustomer: spy } });
    const [c1, c2] = [f.customers[0]!.id, f.customers[1]!.id];
    const before = db.poolStats().statements;
    const [p1, p2, bad, badCursor] = await Promise.allSettled([
      loaders.ordersByCustomer.load({ customerId: c1, first: 1 }),
      loaders.ordersByCustomer.load({ customerId: c2, first: 1 }),
      loaders.ordersByCustomer.load({ customerId: c1, first: 11 }),
      loaders.ordersByCustomer.load({ customerId: c2, first: 1, after: "garbage" }),
    ]);
    expect(spy).toHaveBeenCalledTimes(1);
    // One windowed id query for both customers, one findMany for the orders.
    expect(db.poolStats().statements - before).toBe(2);
    const newest = (c: number) => f.orders.filter((o) => o.customerId === c).sort((a, b) => b.orderedAt.getTime() - a.orderedAt.getTime())[0]!.id;
    expect(p1.status === "fulfilled" && p1.value.edges.map((e) => e.node.id)).toEqual([newest(c1)]);
    expect(p2.status === "fulfilled" && p2.value.edges.map((e) => e.node.id)).toEqual([newest(c2)]);
    expect(p1.status === "fulfilled" && p1.value.pageInfo.hasNextPage).toBe(true);
    expect(bad.status === "rejected" && (bad.reason as Error).message).toMatch(/first must be between 1 and 10 \(MAX_PAGE_SIZE\); got 11/);
    expect(badCursor.status === "rejected" && (badCursor.reason as Error).message).toMatch(/after is not a valid cursor/);
  });

  it("pages rows whose timestamps differ only in microseconds without gaps or repeats", async () => {
    // JavaScript dates hold milliseconds; cursors must not round-trip timestamps through them.
    const c = (await db.query<{ id: number }>(`INSERT INTO customers (email, name, country, city, segment) VALUES ('micro@example.com', 'Micro', 'DE', 'X', 'SMB') RETURNING id`)).rows[0]!;
    await db.query(
      `INSERT INTO orders (customer_id, status, channel, ordered_at, total)
       SELECT $1::int, 'PAID', 'WEB', timestamptz '2025-03-01 10:00:00.123' + (g * interval '1 microsecond'), 10
       FROM generate_series(1, 5) g`,
      [c.id],
    );
    const want = (await db.query<{ id: number }>(`SELECT id FROM orders WHERE customer_id = $1 ORDER BY ordered_at DESC, id DESC`, [c.id])).rows.map((r) => r.id);
    expect(want).toHaveLength(5);

    const shop = createShopServices({ db, maxPageSize: 10 });
    const viaList: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await shop.orders.list({ customerId: c.id }, { field: "ORDERED_AT", direction: "DESC" }, { first: 2, after });
      viaList.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(viaList).toEqual(want);

    const viaLoader: number[] = [];
    after = null;
    for (let i = 0; i < 10; i++) {
      const page = await createLoaders(db, { maxPageSize: 10 }).ordersByCustomer.load({ customerId: c.id, first: 2, after });
      viaLoader.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(viaLoader).toEqual(want);
  });
});
