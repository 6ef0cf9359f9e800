import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

const catalogQuery = `query($refresh: Boolean) { catalog(refresh: $refresh) { version tables { schema name modelName description synonyms rowEstimate primaryKey
  definitions { term meaning }
  columns { name fieldName sqlType kind nullable isPrimaryKey isUnique enumValues description synonyms knownValues references { schema table column } } } } }`;

type Cat = { catalog: { version: string; tables: Array<Record<string, any>> } };

describe.each(backendNames())("catalog on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, {}, { demoTables: true });
    const db = t.app.services.db;
    await db.query(`INSERT INTO categories (name) VALUES ('Electronics'), ('Books')`);
    await db.query(`INSERT INTO customers (email, name, country, city, segment) VALUES
      ('a@x.test', 'Ada', 'DE', 'Berlin', 'SMB'), ('b@x.test', 'Bob', 'US', 'Boston', 'CONSUMER'), ('c@x.test', 'Cy', 'DE', 'Bonn', 'CONSUMER')`);
  });
  afterAll(async () => t?.close());

  it("lists the demo tables with columns, keys, enums and doc comments, never gateway tables", async () => {
    const { catalog } = await t.gql<Cat>(catalogQuery);
    const names = catalog.tables.map((x) => x.name).sort();
    expect(names).toEqual(["categories", "customers", "order_items", "orders", "products", "reviews"]);
    expect(names).not.toContain("_prisma_migrations");

    const orders = catalog.tables.find((x) => x.name === "orders")!;
    expect(orders.modelName).toBe("Order");
    expect(orders.schema).toBe("public");
    expect(orders.primaryKey).toEqual(["id"]);
    expect(orders.synonyms).toEqual(["purchases", "sales", "transactions"]);
    expect(orders.description).toBe("A customer's order.");
    const revenue = orders.definitions.find((d: any) => d.term === "revenue");
    expect(revenue.meaning).toMatch(/sum of orders\.total over orders whose status is not CANCELLED or REFUNDED/);
    expect(orders.definitions.map((d: any) => d.term)).toContain("sales");

    const status = orders.columns.find((c: any) => c.name === "status");
    expect(status).toMatchObject({ kind: "enum", sqlType: "OrderStatus", nullable: false, enumValues: ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"] });
    const customerId = orders.columns.find((c: any) => c.name === "customer_id");
    expect(customerId).toMatchObject({ fieldName: "customerId", kind: "integer", references: { schema: "public", table: "customers", column: "id" } });
    const orderedAt = orders.columns.find((c: any) => c.name === "ordered_at");
    expect(orderedAt).toMatchObject({ kind: "timestamp", sqlType: "timestamp(6) with time zone", synonyms: ["order date", "placed"] });
    const total = orders.columns.find((c: any) => c.name === "total");
    expect(total).toMatchObject({ kind: "number", sqlType: "numeric(12,2)", synonyms: ["amount", "value"] });

    const customers = catalog.tables.find((x) => x.name === "customers")!;
    const email = customers.columns.find((c: any) => c.name === "email");
    expect(email).toMatchObject({ isUnique: true, knownValues: null, kind: "text" });
    const id = customers.columns.find((c: any) => c.name === "id");
    expect(id).toMatchObject({ isPrimaryKey: true, isUnique: true });
    expect(customers.synonyms).toContain("clients");
    expect(customers.rowEstimate).toBe(3);
    const createdAt = customers.columns.find((c: any) => c.name === "created_at");
    expect(createdAt.description).toBe("Signup time: when the customer registered.");
    expect(createdAt.synonyms).toEqual(["signed up", "joined", "registered"]);
  });

  it("indexes the distinct values of low-cardinality columns", async () => {
    const { catalog } = await t.gql<Cat>(catalogQuery);
    const customers = catalog.tables.find((x) => x.name === "customers")!;
    expect(customers.columns.find((c: any) => c.name === "country").knownValues).toEqual(["DE", "US"]);
    expect(customers.columns.find((c: any) => c.name === "segment").knownValues).toEqual(["CONSUMER", "SMB"]);
    const categories = catalog.tables.find((x) => x.name === "categories")!;
    // name is unique but the only text column of a lookup table: its values are labels users say ("electronics").
    expect(categories.columns.find((c: any) => c.name === "name").knownValues).toEqual(["Books", "Electronics"]);
  });

  it("changes its version on refresh only when the content changed", async () => {
    const before = (await t.gql<Cat>(catalogQuery, { refresh: true })).catalog.version;
    expect((await t.gql<Cat>(catalogQuery, { refresh: true })).catalog.version).toBe(before);
    await t.app.services.db.query(`INSERT INTO customers (email, name, country, city, segment) VALUES ('d@x.test', 'Di', 'FR', 'Paris', 'ENTERPRISE')`);
    // Without refresh the cached catalog is served.
    expect((await t.gql<Cat>(catalogQuery)).catalog.version).toBe(before);
    const after = await t.gql<Cat>(catalogQuery, { refresh: true });
    expect(after.catalog.version).not.toBe(before);
    const customers = after.catalog.tables.find((x) => x.name === "customers")!;
    expect(customers.columns.find((c: any) => c.name === "country").knownValues).toEqual(["DE", "FR", "US"]);
  });

  it("resolves tables by SQL or model name and columns by SQL or field name", async () => {
    const svc = t.app.services.catalog;
    await svc.get();
    expect(svc.table("OrderItem")?.name).toBe("order_items");
    expect(svc.table("public.order_items")?.modelName).toBe("OrderItem");
    expect(svc.table("ORDERS")?.name).toBe("orders");
    expect(svc.table("jobs")).toBeUndefined();
    expect(svc.column("OrderItem", "unitPrice")?.name).toBe("unit_price");
    expect(svc.column("orders", "ordered_at")?.fieldName).toBe("orderedAt");
    expect(svc.column("orders", "nope")).toBeUndefined();
  });
});

