/**
 * The README's machine-learning demo, run as written on a small demo shop
 * generated here with a known signal: MOBILE orders of ENTERPRISE customers are
 * usually cancelled or refunded, and totals are the sum of their items.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { DEMO_MODEL, DEMO_PIPELINE, DEMO_PREDICT_CANCEL, DEMO_TRAIN_CANCEL, DEMO_TRAIN_TOTAL } from "../helpers/ml-demo-docs.js";

async function miniShop(t: TestGateway) {
  const db = t.app.services.db;
  await db.query(`INSERT INTO customers (email, name, country, city, segment)
    SELECT 'c' || i || '@shop.test', 'Customer ' || i, (ARRAY['DE','US','FR','GB'])[1 + i % 4], 'City', (ARRAY['CONSUMER','SMB','ENTERPRISE'])[1 + i % 3]::"CustomerSegment"
      FROM generate_series(1, 300) AS i`);
  await db.query(`INSERT INTO categories (name) VALUES ('Tools'), ('Toys')`);
  await db.query(`INSERT INTO products (sku, name, category_id, price, cost, stock, reorder_level)
    SELECT 'SKU-' || i, 'Product ' || i, 1 + i % 2, 5 + i * 3, 2 + i, 100, 10 FROM generate_series(1, 30) AS i`);
  await db.query(`INSERT INTO orders (customer_id, status, channel, ordered_at, total)
    SELECT 1 + (i * 7) % 300, 'DELIVERED', (ARRAY['WEB','MOBILE','STORE'])[1 + i % 3]::"SalesChannel", now() - (i % 700 || ' days')::interval, 0
      FROM generate_series(1, 3000) AS i`);
  await db.query(`INSERT INTO order_items (order_id, product_id, quantity, unit_price, discount)
    SELECT o.id, 1 + (o.id * k) % 30, 1 + (o.id + k) % 4, p.price, CASE WHEN (o.id + k) % 5 = 0 THEN 0.1 ELSE 0 END
      FROM orders o CROSS JOIN generate_series(1, 3) AS k JOIN products p ON p.id = 1 + (o.id * k) % 30 WHERE k <= 1 + o.id % 3`);
  await db.query(`UPDATE orders o SET total = s.t FROM (SELECT order_id, round(sum(quantity * unit_price * (1 - discount)), 2) AS t FROM order_items GROUP BY 1) s WHERE s.order_id = o.id`);
  // The signal: MOBILE orders of ENTERPRISE customers are mostly cancelled or refunded; a few others too.
  await db.query(`UPDATE orders o SET status = CASE WHEN o.id % 2 = 0 THEN 'CANCELLED' ELSE 'REFUNDED' END::"OrderStatus"
    FROM customers c WHERE c.id = o.customer_id AND ((o.channel = 'MOBILE' AND c.segment = 'ENTERPRISE' AND o.id % 10 <> 0) OR o.id % 37 = 0)`);
  await db.query(`UPDATE orders SET status = 'PENDING' WHERE id % 50 = 1 AND status = 'DELIVERED'`);
  await t.app.services.catalog.refresh();
}

describe.each(backendNames())("README machine-learning demo on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false" }, { demoTables: true });
    await miniShop(t);
  });
  afterAll(async () => t?.close());

  it("predicts whether an order will be cancelled or refunded", async () => {
    const { trainModel } = await t.gql(DEMO_TRAIN_CANCEL);
    expect(trainModel).toMatchObject({ status: "SUCCEEDED", result: { model: "order-cancel-risk", version: 1, activated: true, keyMetric: { name: "rocAuc" } } });
    expect(trainModel.result.keyMetric.value).toBeGreaterThan(0.85);
    const { predict } = await t.gql(DEMO_PREDICT_CANCEL);
    expect(predict).toMatchObject({ prediction: "true", model: "order-cancel-risk", version: 1 });
  });

  it("predicts an order's total from its items and customer", async () => {
    const { trainModel } = await t.gql(DEMO_TRAIN_TOTAL);
    expect(trainModel.status).toBe("SUCCEEDED");
    const { model } = await t.gql(DEMO_MODEL);
    expect(model.metrics.r2).toBeGreaterThan(0.8);
    expect(model.metrics.rmse).toBeLessThan(model.metrics.baseline.rmse / 2);
  });

  it("runs the nightly pipeline: quality gate, train, predictions for open orders", async () => {
    const { runPipeline } = await t.gql(DEMO_PIPELINE);
    expect(runPipeline).toMatchObject({ status: "SUCCEEDED", error: null });
    const open = Number((await t.app.services.db.query<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE status IN ('PENDING', 'PAID')`)).rows[0]!.n);
    const written = Number((await t.app.services.db.query<{ n: string }>(`SELECT count(*) AS n FROM kaizen.predictions WHERE model_name = 'order-risk-nightly'`)).rows[0]!.n);
    expect(open).toBeGreaterThan(0);
    expect(written).toBe(open);
  });
});
