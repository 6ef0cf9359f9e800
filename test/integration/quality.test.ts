import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

const REPORT = `query($t: String!, $c: [String!], $r: [QualityRuleInput!]) { dataQuality(table: $t, columns: $c, rules: $r) {
  id table rowCount score
  columns { name type kind nullCount nullShare distinctCount distinctApproximate min max mean stddev topValues { value count }
    violations { rule source count share examples detail } outliers { count share lower upper } }
  deductions { column check points reason }
} }`;

/** 100 rows with planted problems: 4 bad e-mails, 3 negative quantities, 2 future signups, 2 repeated SKUs, 1 SKU off-pattern, 3 orphaned owners, 1 price outlier, 10 missing notes. */
async function plant(t: TestGateway) {
  const db = t.app.services.db;
  await db.query(`CREATE TABLE q_owner (id int PRIMARY KEY)`);
  await db.query(`INSERT INTO q_owner SELECT generate_series(1, 5)`);
  await db.query(`CREATE TABLE q_items (id serial PRIMARY KEY, email text, quantity int, signed_up_at timestamptz, sku text, owner_id int, price numeric(10,2), note text)`);
  await db.query(`INSERT INTO q_items (email, quantity, signed_up_at, sku, owner_id, price, note)
    SELECT CASE WHEN i IN (3, 30, 60, 90) THEN 'not-an-email-' || i ELSE 'user' || i || '@example.com' END,
           CASE WHEN i IN (5, 50, 95) THEN -2 ELSE 1 + i % 10 END,
           CASE WHEN i IN (7, 70) THEN now() + interval '30 days' ELSE now() - (i || ' days')::interval END,
           CASE WHEN i IN (11, 12) THEN 'SKU-1' WHEN i = 13 THEN 'bad' ELSE 'SKU-' || i END,
           CASE WHEN i IN (20, 40, 80) THEN 99 ELSE 1 + i % 5 END,
           CASE WHEN i = 42 THEN 10000 ELSE 10 + (i % 10) END,
           CASE WHEN i % 10 = 0 THEN NULL ELSE 'note' END
      FROM generate_series(1, 100) AS i`);
  // NOT VALID: the constraint is declared, but rows already there are not checked, so orphans exist.
  await db.query(`ALTER TABLE q_items ADD CONSTRAINT q_items_owner_fk FOREIGN KEY (owner_id) REFERENCES q_owner(id) NOT VALID`);
}