describe.each(backendNames())("the demo's documentation belongs to the demo's tables (%s)", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { NL_SCHEMAS: "public,crm" }, { demoTables: true });
    await t.app.services.db.query(`CREATE SCHEMA crm`);
    await t.app.services.db.query(`CREATE TABLE crm.customers (id int PRIMARY KEY, email text, created_at timestamptz, segment text)`);
    await t.app.services.db.query(`CREATE TABLE crm.orders (id int PRIMARY KEY, customer_id int REFERENCES crm.customers(id), total numeric)`);
  });
  afterAll(async () => t?.close());

  it("gives a customers table in another schema none of it", async () => {
    const { catalog } = await t.gql<Cat>(catalogQuery, { refresh: true });
    const crm = catalog.tables.find((x) => x.schema === "crm" && x.name === "customers")!;
    expect(crm).toMatchObject({ modelName: null, description: null, synonyms: [], definitions: [] });
    expect(crm.columns.map((c: any) => [c.name, c.fieldName, c.description, c.synonyms])).toEqual([
      ["id", null, null, []],
      ["email", null, null, []],
      ["created_at", null, null, []],
      ["segment", null, null, []],
    ]);
    const crmOrders = catalog.tables.find((x) => x.schema === "crm" && x.name === "orders")!;
    expect(crmOrders).toMatchObject({ modelName: null, description: null, synonyms: [], definitions: [] });
    // …while the demo's keep theirs.
    const demo = catalog.tables.find((x) => x.schema === "public" && x.name === "customers")!;
    expect(demo).toMatchObject({ modelName: "Customer", description: "A person or company that buys from the shop." });
    expect(t.app.services.catalog.table("crm.customers")?.modelName).toBeNull();
  });
});

