/** The exact GraphQL documents of the README's machine-learning demo ("### Demo on the shop"), shared by the tests that run them. */
export const DEMO_TRAIN_CANCEL = /* GraphQL */ `mutation {
  trainModel(input: {
    name: "order-cancel-risk"
    source: { sql: "SELECT o.status, o.channel, o.ordered_at, o.total, c.segment, c.country, extract(epoch FROM o.ordered_at - c.created_at) / 86400 AS customer_days, count(*) AS lines, max(i.discount) AS max_discount FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id GROUP BY o.id, c.id" }
    target: "status"
    targetPositive: ["CANCELLED", "REFUNDED"]
  }, waitMs: 120000) { id status error result }
}`;

export const DEMO_PREDICT_CANCEL = /* GraphQL */ `query {
  predict(model: "order-cancel-risk", input: {
    channel: "MOBILE", ordered_at: "2026-11-02T10:00:00Z", total: 240.5, segment: "ENTERPRISE", country: "DE", customer_days: 12, lines: 2, max_discount: 0.25
  }) { prediction probabilities { label probability } model version latencyMs }
}`;

export const DEMO_TRAIN_TOTAL = /* GraphQL */ `mutation {
  trainModel(input: {
    name: "order-total"
    source: { sql: "SELECT o.total, o.channel, c.segment, count(*) AS lines, sum(i.quantity) AS units, avg(i.unit_price) AS avg_unit_price, avg(i.discount) AS avg_discount FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id GROUP BY o.id, c.id" }
    target: "total"
    algorithm: GRADIENT_BOOSTING
  }, waitMs: 120000) { id status error result }
}`;

export const DEMO_MODEL = /* GraphQL */ `query {
  model(name: "order-total") { version algorithm rowsUsed trainingMs keyMetric { name value } metrics featureImportance { feature importance } }
}`;

export const DEMO_PIPELINE = /* GraphQL */ `mutation {
  runPipeline(input: {
    name: "nightly-cancel-risk"
    steps: [
      { qualityGate: { table: "orders", minScore: 80 } }
      { train: {
          name: "order-risk-nightly"
          source: { sql: "SELECT o.status, o.channel, o.ordered_at, o.total, c.segment, c.country, extract(epoch FROM o.ordered_at - c.created_at) / 86400 AS customer_days, count(*) AS lines, max(i.discount) AS max_discount FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id GROUP BY o.id, c.id" }
          target: "status", targetPositive: ["CANCELLED", "REFUNDED"] } }
      { batchInference: {
          model: "order-risk-nightly"
          source: {
            sql: "SELECT o.id, o.channel, o.ordered_at, o.total, c.segment, c.country, extract(epoch FROM o.ordered_at - c.created_at) / 86400 AS customer_days, count(*) AS lines, max(i.discount) AS max_discount FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_items i ON i.order_id = o.id WHERE o.status IN ('PENDING', 'PAID') GROUP BY o.id, c.id"
            key: "id" }
        } }
    ]
  }, waitMs: 240000) { id status error message }
}`;