describe.each(backendNames())("data quality on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false" }, { demoTables: true });
    await plant(t);
  });
  afterAll(async () => t?.close());

  it("finds every planted problem and explains each deduction", async () => {
    const { dataQuality: r } = await t.gql(REPORT, { t: "q_items", r: [{ column: "sku", rule: "PATTERN", pattern: "^SKU-[0-9]+$" }] });
    expect(r.rowCount).toBe(100);
    const col = (n: string) => r.columns.find((c: { name: string }) => c.name === n);
    const v = (n: string, rule: string) => col(n).violations.find((x: { rule: string }) => x.rule === rule);
    expect(v("email", "EMAIL")).toMatchObject({ count: 4, share: 0.04, source: "name and type", examples: ["not-an-email-3", "not-an-email-30", "not-an-email-60"] });
    expect(v("quantity", "NON_NEGATIVE")).toMatchObject({ count: 3, examples: ["-2", "-2", "-2"] });
    expect(v("signed_up_at", "PAST")).toMatchObject({ count: 2, detail: "2 value(s) in the future" });
    expect(v("sku", "UNIQUE")).toMatchObject({ count: 2, examples: ["SKU-1 (×3)"] });
    expect(v("sku", "PATTERN")).toMatchObject({ count: 1, source: "input", examples: ["bad"] });
    expect(v("owner_id", "FOREIGN_KEY")).toMatchObject({ count: 3, examples: ["99", "99", "99"], detail: "3 value(s) point to no row of q_owner.id" });
    expect(col("price").outliers).toMatchObject({ count: 1 });
    expect(col("note")).toMatchObject({ nullCount: 10, nullShare: 0.1, distinctCount: 1, topValues: [{ value: "note", count: 90 }] });
    expect(col("quantity")).toMatchObject({ min: "-2", max: "10" });
    expect(col("id").violations).toEqual([]);

    const d = (check: string, column: string) => r.deductions.find((x: { check: string; column: string }) => x.check === check && x.column === column);
    expect(d("EMAIL", "email")).toEqual({ column: "email", check: "EMAIL", points: 4, reason: "email: 4 value(s) not an e-mail address (4% of rows; rule from name and type)" });
    expect(d("FOREIGN_KEY", "owner_id").points).toBe(3);
    expect(d("NULLS", "note")).toEqual({ column: "note", check: "NULLS", points: 1, reason: "note: 10 missing value(s) (10% of rows)" });
    expect(d("OUTLIERS", "price").reason).toMatch(/^price: 1 value\(s\) outside the IQR fences/);
    const total = r.deductions.reduce((a: number, x: { points: number }) => a + x.points, 0);
    expect(r.score).toBeCloseTo(100 - total, 1);
    expect(r.score).toBeLessThan(90);
  });

  it("scores a clean table 100 and keeps a history", async () => {
    const clean = await t.gql(REPORT, { t: "q_owner" });
    expect(clean.dataQuality).toMatchObject({ score: 100, deductions: [], rowCount: 5 });
    await t.gql(REPORT, { t: "q_items", c: ["email"] });
    const { qualityHistory } = await t.gql(`{ qualityHistory(table: "q_items") { totalCount nodes { table score rowCount } } }`);
    expect(qualityHistory.totalCount).toBe(2);
    expect(qualityHistory.nodes).toHaveLength(2);
    expect(qualityHistory.nodes[0]).toEqual({ table: "q_items", score: 96, rowCount: 100 });
  });

  it("applies rules declared in the demo shop's COMMENT ON documentation", async () => {
    const db = t.app.services.db;
    await db.query(`INSERT INTO customers (email, name, country, city, segment) VALUES ('a@shop.test', 'A', 'DE', 'Berlin', 'SMB')`);
    await db.query(`INSERT INTO categories (name) VALUES ('Tools')`);
    await db.query(`INSERT INTO products (sku, name, category_id, price, cost, stock, reorder_level) VALUES ('P1', 'Hammer', 1, 10, 5, 3, 1)`);
    // Data loaded before the CHECK existed (or by a path that bypassed it): the doc comment still states the rule.
    await db.query(`ALTER TABLE reviews DROP CONSTRAINT IF EXISTS reviews_rating_check`);
    await db.query(`INSERT INTO reviews (product_id, customer_id, rating, created_at) VALUES (1, 1, 4, now()), (1, 1, 9, now()), (1, 1, 0, now() + interval '2 days')`);
    await t.app.services.catalog.refresh();
    const { dataQuality: r } = await t.gql(REPORT, { t: "reviews" });
    const rating = r.columns.find((c: { name: string }) => c.name === "rating");
    // "Star rating from 1 to 5." → RANGE 1…5 from the doc comment.
    expect(rating.violations).toEqual([{ rule: "RANGE", source: "doc comment", count: 2, share: 2 / 3, examples: ["9", "0"], detail: "2 value(s) outside 1…5" }]);
    // "When the review was written." → must be in the past.
    const created = r.columns.find((c: { name: string }) => c.name === "created_at");
    expect(created.violations[0]).toMatchObject({ rule: "PAST", source: "doc comment", count: 1 });
  });

  it("explains bad input", async () => {
    const e1 = await t.gqlError(REPORT, { t: "nope" });
    expect(e1.extensions?.code).toBe("BAD_USER_INPUT");
    expect(e1.message).toMatch(/^table: table "nope" does not exist\. Known tables: .*q_items/);
    const e2 = await t.gqlError(REPORT, { t: "q_items", c: ["shoe"], r: [{ column: "email", rule: "RANGE" }, { column: "sku", rule: "PATTERN" }] });
    expect(e2.message).toBe(
      'dataQuality input has 4 problem(s): columns[0]: q_items has no column "shoe"; rules[0]: RANGE applies to numeric columns; email is text; rules[0]: RANGE needs min, max or both; rules[1].pattern: PATTERN needs a pattern (a PostgreSQL regular expression).',
    );
  });
});

describe.each(backendNames())("data quality above the exact-distinct limit on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false", QUALITY_EXACT_DISTINCT_MAX_ROWS: "2000" }, { demoTables: true });
    await t.app.services.db.query(`CREATE TABLE q_big AS SELECT i AS id, i % 7 AS bucket FROM generate_series(1, 20000) AS i`);
  });
  afterAll(async () => t?.close());

  it("estimates distinct counts from a sample and says so", async () => {
    const { dataQuality: r } = await t.gql(REPORT, { t: "q_big" });
    const id = r.columns.find((c: { name: string }) => c.name === "id");
    const bucket = r.columns.find((c: { name: string }) => c.name === "bucket");
    expect(id.distinctApproximate).toBe(true);
    // Nearly every sampled id is distinct, so the estimate scales to the row count.
    expect(id.distinctCount).toBe(20000);
    expect(bucket.distinctCount).toBe(7);
  });
});