describe.each(backendNames())("catalog of a non-public schema on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { NL_SCHEMAS: "library", NL_VALUE_INDEX_MAX_DISTINCT: "3" }, { demoTables: true });
    const db = t.app.services.db;
    await db.query(`CREATE SCHEMA library`);
    await db.query(`CREATE TYPE library.loan_state AS ENUM ('OPEN', 'RETURNED', 'LOST')`);
    await db.query(`CREATE TABLE library.authors (id serial PRIMARY KEY, name text NOT NULL, country text)`);
    await db.query(`CREATE TABLE library.books (id serial PRIMARY KEY, isbn text UNIQUE, title text NOT NULL, genre text, author_id int REFERENCES library.authors(id), pages int, published date)`);
    await db.query(`CREATE TABLE library.loans (id serial PRIMARY KEY, book_id int NOT NULL REFERENCES library.books(id), state library.loan_state NOT NULL DEFAULT 'OPEN', due timestamptz)`);
    await db.query(`COMMENT ON TABLE library.books IS 'A book in the collection. Synonyms: titles, volumes.'`);
    await db.query(`COMMENT ON COLUMN library.books.pages IS 'Number of pages. Synonyms: length.'`);
    await db.query(`COMMENT ON TABLE library.loans IS 'A book lent to a member.
Definition: overdue (also "late") is a loan whose due time has passed and whose state is OPEN.'`);
    await db.query(`INSERT INTO library.authors (name, country) VALUES ('Ann', 'NO'), ('Ben', 'SE')`);
    await db.query(`INSERT INTO library.books (isbn, title, genre, author_id, pages) VALUES
      ('1', 'A', 'crime', 1, 100), ('2', 'B', 'poetry', 2, 50), ('3', 'C', 'crime', 1, 300), ('4', 'D', 'drama', 1, 10), ('5', 'E', 'essay', 2, 20)`);
    await db.query(`INSERT INTO library.loans (book_id, state) VALUES (1, 'OPEN'), (2, 'LOST')`);
  });
  afterAll(async () => t?.close());

  it("exposes every table of the configured schema with comments, keys and enum values", async () => {
    const { catalog } = await t.gql<Cat>(catalogQuery, { refresh: true });
    expect(catalog.tables.map((x) => `${x.schema}.${x.name}`).sort()).toEqual(["library.authors", "library.books", "library.loans"]);
    const books = catalog.tables.find((x) => x.name === "books")!;
    expect(books.modelName).toBeNull();
    expect(books.description).toBe("A book in the collection.");
    expect(books.synonyms).toEqual(["titles", "volumes"]);
    expect(books.columns.find((c: any) => c.name === "author_id").references).toEqual({ schema: "library", table: "authors", column: "id" });
    expect(books.columns.find((c: any) => c.name === "pages")).toMatchObject({ description: "Number of pages.", synonyms: ["length"], kind: "integer" });
    expect(books.columns.find((c: any) => c.name === "isbn").isUnique).toBe(true);
    // 4 distinct genres exceed NL_VALUE_INDEX_MAX_DISTINCT=3, so no value list.
    expect(books.columns.find((c: any) => c.name === "genre").knownValues).toBeNull();
    const loans = catalog.tables.find((x) => x.name === "loans")!;
    expect(loans.columns.find((c: any) => c.name === "state")).toMatchObject({ kind: "enum", enumValues: ["OPEN", "RETURNED", "LOST"], knownValues: ["LOST", "OPEN"] });
    expect(loans.definitions.map((d: any) => d.term).sort()).toEqual(["late", "overdue"]);
    const authors = catalog.tables.find((x) => x.name === "authors")!;
    expect(authors.columns.find((c: any) => c.name === "country").knownValues).toEqual(["NO", "SE"]);
  });

  it("honours an explicit NL_TABLES allow-list and never exposes gateway tables", async () => {
    const t2 = await startTestGateway(backend, { NL_TABLES: "orders,public.customers,_prisma_migrations" }, { demoTables: true });
    try {
      const { catalog } = await t2.gql<Cat>(catalogQuery);
      expect(catalog.tables.map((x) => x.name).sort()).toEqual(["customers", "orders"]);
    } finally {
      await t2.close();
    }
  });
});
