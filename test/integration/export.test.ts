import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { seedShop, type ShopFixture } from "../helpers/shop-fixture.js";

const EXTRA_ORDERS = 5_000;
/** Exports carry timestamps with PostgreSQL's full microsecond precision. */
const isoMicros = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

describe.each(backendNames())("streaming export on %s", (backend) => {
  let t: TestGateway;
  let f: ShopFixture;
  beforeAll(async () => {
    t = await startTestGateway(backend);
    f = await seedShop(t.app.services.db, 30);
    await t.app.services.db.query(`INSERT INTO categories (name) VALUES ($1)`, [`Pots, "pans"`]);
    // Enough rows for many cursor batches.
    await t.app.services.db.query(
      `INSERT INTO orders (customer_id, status, channel, ordered_at, total)
       SELECT $1::int, 'PAID', 'STORE', timestamptz '2024-06-01' + g * interval '1 minute', (g % 1000) / 10.0
       FROM generate_series(1, $2::int) AS g`,
      [f.customers[0]!.id, EXTRA_ORDERS],
    );
    // Far more than socket buffers hold, so an export of it is still mid-stream when a client leaves.
    await t.app.services.db.query(
      `INSERT INTO customers (email, name, country, city, segment)
       SELECT 'bulk' || g || '@example.net', repeat('long name ', 50) || g, 'DE', 'Berlin', 'CONSUMER' FROM generate_series(1, 60000) AS g`,
    );
  });
  afterAll(async () => t?.close());

  const get = (path: string) => fetch(`${t.gateway.url}${path}`);

  it("streams every order as NDJSON, in id order, with JSON numbers and ISO dates", async () => {
    const res = await get("/export/orders");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines).toHaveLength(f.orders.length + EXTRA_ORDERS);
    const rows = lines.map((l) => JSON.parse(l));
    expect(Object.keys(rows[0])).toEqual(["id", "customer_id", "status", "channel", "ordered_at", "total"]);
    const o = f.orders[4]!;
    expect(rows[4]).toEqual({ id: o.id, customer_id: o.customerId, status: o.status, channel: o.channel, ordered_at: isoMicros(o.orderedAt), total: o.total });
    const ids = rows.map((r) => r.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.at(-1).total).toBe((EXTRA_ORDERS % 1000) / 10);
  });

  it("streams chosen columns as CSV, by Prisma model and field names, quoting as CSV requires", async () => {
    const res = await get("/export/Order?format=csv&columns=id,orderedAt,total");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="orders.csv"`);
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("id,ordered_at,total");
    expect(lines).toHaveLength(1 + f.orders.length + EXTRA_ORDERS);
    const o = f.orders[2]!;
    expect(lines[3]).toBe(`${o.id},${isoMicros(o.orderedAt)},${o.total.toFixed(2)}`);

    const repeated = await (await get("/export/products?format=csv&columns=sku&columns=stock")).text();
    expect(repeated.split("\n").slice(0, 2)).toEqual(["sku,stock", `${f.products[0]!.sku},${f.products[0]!.stock}`]);

    const cats = await (await get("/export/categories?format=csv&columns=name")).text();
    expect(cats.trimEnd().split("\n")).toEqual(["name", "Books", "Garden", "Toys", `"Pots, ""pans"""`]);
  });

  it("exports an empty result as just the CSV header", async () => {
    await t.app.services.db.query(`DELETE FROM reviews`);
    const res = await get("/export/reviews?format=csv&columns=id,rating");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("id,rating\n");
  });

  it("answers 400 naming an unknown table and listing the valid ones; never exports internal tables", async () => {
    for (const table of ["nope", "_prisma_migrations"]) {
      const res = await get(`/export/${table}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
      expect(body.errors[0]!.message).toBe(
        `Unknown table "${table}". Exportable tables: categories (Category), customers (Customer), order_items (OrderItem), orders (Order), products (Product), reviews (Review).`,
      );
      expect(body.errors[0]!.extensions.validTables).toEqual(["categories", "customers", "order_items", "orders", "products", "reviews"]);
    }
  });

  it("answers 400 naming unknown columns and listing the valid ones", async () => {
    const res = await get("/export/products?columns=id,colour,weight");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.message).toBe(
      `Unknown columns "colour", "weight" in products. Valid columns: id, sku, name, category_id, price, cost, stock, reorder_level, active, created_at.`,
    );
    expect(body.errors[0]!.extensions.unknownColumns).toEqual(["colour", "weight"]);
    const fmt = await get("/export/products?format=xlsx");
    expect(fmt.status).toBe(400);
    expect(((await fmt.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(`Unknown format "xlsx". Use one of: ndjson, csv.`);
  });

  it("lists exportable tables and columns at GET /export", async () => {
    const body = (await (await get("/export")).json()) as { tables: Array<{ name: string; model: string; columns: string[] }> };
    expect(body.tables.find((x) => x.name === "order_items")).toEqual({ name: "order_items", model: "OrderItem", columns: ["id", "order_id", "product_id", "quantity", "unit_price", "discount"] });
  });

  it("exports a user table created after the gateway started, without a Prisma model, but never the gateway's own tables", async () => {
    await t.app.services.db.query(
      `CREATE TABLE sensor_readings (id bigint PRIMARY KEY, device uuid NOT NULL, reading numeric(12,4), taken_at timestamptz NOT NULL, day date, tags jsonb, note text)`,
    );
    await t.app.services.db.query(
      `INSERT INTO sensor_readings VALUES
        (9007199254740993, '0b7c1a4e-3f7d-4a55-9d43-2f1b8e6c9a10', 12.3456, '2025-03-04T05:06:07.123456Z', '2025-03-04', '{"a":[1,2]}', 'tab\there, "quoted"'),
        (2, '5f0e8c2a-1111-4bbb-8ccc-000000000002', NULL, '2025-01-01T00:00:00Z', NULL, NULL, NULL)`,
    );
    const nd = (await (await get("/export/sensor_readings")).text()).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(nd).toEqual([
      { id: "2", device: "5f0e8c2a-1111-4bbb-8ccc-000000000002", reading: null, taken_at: "2025-01-01T00:00:00.000000Z", day: null, tags: null, note: null },
      { id: "9007199254740993", device: "0b7c1a4e-3f7d-4a55-9d43-2f1b8e6c9a10", reading: 12.3456, taken_at: "2025-03-04T05:06:07.123456Z", day: "2025-03-04", tags: { a: [1, 2] }, note: 'tab\there, "quoted"' },
    ]);
    const csv = await (await get("/export/sensor_readings?format=csv&columns=id,reading,note")).text();
    expect(csv).toBe(`id,reading,note\n2,,\n9007199254740993,12.3456,"tab\there, ""quoted"""\n`);

    const listed = (await (await get("/export")).json()) as { tables: Array<{ name: string }> };
    const names = listed.tables.map((x) => x.name);
    expect(names).toContain("sensor_readings");
    for (const own of ["jobs", "rejected_records", "query_log", "ml_models", "predictions", "_prisma_migrations"]) {
      expect(names).not.toContain(own);
      expect((await get(`/export/${own}`)).status).toBe(400);
    }
  });

  it("orders rows by the numeric value of a bigint id, not by its text", async () => {
    await t.app.services.db.query(`CREATE TABLE big_ids (id bigint PRIMARY KEY, label text)`);
    await t.app.services.db.query(`INSERT INTO big_ids SELECT i, 'row ' || i FROM generate_series(1, 12) AS i`);
    const ids = (await (await get("/export/big_ids")).text()).trimEnd().split("\n").map((l) => JSON.parse(l).id);
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    const csv = (await (await get("/export/big_ids?format=csv&columns=id")).text()).trimEnd().split("\n").slice(1);
    expect(csv).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
  });

  it("releases the cursor or COPY and its connection when the client hangs up mid-stream", async () => {
    const res = await get("/export/customers?format=csv");
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const db = t.app.services.db;
    const open = async () => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_cursors WHERE name LIKE 'kz_stream_%'`)).rows[0]!.n);
    // PostgreSQL: the backends of this database running the export's COPY, and whether one of them is still there.
    const copyBackends = async () =>
      (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE 'COPY (%'`)).rows.map((r) => r.pid);
    const alive = async (pid: number) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0]!.n) > 0;
    // The server must still be mid-stream, or this test proves nothing.
    let copyPid = 0;
    if (backend === "pglite") expect(await open()).toBe(1);
    else {
      expect(db.poolStats().inUse).toBe(1);
      const pids = await copyBackends();
      expect(pids).toHaveLength(1);
      copyPid = pids[0]!;
    }
    await reader.cancel();
    // Wait (bounded) for the server to notice the closed socket and close the cursor.
    for (let i = 0; i < 100 && t.app.services.db.poolStats().inUse > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(t.app.services.db.poolStats().inUse).toBe(0);
    if (backend === "postgres") {
      // The COPY's connection is dropped, not pooled half-read, and its backend has ended rather than wait on a socket nobody reads.
      for (let i = 0; i < 100 && (await alive(copyPid)); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await alive(copyPid)).toBe(false);
    }
    if (backend === "pglite") {
      // One session: the export's WITH HOLD cursor would still be listed here if it leaked.
      for (let i = 0; i < 100 && (await open()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await open()).toBe(0);
    }
    const again = await get("/export/orders?columns=id");
    expect((await again.text()).trimEnd().split("\n")).toHaveLength(f.orders.length + EXTRA_ORDERS);
  });
});
