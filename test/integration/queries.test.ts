/**
 * The demo shop through the real gateway: the API generated from its tables (lookups, nested orders, Relay
 * lists with filters and orderings, relation lists, the page-size bound, a round trip of mutations) beside the
 * hand-written salesSummary, on a small fixture written row by row. What the generator does on any database is
 * tested on its own fixture in dataapi-*.test.ts; here the expectations come from the fixture and from SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { cents, seedShop, type FixtureOrder, type ShopFixture } from "../helpers/shop-fixture.js";

const MAX = 50;
const notRevenue = new Set(["CANCELLED", "REFUNDED"]);

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: number } }>;
}
const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }`;

describe.each(backendNames())("demo shop through the generated API on %s", (backend) => {
  let t: TestGateway;
  let f: ShopFixture;
  beforeAll(async () => {
    t = await startTestGateway(backend, { MAX_PAGE_SIZE: String(MAX) });
    f = await seedShop(t.app.services.db, 60);
    // The shop's tables were made after the start: the API follows on a reload, as after any DDL.
    await t.app.reloadSchema();
  });
  afterAll(async () => t?.close());

  const sqlIds = async (sql: string, params: unknown[] = []) => (await t.app.services.db.query<{ id: number }>(sql, params)).rows.map((r) => r.id);
  const statementsOf = async (query: string, variables?: Record<string, unknown>) => {
    const before = t.app.services.db.poolStats().statements;
    const data = await t.gql(query, variables);
    return { data, statements: t.app.services.db.poolStats().statements - before };
  };

  /** Walks a connection forward (first/after) or backward (last/before) to its end; ids in list order. */
  async function walk(list: (args: string) => string, pick: (data: any) => Page, size: number, direction: "forward" | "backward") {
    const pages: number[][] = [];
    let cursor: string | null = null;
    let totalCount = -1;
    for (;;) {
      const args = direction === "forward" ? `first: ${size}, after: $c` : `last: ${size}, before: $c`;
      const page = pick(await t.gql(`query($c: String) { ${list(args)} }`, { c: cursor }));
      totalCount = page.totalCount;
      const ids = page.edges.map((e) => e.node.id);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (direction === "forward") {
        pages.push(ids);
        expect(page.pageInfo.hasPreviousPage).toBe(pages.length > 1);
        if (!page.pageInfo.hasNextPage) break;
        cursor = page.pageInfo.endCursor;
      } else {
        pages.unshift(ids);
        expect(page.pageInfo.hasNextPage).toBe(pages.length > 1);
        if (!page.pageInfo.hasPreviousPage) break;
        cursor = page.pageInfo.startCursor;
      }
      if (pages.length > 100) throw new Error("paging does not end");
    }
    return { ids: pages.flat(), pages: pages.length, totalCount };
  }

  it("looks rows up by primary key and by each unique key", async () => {
    const o = f.orders[4]!;
    const c = f.customers[3]!;
    const p = f.products[5]!;
    const data = await t.gql(
      `query($o: Int!, $email: String!, $sku: String!) {
        order(id: $o) { id customerId status channel }
        customerByEmail(email: $email) { id name country segment }
        productBySku(sku: $sku) { id name categoryId price stock active }
        categoryByName(name: "Garden") { id name }
      }`,
      { o: o.id, email: c.email, sku: p.sku },
    );
    expect(data).toEqual({
      order: { id: o.id, customerId: o.customerId, status: o.status, channel: o.channel },
      customerByEmail: { id: c.id, name: c.name, country: c.country, segment: c.segment },
      productBySku: { id: p.id, name: p.name, categoryId: p.categoryId, price: p.price.toFixed(2), stock: p.stock, active: p.active },
      categoryByName: f.categories.find((k) => k.name === "Garden"),
    });
  });

  it("answers null for a missing row and still answers its siblings", async () => {
    const res = await t.request(`{ order(id: 99999999) { id } gatewayInfo { version } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ order: null, gatewayInfo: { version: t.app.services.version } });
    const more = await t.request(`{ customer(id: 0) { id } productBySku(sku: "NO-SUCH") { id } categories { totalCount } }`);
    expect(more.body.errors).toBeUndefined();
    expect(more.body.data).toEqual({ customer: null, productBySku: null, categories: { totalCount: f.categories.length } });
  });

  it("answers a nested order (customer, items, products, categories) as the fixture wrote it, in one statement", async () => {
    const o = f.orders[7]!;
    const { data, statements } = await statementsOf(
      `query($id: Int!) { order(id: $id) {
        id status channel orderedAt total
        customer { id email }
        orderItems(orderBy: [ID_ASC]) { totalCount nodes { quantity unitPrice discount product { id sku category { id name } } } }
      } }`,
      { id: o.id },
    );
    expect(statements).toBe(1);
    const order = data.order;
    expect(order).toMatchObject({ id: o.id, status: o.status, channel: o.channel, total: o.total.toFixed(2) });
    // timestamptz as PostgreSQL writes it in JSON: microseconds and the offset kept.
    expect(order.orderedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d:\d\d$/);
    expect(new Date(order.orderedAt).getTime()).toBe(o.orderedAt.getTime());
    expect(order.customer).toEqual({ id: o.customerId, email: f.customers.find((c) => c.id === o.customerId)!.email });
    expect(order.orderItems.totalCount).toBe(o.items.length);
    expect(order.orderItems.nodes).toEqual(
      o.items.map((want) => {
        const product = f.products.find((p) => p.id === want.productId)!;
        return {
          quantity: want.quantity,
          unitPrice: want.unitPrice.toFixed(2),
          discount: want.discount.toFixed(3),
          product: { id: product.id, sku: product.sku, category: f.categories.find((c) => c.id === product.categoryId) },
        };
      }),
    );

    // Fragments and aliases select the same data; a page of 50 such orders is one statement too.
    const viaFragments = await t.gql(
      `query($id: Int!) { order(id: $id) { ...Who lines: orderItems(orderBy: [ID_ASC]) { nodes { ... on OrderItem { product { sku } } } } } }
       fragment Who on Order { buyer: customer { email } }`,
      { id: o.id },
    );
    expect(viaFragments.order.buyer).toEqual({ email: order.customer.email });
    expect(viaFragments.order.lines.nodes.map((i: { product: { sku: string } }) => i.product.sku)).toEqual(order.orderItems.nodes.map((i: { product: { sku: string } }) => i.product.sku));
    const page = await statementsOf(`{ orders(first: 50) { nodes { id customer { name } orderItems { nodes { quantity product { name category { name } } } } } } }`);
    expect(page.data.orders.nodes).toHaveLength(50);
    expect(page.statements).toBe(1);
  });

  it("pages through every order by total, forward and backward, without gaps or repeats", async () => {
    // Ties in total are broken by id ascending.
    const desc = await sqlIds(`SELECT id FROM orders ORDER BY total DESC, id`);
    expect(desc).toEqual([...f.orders].sort((a, b) => b.total - a.total || a.id - b.id).map((o) => o.id));
    const distinctTotals = new Set(f.orders.map((o) => o.total)).size;
    expect(distinctTotals).toBeLessThan(f.orders.length);
    const orders = (orderBy: string) => (args: string) => `orders(${args}, orderBy: [${orderBy}]) { ${PAGE} }`;
    const pick = (d: any) => d.orders as Page;

    const forward = await walk(orders("TOTAL_DESC"), pick, 7, "forward");
    expect(forward).toEqual({ ids: desc, pages: Math.ceil(60 / 7), totalCount: 60 });
    const backward = await walk(orders("TOTAL_DESC"), pick, 7, "backward");
    expect(backward).toEqual({ ids: desc, pages: Math.ceil(60 / 7), totalCount: 60 });

    const asc = await sqlIds(`SELECT id FROM orders ORDER BY total, id`);
    expect((await walk(orders("TOTAL_ASC"), pick, 11, "forward")).ids).toEqual(asc);
    expect((await walk(orders("TOTAL_ASC"), pick, 11, "backward")).ids).toEqual(asc);
    // Two terms: by status, then newest first.
    const byStatus = await sqlIds(`SELECT id FROM orders ORDER BY status, ordered_at DESC, id`);
    expect((await walk(orders("STATUS_ASC, ORDERED_AT_DESC"), pick, 9, "forward")).ids).toEqual(byStatus);
  });

  it("filters orders on status, channel, date range, total range and the customer, as the same SQL", async () => {
    const from = "2025-02-01T00:00:00Z";
    const to = "2025-05-01T00:00:00Z";
    const filter = { status: { in: ["PAID", "SHIPPED", "DELIVERED"] }, channel: { eq: "WEB" }, orderedAt: { gte: from, lt: to }, total: { gt: "20", lte: "200" } };
    const q = `query($f: OrderFilter) { orders(filter: $f, first: 50, orderBy: [ID_ASC]) { totalCount nodes { id } } }`;
    const data = await t.gql(q, { f: filter });
    const want = await sqlIds(
      `SELECT id FROM orders WHERE status::text = ANY($1) AND channel = 'WEB' AND ordered_at >= $2 AND ordered_at < $3 AND total > 20 AND total <= 200 ORDER BY id`,
      [filter.status.in, from, to],
    );
    expect(want.length).toBeGreaterThan(1);
    expect(want.length).toBeLessThan(f.orders.length / 4);
    expect(data.orders).toEqual({ totalCount: want.length, nodes: want.map((id) => ({ id })) });

    // Inline (compiled by graphql-jit) and through variables (graphql-js) agree.
    const inline = await t.gql(
      `{ orders(filter: { status: { in: [PAID, SHIPPED, DELIVERED] }, channel: { eq: WEB }, orderedAt: { gte: "${from}", lt: "${to}" }, total: { gt: "20", lte: "200" } }, first: 50, orderBy: [ID_ASC]) { totalCount nodes { id } } }`,
    );
    expect(inline).toEqual(data);

    // Through the forward relation, and or/not.
    const byCountry = await t.gql(q, { f: { customer: { country: { eq: "DE" } }, not: { status: { in: ["CANCELLED", "REFUNDED"] } } } });
    const wantByCountry = await sqlIds(`SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.country = 'DE' AND o.status NOT IN ('CANCELLED', 'REFUNDED') ORDER BY o.id`);
    expect(byCountry.orders.nodes.map((n: { id: number }) => n.id)).toEqual(wantByCountry);
    const either = await t.gql(q, { f: { or: [{ total: { gte: "150" } }, { channel: { eq: "STORE" }, status: { eq: "PENDING" } }] } });
    const wantEither = await sqlIds(`SELECT id FROM orders WHERE total >= 150 OR (channel = 'STORE' AND status = 'PENDING') ORDER BY id`);
    expect(wantEither.length).toBeGreaterThan(0);
    expect(either.orders.nodes.map((n: { id: number }) => n.id)).toEqual(wantEither);
  });

  it("filters products and customers: ranges, flags, case-insensitive search, related rows", async () => {
    const cat = f.categories[1]!;
    const products = await t.gql(`query($c: Int!) { products(filter: { categoryId: { eq: $c }, active: { eq: true }, price: { gte: "7.5", lte: "25" } }) { nodes { id } } }`, { c: cat.id });
    const wantProducts = await sqlIds(`SELECT id FROM products WHERE category_id = $1 AND active AND price BETWEEN 7.5 AND 25 ORDER BY id`, [cat.id]);
    expect(wantProducts.length).toBeGreaterThan(0);
    expect(products.products.nodes.map((n: { id: number }) => n.id)).toEqual(wantProducts);

    const search = await t.gql(`{ customers(filter: { or: [{ name: { ilike: "%BEA%" } }, { email: { ilike: "%example.ORG" } }] }) { nodes { id } } }`);
    const wantSearch = await sqlIds(`SELECT id FROM customers WHERE name ILIKE '%BEA%' OR email ILIKE '%example.ORG' ORDER BY id`);
    expect(wantSearch).toEqual(f.customers.filter((c) => c.name.startsWith("Bea") || c.email.endsWith(".org")).map((c) => c.id));
    expect(search.customers.nodes.map((n: { id: number }) => n.id)).toEqual(wantSearch);

    // Customers with some order over 100 and none cancelled.
    const buyers = await t.gql(`{ customers(filter: { orders: { some: { total: { gt: "100" } }, none: { status: { eq: CANCELLED } } } }) { nodes { id } } }`);
    const wantBuyers = await sqlIds(
      `SELECT id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.total > 100)
         AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'CANCELLED') ORDER BY id`,
    );
    expect(buyers.customers.nodes.map((n: { id: number }) => n.id)).toEqual(wantBuyers);
  });

  it("lists categories with their products through the relation", async () => {
    const data = await t.gql(`{ categories(orderBy: [NAME_ASC]) { nodes { id name products(orderBy: [ID_ASC]) { totalCount nodes { id } } } } }`);
    expect(data.categories.nodes.map((c: { name: string }) => c.name)).toEqual(["Books", "Garden", "Toys"]);
    for (const c of data.categories.nodes) {
      const want = f.products.filter((p) => p.categoryId === c.id).map((p) => p.id);
      expect(c.products).toEqual({ totalCount: want.length, nodes: want.map((id) => ({ id })) });
    }
  });

  it("pages a customer's orders, newest first, through Customer.orders", async () => {
    const c = f.customers[0]!;
    const want = f.orders.filter((o) => o.customerId === c.id).sort((a, b) => b.orderedAt.getTime() - a.orderedAt.getTime() || a.id - b.id).map((o) => o.id);
    expect(want.length).toBeGreaterThan(6);
    const list = (args: string) => `customer(id: ${c.id}) { orders(${args}, orderBy: [ORDERED_AT_DESC]) { ${PAGE} } }`;
    const pick = (d: any) => d.customer.orders as Page;
    expect(await walk(list, pick, 3, "forward")).toEqual({ ids: want, pages: Math.ceil(want.length / 3), totalCount: want.length });
    expect((await walk(list, pick, 4, "backward")).ids).toEqual(want);
  });

  it("refuses a page larger than MAX_PAGE_SIZE instead of clamping it, at the root and in a relation", async () => {
    const err = await t.gqlError(`{ orders(first: ${MAX + 1}) { totalCount } }`);
    expect(err.extensions?.code).toBe("BAD_USER_INPUT");
    expect(err.message).toBe(`orders(first): first: ${MAX + 1} is more than the maximum page size ${MAX}; ask for at most ${MAX} and continue with after: pageInfo.endCursor`);
    const nested = await t.request(`{ gatewayInfo { version } customers(first: 1) { nodes { orders(last: ${MAX + 1}) { totalCount } } } }`);
    expect(nested.body.data).toEqual({ gatewayInfo: { version: t.app.services.version }, customers: null });
    expect(nested.body.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(nested.body.errors![0]!.message).toBe(
      `customers.nodes.orders(last): last: ${MAX + 1} is more than the maximum page size ${MAX}; ask for at most ${MAX} and continue with before: pageInfo.startCursor`,
    );
    // Without first or last a list is bounded too: the default page size is capped by MAX_PAGE_SIZE.
    const all = await t.gql(`{ orders { totalCount nodes { id } pageInfo { hasNextPage } } }`);
    expect(all.orders.nodes).toHaveLength(MAX);
    expect(all.orders.pageInfo.hasNextPage).toBe(true);
  });

  it("rejects enum values the shop does not have, in the document and in variables", async () => {
    const literal = await t.gqlError(`{ orders(filter: { status: { in: [SHIPPPED] } }) { totalCount } }`);
    expect(literal.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(literal.message).toMatch(/Value "SHIPPPED" does not exist in "OrderStatus" enum/);
    const variable = await t.gqlError(`query($f: OrderFilter) { orders(filter: $f) { totalCount } }`, { f: { channel: { eq: "FAX" } } });
    expect(variable.extensions?.code).toBe("BAD_USER_INPUT");
    expect(variable.message).toMatch(/Value "FAX" does not exist in "SalesChannel" enum/);
  });

  it("places, changes and removes an order through the generated mutations", async () => {
    const c = f.customers[1]!;
    const [p1, p2] = [f.products[0]!, f.products[1]!];
    const created = await t.gql(
      `mutation($c: Int!) { createOrder(input: { customerId: $c, status: PENDING, channel: MOBILE, orderedAt: "2025-08-01T10:00:00.123456Z", total: "27.50" }) { id status orderedAt customer { email } } }`,
      { c: c.id },
    );
    const id = created.createOrder.id;
    expect(created.createOrder).toMatchObject({ status: "PENDING", orderedAt: "2025-08-01T10:00:00.123456+00:00", customer: { email: c.email } });
    const items = await t.gql(
      `mutation($i: [OrderItemInput!]!) { createOrderItems(inputs: $i) { quantity discount product { sku } } }`,
      { i: [{ orderId: id, productId: p1.id, quantity: 1, unitPrice: p1.price.toFixed(2) }, { orderId: id, productId: p2.id, quantity: 3, unitPrice: p2.price.toFixed(2), discount: "0.25" }] },
    );
    expect(items.createOrderItems).toEqual([
      { quantity: 1, discount: "0.000", product: { sku: p1.sku } },
      { quantity: 3, discount: "0.250", product: { sku: p2.sku } },
    ]);
    const paid = await t.gql(`mutation($id: Int!) { updateOrder(id: $id, patch: { status: PAID }) { status orderItems { totalCount } } }`, { id });
    expect(paid.updateOrder).toEqual({ status: "PAID", orderItems: { totalCount: 2 } });
    const removed = await t.gql(`mutation($id: Int!) { deleteOrder(id: $id) { id status } }`, { id });
    expect(removed.deleteOrder).toEqual({ id, status: "PAID" });
    // The items went with it (ON DELETE CASCADE), and the order no longer answers.
    expect(await sqlIds(`SELECT id FROM order_items WHERE order_id = $1`, [id])).toEqual([]);
    expect((await t.gql(`query($id: Int!) { order(id: $id) { id } }`, { id })).order).toBeNull();
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
