/**
 * The demo shop through the generated API: sensible names (Order, orders, order(id), Order.customer,
 * Customer.orders, Order.orderItems), descriptions from the demo's COMMENT ON, and the nested order
 * page the bench measures answered in one statement, equal to the same question asked in SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLObjectType } from "graphql";
import { backendNames } from "../helpers/backends.js";
import { startDataApi, type DataApiHarness } from "../helpers/dataapi.js";
import { seedDemoShop } from "../helpers/demo-seed.js";

describe.each(backendNames())("demo shop through the data API on %s", (backend) => {
  let h: DataApiHarness;
  beforeAll(async () => {
    h = await startDataApi(backend, {
      schemas: ["public"],
      mode: "alone",
      prepare: async (app) => void (await seedDemoShop(app.services.db)),
    });
  });
  afterAll(async () => h?.close());

  it("names the shop's types and fields as a person would", () => {
    expect(Object.keys(h.api.query).sort()).toEqual(
      ["categories", "category", "categoryByName", "customer", "customerByEmail", "customers", "order", "orderItem", "orderItems", "orders", "product", "productBySku", "products", "review", "reviews"].sort(),
    );
    const order = h.schema.getType("Order") as GraphQLObjectType;
    expect(Object.keys(order.getFields())).toEqual(expect.arrayContaining(["id", "customerId", "status", "orderedAt", "total", "customer", "orderItems"]));
    const customer = h.schema.getType("Customer") as GraphQLObjectType;
    expect(Object.keys(customer.getFields())).toEqual(expect.arrayContaining(["orders", "reviews"]));
    expect(Object.keys((h.schema.getType("Product") as GraphQLObjectType).getFields())).toEqual(expect.arrayContaining(["category", "orderItems", "reviews"]));
    expect(h.schema.getType("OrderStatus")).toBeDefined();
    expect(h.schema.getQueryType()!.getFields().order!.args.map((a) => `${a.name}: ${a.type}`)).toEqual(["id: Int!"]);
    expect(h.api.query.order!.extensions).toEqual({ cacheTables: ["categories", "customers", "order_items", "orders", "products", "reviews"] });
    expect(customer.description).toBeTruthy();
  });

  it("answers the nested order page in one statement, as SQL does", async () => {
    const before = h.sent.length;
    const data = await h.gql(`{ orders(first: 20, orderBy: [ORDERED_AT_DESC]) { totalCount nodes { id status total orderedAt customer { id email } orderItems { nodes { quantity unitPrice product { sku category { name } } } } } } }`);
    expect(h.sent.slice(before).filter((s) => s.includes(`"public".`))).toHaveLength(1);
    const want = await h.app.services.db.query<{ j: any }>(
      `SELECT json_build_object('id', o.id, 'status', o.status, 'total', o.total::text, 'orderedAt', o.ordered_at,
              'customer', json_build_object('id', c.id, 'email', c.email),
              'orderItems', json_build_object('nodes', coalesce((SELECT json_agg(json_build_object('quantity', i.quantity, 'unitPrice', i.unit_price::text,
                   'product', json_build_object('sku', p.sku, 'category', json_build_object('name', k.name))) ORDER BY i.id)
                 FROM order_items i JOIN products p ON p.id = i.product_id JOIN categories k ON k.id = p.category_id WHERE i.order_id = o.id), '[]'))) AS j
         FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.ordered_at DESC, o.id LIMIT 20`,
    );
    const total = await h.app.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders`);
    expect(data.orders.totalCount).toBe(total.rows[0]!.n);
    expect(data.orders.nodes).toEqual(want.rows.map((r) => r.j));
    expect(data.orders.nodes[0].orderedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  });

  it("looks an order up by id and says null for one that does not exist", async () => {
    const body = await h.request(`{ order(id: 99999999) { id } customerByEmail(email: "customer1@example.com") { id orders(first: 2) { totalCount nodes { id } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.order).toBeNull();
    expect(body.data!.customerByEmail.id).toBe(1);
  });
});
