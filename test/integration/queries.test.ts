import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { cents, seedShop, type FixtureOrder, type ShopFixture } from "../helpers/shop-fixture.js";

const MAX = 50;
const notRevenue = new Set(["CANCELLED", "REFUNDED"]);

describe.each(backendNames())("demo shop queries on %s", (backend) => {
  let t: TestGateway;
  let f: ShopFixture;
  beforeAll(async () => {
    t = await startTestGateway(backend, { MAX_PAGE_SIZE: String(MAX) });
    f = await seedShop(t.app.services.db, 60);
  });
  afterAll(async () => t?.close());

  /** Follows endCursor until the last page; returns node ids in page order. */
  async function walk(field: "orders" | "products" | "customers", args: string, first: number): Promise<{ ids: number[]; totalCount: number; pages: number }> {
    const ids: number[] = [];
    let after: string | null = null;
    let totalCount = -1;
    let pages = 0;
    for (;;) {
      const data: Record<string, { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: number } }> }> = await t.gql(
        `query($after: String) { ${field}(${args} first: ${first}, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
      );
      const page = data[field]!;
      pages++;
      totalCount = page.totalCount;
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return { ids, totalCount, pages };
      after = page.pageInfo.endCursor;
      if (pages > 100) throw new Error("pagination does not end");
    }
  }

  it("answers a nested order query: customer, items, product, category", async () => {
    const o = f.orders[7]!;
    const data = await t.gql(
      `query($id: Int!) { order(id: $id) { id status channel orderedAt total customer { id email } items { quantity unitPrice discount lineTotal product { id sku category { id name } } } } }`,
      { id: o.id },
    );
    expect(data.order.id).toBe(o.id);
    expect(data.order.status).toBe(o.status);
    expect(data.order.channel).toBe(o.channel);
    expect(data.order.orderedAt).toBe(o.orderedAt.toISOString());
    expect(data.order.total).toBe(o.total);
    expect(data.order.customer).toEqual({ id: o.customerId, email: f.customers.find((c) => c.id === o.customerId)!.email });
    expect(data.order.items).toHaveLength(o.items.length);
    data.order.items.forEach((it: { quantity: number; unitPrice: number; discount: number; lineTotal: number; product: { id: number; category: { id: number; name: string } } }, k: number) => {
      const want = o.items[k]!;
      expect(it.quantity).toBe(want.quantity);
      expect(it.unitPrice).toBe(want.unitPrice);
      expect(it.discount).toBe(want.discount);
      expect(it.lineTotal).toBe(cents(want.quantity * want.unitPrice * (1 - want.discount)));
      expect(it.product.id).toBe(want.productId);
      const cat = f.categories.find((c) => c.id === f.products.find((p) => p.id === want.productId)!.categoryId)!;
      expect(it.product.category).toEqual(cat);
    });
  });

  it("answers order(id) with its customer, items and products in one SQL statement, the same as the loaders' path", async () => {
    const fields = `id customerId status channel orderedAt total
      customer { id email name country city segment createdAt }
      items { id orderId productId quantity unitPrice discount lineTotal product { id sku name categoryId price cost stock reorderLevel active lowStock createdAt } }`;
    const o = f.orders[9]!;
    const before = t.app.services.db.poolStats().statements;
    const direct = (await t.gql(`query($id: Int!) { order(id: $id) { ${fields} } }`, { id: o.id })).order;
    expect(t.app.services.db.poolStats().statements - before).toBe(1);
    // The list query reaches the same order through the Prisma loaders.
    const listed = (await t.gql(`query($c: Int!) { orders(filter: { customerId: $c }, first: ${MAX}) { edges { node { ${fields} } } } }`, { c: o.customerId })).orders;
    expect(direct).toEqual(listed.edges.find((e: { node: { id: number } }) => e.node.id === o.id).node);
    expect(direct.items.map((i: { productId: number }) => i.productId)).toEqual(o.items.map((i) => i.productId));

    // Fragments and aliases count as selected; relations outside the look-ahead (category) still come through the loaders.
    const viaFragments = await t.gql(
      `query($id: Int!) { order(id: $id) { ...Who lines: items { ... on OrderItem { product { sku category { name } } } } } }
       fragment Who on Order { buyer: customer { email } }`,
      { id: o.id },
    );
    expect(viaFragments.order.buyer.email).toBe(direct.customer.email);
    expect(viaFragments.order.lines.map((i: { product: { sku: string } }) => i.product.sku)).toEqual(direct.items.map((i: { product: { sku: string } }) => i.product.sku));
    expect(viaFragments.order.lines[0].product.category.name).toBe(f.categories.find((c) => c.id === direct.items[0].product.categoryId)!.name);
  });

  it("answers NOT_FOUND naming the entity and id for unknown ids", async () => {
    for (const [field, entity] of [["order", "Order"], ["customer", "Customer"], ["product", "Product"]] as const) {
      const err = await t.gqlError(`{ ${field}(id: 987654) { id } }`);
      expect(err.extensions?.code).toBe("NOT_FOUND");
      expect(err.message).toBe(`${entity} 987654 does not exist.`);
    }
    const bad = await t.gqlError(`{ order(id: 0) { id } }`);
    expect(bad.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.message).toMatch(/id must be a positive whole number; got 0/);
  });

  it("pages through every order by total, descending, without gaps or repeats", async () => {
    const { ids, totalCount, pages } = await walk("orders", `orderBy: { field: TOTAL, direction: DESC },`, 7);
    const want = [...f.orders].sort((a, b) => b.total - a.total || b.id - a.id).map((o) => o.id);
    expect(ids).toEqual(want);
    expect(totalCount).toBe(60);
    expect(pages).toBe(Math.ceil(60 / 7));
  });

  it("pages orders by date ascending and customers by name", async () => {
    const byDate = await walk("orders", `orderBy: { field: ORDERED_AT },`, 11);
    expect(byDate.ids).toEqual([...f.orders].sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime() || a.id - b.id).map((o) => o.id));
    const byName = await walk("customers", `orderBy: { field: NAME, direction: DESC },`, 4);
    expect(byName.ids).toEqual([...f.customers].sort((a, b) => b.name.localeCompare(a.name) || b.id - a.id).map((c) => c.id));
  });

  it("filters orders by statuses, channel, customer, date range and total range", async () => {
    const from = new Date(Date.UTC(2025, 1, 1));
    const to = new Date(Date.UTC(2025, 4, 1));
    const filter = { statuses: ["PAID", "SHIPPED", "DELIVERED"], channel: "WEB", orderedFrom: from.toISOString(), orderedTo: to.toISOString(), minTotal: 20, maxTotal: 200 };
    const data = await t.gql(`query($f: OrderFilter) { orders(filter: $f, first: 50) { totalCount edges { node { id } } } }`, { f: filter });
    const want = f.orders.filter(
      (o) => filter.statuses.includes(o.status) && o.channel === "WEB" && o.orderedAt >= from && o.orderedAt < to && o.total >= 20 && o.total <= 200,
    );
    expect(want.length).toBeGreaterThan(0);
    expect(data.orders.edges.map((e: { node: { id: number } }) => e.node.id)).toEqual(want.map((o) => o.id));
    expect(data.orders.totalCount).toBe(want.length);

    const c = f.customers[2]!;
    const mine = await t.gql(`query($c: Int) { orders(filter: { customerId: $c }, first: 50) { totalCount } }`, { c: c.id });
    expect(mine.orders.totalCount).toBe(f.orders.filter((o) => o.customerId === c.id).length);
  });

  it("filters products by category, active, low stock, price range and search", async () => {
    const q = `query($f: ProductFilter) { products(filter: $f, first: 50) { totalCount edges { node { id lowStock stock reorderLevel } } } }`;
    const low = await t.gql(q, { f: { lowStock: true } });
    const wantLow = f.products.filter((p) => p.stock <= p.reorderLevel).map((p) => p.id);
    expect(wantLow.length).toBeGreaterThan(0);
    expect(low.products.edges.map((e: { node: { id: number } }) => e.node.id)).toEqual(wantLow);
    expect(low.products.edges.every((e: { node: { lowStock: boolean } }) => e.node.lowStock)).toBe(true);
    const notLow = await t.gql(q, { f: { lowStock: false } });
    expect(notLow.products.totalCount).toBe(f.products.length - wantLow.length);

    const cat = f.categories[1]!;
    const active = await t.gql(q, { f: { categoryId: cat.id, active: true, minPrice: 7.5, maxPrice: 25 } });
    const want = f.products.filter((p) => p.categoryId === cat.id && p.active && p.price >= 7.5 && p.price <= 25).map((p) => p.id);
    expect(want.length).toBeGreaterThan(0);
    expect(active.products.edges.map((e: { node: { id: number } }) => e.node.id)).toEqual(want);

    const search = await t.gql(q, { f: { search: "gold" } });
    expect(search.products.totalCount).toBe(f.products.filter((p) => p.name.toLowerCase().includes("gold")).length);
  });

  it("filters customers by country, segment and case-insensitive search on name or e-mail", async () => {
    const q = `query($f: CustomerFilter) { customers(filter: $f, first: 50) { totalCount edges { node { id } } } }`;
    const de = await t.gql(q, { f: { country: "de", segment: "CONSUMER" } });
    expect(de.customers.edges.map((e: { node: { id: number } }) => e.node.id)).toEqual(f.customers.filter((c) => c.country === "DE" && c.segment === "CONSUMER").map((c) => c.id));
    const byName = await t.gql(q, { f: { search: "BEA" } });
    expect(byName.customers.totalCount).toBe(1);
    const byMail = await t.gql(q, { f: { search: "example.ORG" } });
    expect(byMail.customers.totalCount).toBe(f.customers.filter((c) => c.email.endsWith(".org")).length);
    const err = await t.gqlError(`{ customers(filter: { country: "Germany" }) { totalCount } }`);
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toMatch(/two-letter ISO 3166-1 code.*"Germany"/);
  });

  it("lists categories with their products", async () => {
    const data = await t.gql(`{ categories { id name products { id } } }`);
    expect(data.categories.map((c: { name: string }) => c.name)).toEqual(["Books", "Garden", "Toys"]);
    for (const c of data.categories) {
      expect(c.products.map((p: { id: number }) => p.id)).toEqual(f.products.filter((p) => p.categoryId === c.id).map((p) => p.id));
    }
  });

  it("pages a customer's orders, newest first, through the loader", async () => {
    const c = f.customers[0]!;
    const want = f.orders.filter((o) => o.customerId === c.id).sort((a, b) => b.orderedAt.getTime() - a.orderedAt.getTime() || b.id - a.id).map((o) => o.id);
    const got: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const data: { customer: { orders: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: number } }> } } } = await t.gql(
        `query($id: Int!, $after: String) { customer(id: $id) { orders(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
        { id: c.id, after },
      );
      expect(data.customer.orders.totalCount).toBe(want.length);
      got.push(...data.customer.orders.edges.map((e) => e.node.id));
      if (!data.customer.orders.pageInfo.hasNextPage) break;
      after = data.customer.orders.pageInfo.endCursor;
    }
    expect(got).toEqual(want);
  });

  it("rejects a page size over MAX_PAGE_SIZE instead of clamping it", async () => {
    const err = await t.gqlError(`{ orders(first: ${MAX + 1}) { totalCount } }`);
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toBe(`first must be between 1 and ${MAX} (MAX_PAGE_SIZE); got ${MAX + 1}. Ask for at most ${MAX} and page on with after: pageInfo.endCursor.`);
    expect(err.extensions?.maxPageSize).toBe(MAX);
    const zero = await t.gqlError(`{ products(first: 0) { totalCount } }`);
    expect(zero.message).toMatch(/first must be between 1 and 50.*got 0/);
    const nested = await t.gqlError(`{ customers(first: 1) { edges { node { orders(first: ${MAX + 1}) { totalCount } } } } }`);
    expect(nested.extensions?.code).toBe("BAD_USER_INPUT");
    expect(nested.message).toMatch(/first must be between 1 and 50/);
  });

  it("rejects malformed cursors and cursors made for another ordering", async () => {
    for (const cursor of ["not a cursor!", "abc", Buffer.from(JSON.stringify({ id: 3 })).toString("base64url")]) {
      const err = await t.gqlError(`query($a: String) { orders(first: 2, after: $a) { totalCount } }`, { a: cursor });
      expect(err.extensions?.code).toBe("BAD_USER_INPUT");
      expect(err.message).toMatch(/after is not a valid cursor .*not a cursor issued by this API.*pageInfo.endCursor/);
    }
    const data = await t.gql(`{ orders(first: 1, orderBy: { field: TOTAL }) { pageInfo { endCursor } } }`);
    const err = await t.gqlError(`query($a: String) { orders(first: 2, after: $a, orderBy: { field: ORDERED_AT }) { totalCount } }`, { a: data.orders.pageInfo.endCursor });
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toMatch(/made for ordering by total, this query orders by orderedAt/);
  });

  it("rejects invalid enum values in GraphQL validation", async () => {
    const literal = await t.gqlError(`{ orders(filter: { statuses: [SHIPPPED] }) { totalCount } }`);
    expect(literal.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(literal.message).toMatch(/Value "SHIPPPED" does not exist in "OrderStatus" enum/);
    const variable = await t.gqlError(`query($c: SalesChannel) { orders(filter: { channel: $c }) { totalCount } }`, { c: "FAX" });
    expect(variable.extensions?.code).toBe("BAD_USER_INPUT");
    expect(variable.message).toMatch(/Value "FAX" does not exist in "SalesChannel" enum/);
  });

  it("rejects inverted date and total ranges", async () => {
    const dates = await t.gqlError(`{ orders(filter: { orderedFrom: "2025-03-01T00:00:00Z", orderedTo: "2025-02-01T00:00:00Z" }) { totalCount } }`);
    expect(dates.extensions?.code).toBe("BAD_USER_INPUT");
    expect(dates.message).toBe("filter.orderedFrom (2025-03-01T00:00:00.000Z) must be before filter.orderedTo (2025-02-01T00:00:00.000Z). Swap them or widen the range.");
    const totals = await t.gqlError(`{ orders(filter: { minTotal: 100, maxTotal: 10 }) { totalCount } }`);
    expect(totals.message).toMatch(/filter.minTotal \(100\) must be at most filter.maxTotal \(10\)/);
    const notDate = await t.gqlError(`{ orders(filter: { orderedFrom: "yesterday" }) { totalCount } }`);
    expect(notDate.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(notDate.message).toMatch(/cannot represent an invalid date-time-string yesterday/);
  });

  it("loads 50 orders with customer, items, products and categories in a fixed, small number of SQL statements", async () => {
    const q = (n: number) =>
      `{ orders(first: ${n}) { edges { node { id customer { name } items { quantity product { name category { name } } } } } } }`;
    const count = async (n: number) => {
      const before = t.app.services.db.poolStats().statements;
      const data = await t.gql(q(n));
      expect(data.orders.edges).toHaveLength(n);
      return t.app.services.db.poolStats().statements - before;
    };
    const for50 = await count(50);
    const for5 = await count(5);
    // orders, customers, order_items, products, categories: one statement each.
    expect(for50).toBe(5);
    expect(for50).toBe(for5);
  });

  describe("salesSummary", () => {
    const from = "2025-01-01T00:00:00.000Z";
    const to = "2025-07-01T00:00:00.000Z";
    const counted = () => f.orders.filter((o) => !notRevenue.has(o.status) && o.orderedAt >= new Date(from) && o.orderedAt < new Date(to));
    const units = (o: FixtureOrder) => o.items.reduce((s, i) => s + i.quantity, 0);
    type Group = { key: string; label: string; periodStart: string | null; revenue: number; orderCount: number; units: number; averageOrderValue: number };
    const summary = async (groupBy: string): Promise<Group[]> =>
      (await t.gql(`query($f: DateTimeISO!, $t: DateTimeISO!) { salesSummary(from: $f, to: $t, groupBy: ${groupBy}) { key label periodStart revenue orderCount units averageOrderValue } }`, { f: from, t: to })).salesSummary;

    it("groups by month: revenue excludes cancelled and refunded orders", async () => {
      const want = new Map<string, { revenue: number; orderCount: number; units: number }>();
      for (const o of counted()) {
        const key = o.orderedAt.toISOString().slice(0, 7);
        const g = want.get(key) ?? { revenue: 0, orderCount: 0, units: 0 };
        want.set(key, { revenue: cents(g.revenue + o.total), orderCount: g.orderCount + 1, units: g.units + units(o) });
      }
      const got = await summary("MONTH");
      expect(got.map((g) => g.key)).toEqual([...want.keys()].sort());
      for (const g of got) {
        const w = want.get(g.key)!;
        expect(g).toEqual({ key: g.key, label: g.key, periodStart: `${g.key}-01T00:00:00.000Z`, ...w, averageOrderValue: cents(w.revenue / w.orderCount) });
      }
    });

    it("groups by category with each category's share of line amounts", async () => {
      const want = new Map<number, { revenue: number; orders: Set<number>; units: number }>();
      for (const o of counted()) {
        for (const it of o.items) {
          const cat = f.products.find((p) => p.id === it.productId)!.categoryId;
          const g = want.get(cat) ?? { revenue: 0, orders: new Set<number>(), units: 0 };
          g.revenue += it.quantity * it.unitPrice * (1 - it.discount);
          g.orders.add(o.id);
          g.units += it.quantity;
          want.set(cat, g);
        }
      }
      const got = await summary("CATEGORY");
      expect(got).toHaveLength(want.size);
      for (const g of got) {
        const w = want.get(Number(g.key))!;
        expect(g.label).toBe(f.categories.find((c) => c.id === Number(g.key))!.name);
        expect(g.revenue).toBe(cents(w.revenue));
        expect(g.orderCount).toBe(w.orders.size);
        expect(g.units).toBe(w.units);
        expect(g.periodStart).toBeNull();
      }
      expect(got.map((g) => g.revenue)).toEqual([...got.map((g) => g.revenue)].sort((a, b) => b - a));
    });

    it("groups by day, week, country, channel and segment, each adding up to the whole", async () => {
      const all = counted();
      const total = cents(all.reduce((s, o) => s + o.total, 0));
      for (const groupBy of ["DAY", "WEEK", "COUNTRY", "CHANNEL", "SEGMENT"]) {
        const got = await summary(groupBy);
        expect(cents(got.reduce((s, g) => s + g.revenue, 0)), groupBy).toBe(total);
        expect(got.reduce((s, g) => s + g.orderCount, 0), groupBy).toBe(all.length);
        expect(got.reduce((s, g) => s + g.units, 0), groupBy).toBe(all.reduce((s, o) => s + units(o), 0));
      }
      const byChannel = await summary("CHANNEL");
      expect(byChannel.find((g) => g.key === "WEB")!.orderCount).toBe(all.filter((o) => o.channel === "WEB").length);
      const byCountry = await summary("COUNTRY");
      const us = new Set(f.customers.filter((c) => c.country === "US").map((c) => c.id));
      expect(byCountry.find((g) => g.key === "US")!.orderCount).toBe(all.filter((o) => us.has(o.customerId)).length);
      const weeks = await summary("WEEK");
      for (const w of weeks) {
        expect(new Date(w.periodStart!).getUTCDay()).toBe(1);
        expect(w.label).toMatch(/^2025-W\d\d$/);
      }
    });

    it("rejects from after to and ranges over five years", async () => {
      const inverted = await t.gqlError(`{ salesSummary(from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z", groupBy: DAY) { key } }`);
      expect(inverted.extensions?.code).toBe("BAD_USER_INPUT");
      expect(inverted.message).toBe("from (2025-02-01T00:00:00.000Z) must be before to (2025-01-01T00:00:00.000Z); the range is [from, to).");
      const long = await t.gqlError(`{ salesSummary(from: "2015-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z", groupBy: MONTH) { key } }`);
      expect(long.extensions?.code).toBe("BAD_USER_INPUT");
      expect(long.message).toMatch(/longer than 5 years; ask for at most 5 years \(to ≤ 2020-01-01T00:00:00.000Z\)/);
      const badGroup = await t.gqlError(`{ salesSummary(from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z", groupBy: YEAR) { key } }`);
      expect(badGroup.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(badGroup.message).toMatch(/Value "YEAR" does not exist in "SalesGroupBy" enum/);
    });
  });
});
