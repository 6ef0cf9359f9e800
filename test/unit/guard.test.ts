import { beforeAll, describe, expect, it } from "vitest";
import { guardSql, loadGuard, SqlRejectedError, type GuardPolicy } from "../../src/services/nlsql/guard.js";

const policy: GuardPolicy = {
  tables: [
    { schema: "public", name: "orders" },
    { schema: "public", name: "customers" },
    { schema: "public", name: "order_items" },
    { schema: "library", name: "books" },
  ],
  searchPath: ["public"],
  maxRows: 100,
};

function rejected(sql: string, p: GuardPolicy = policy): { rule: string; message: string } {
  try {
    guardSql(sql, p);
  } catch (err) {
    expect(err).toBeInstanceOf(SqlRejectedError);
    const e = err as SqlRejectedError;
    expect(e.extensions.code).toBe("SQL_REJECTED");
    return { rule: e.rule, message: e.message };
  }
  throw new Error(`expected the guard to reject: ${sql}`);
}

beforeAll(async () => {
  await loadGuard();
});

describe("guard: statements", () => {
  it.each([
    ["DELETE FROM orders", "select_only", /got DELETE/],
    ["UPDATE orders SET total = 0", "select_only", /got UPDATE/],
    ["INSERT INTO orders (id) VALUES (1)", "select_only", /got INSERT/],
    ["DROP TABLE orders", "select_only", /got DROP/],
    ["TRUNCATE orders", "select_only", /got TRUNCATE/],
    ["COPY orders TO '/tmp/x'", "select_only", /got COPY/],
    ["COPY (SELECT 1) TO PROGRAM 'rm -rf /'", "select_only", /got COPY/],
    ["EXPLAIN ANALYZE DELETE FROM orders", "select_only", /got EXPLAIN/],
    ["SET statement_timeout = 0", "select_only", /got VARIABLE SET/],
    ["CREATE TABLE x AS SELECT * FROM orders", "select_only", /CREATE TABLE AS|got CREATE/],
    ["GRANT ALL ON orders TO public", "select_only", /got GRANT/],
    ["VACUUM orders", "select_only", /got VACUUM/],
    ["DO $$ BEGIN DELETE FROM orders; END $$", "select_only", /got DO/],
    ["CALL something()", "select_only", /got CALL/],
    ["PREPARE p AS SELECT 1", "select_only", /got PREPARE/],
    ["LISTEN x", "select_only", /got LISTEN/],
  ])("rejects %s", (sql, rule, msg) => {
    const r = rejected(sql);
    expect(r.rule).toBe(rule);
    expect(r.message).toMatch(msg);
  });

  it("rejects two statements", () => {
    const r = rejected("SELECT 1; DELETE FROM orders");
    expect(r).toEqual({ rule: "single_statement", message: "The SQL contains 2 statements; exactly one SELECT is allowed." });
  });

  it("rejects two SELECTs", () => expect(rejected("SELECT * FROM orders; SELECT * FROM customers").rule).toBe("single_statement"));

  it("rejects a second statement hidden after a line comment", () => {
    expect(rejected("SELECT * FROM orders -- harmless\n; DELETE FROM orders").rule).toBe("single_statement");
  });

  it("rejects a second statement hidden after a block comment", () => {
    expect(rejected("SELECT * FROM orders /* x */; /* y */ DROP TABLE orders").rule).toBe("single_statement");
  });

  it("keeps a statement that only looks dangerous inside a comment", () => {
    const r = guardSql("SELECT id FROM orders /* ; DELETE FROM orders */", policy);
    expect(r.sql).toContain(`"public".orders`);
    expect(r.tables).toEqual(["orders"]);
  });

  it("rejects empty SQL and comment-only SQL", () => {
    expect(rejected("   ").rule).toBe("empty");
    expect(rejected("-- nothing\n;").rule).toBe("empty");
  });

  it("rejects invalid SQL with the parser's message", () => {
    const r = rejected("SELEC * FROM orders");
    expect(r.rule).toBe("syntax");
    expect(r.message).toMatch(/not valid PostgreSQL: syntax error at or near "SELEC"/);
  });

  it("accepts a trailing semicolon", () => {
    expect(guardSql("SELECT id FROM orders;", policy).sql).toBe(`SELECT id FROM "public".orders\nLIMIT 100`);
  });
});

describe("guard: plain SELECT only", () => {
  it("rejects SELECT INTO", () => expect(rejected("SELECT * INTO copy FROM orders").rule).toBe("no_into"));
  it("rejects FOR UPDATE", () => expect(rejected("SELECT * FROM orders FOR UPDATE").rule).toBe("no_locking"));
  it("rejects FOR SHARE in a subquery", () => expect(rejected("SELECT * FROM (SELECT * FROM orders FOR SHARE) s").rule).toBe("no_locking"));
  it("rejects a DELETE in a WITH clause", () => {
    const r = rejected("WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d");
    expect(r).toMatchObject({ rule: "no_writable_cte", message: "A WITH query must be a SELECT; got DELETE." });
  });
  it("rejects an INSERT in a nested WITH clause", () => {
    expect(rejected("SELECT * FROM (WITH i AS (INSERT INTO orders (id) VALUES (1) RETURNING id) SELECT * FROM i) s").rule).toBe("no_writable_cte");
  });
  it("rejects parameters", () => expect(rejected("SELECT * FROM orders WHERE id = $1").rule).toBe("no_parameters"));
  it("rejects XML constructs", () => expect(rejected("SELECT xmlelement(name a, 'x') FROM orders").rule).toBe("construct_not_allowed"));
});

describe("guard: tables", () => {
  it("rejects a table that is not allow-listed", () => {
    const r = rejected("SELECT * FROM products");
    expect(r.rule).toBe("table_not_allowed");
    expect(r.message).toBe("Table products is not one the questions may read. Allowed tables: orders, customers, order_items, books.");
  });
  it("rejects system catalogs", () => {
    expect(rejected("SELECT * FROM pg_catalog.pg_authid").rule).toBe("table_not_allowed");
    expect(rejected("SELECT * FROM pg_shadow").rule).toBe("table_not_allowed");
    expect(rejected("SELECT table_name FROM information_schema.tables").rule).toBe("table_not_allowed");
  });
  it("rejects TABLE on a system catalog", () => expect(rejected("TABLE pg_authid").rule).toBe("table_not_allowed"));
  it("rejects gateway tables", () => expect(rejected("SELECT * FROM query_log").rule).toBe("table_not_allowed"));
  it("rejects a non-allow-listed table inside a subquery", () => {
    expect(rejected("SELECT * FROM orders WHERE customer_id IN (SELECT id FROM _prisma_migrations)").rule).toBe("table_not_allowed");
  });
  it("rejects a non-allow-listed table inside a CTE", () => expect(rejected("WITH x AS (SELECT * FROM pg_user) SELECT * FROM x").rule).toBe("table_not_allowed"));
  it("rejects a non-allow-listed table in a UNION branch", () => expect(rejected("SELECT id FROM orders UNION SELECT usesysid FROM pg_user").rule).toBe("table_not_allowed"));
  it("rejects another database's table", () => expect(rejected("SELECT * FROM otherdb.public.orders").rule).toBe("table_not_allowed"));
  it("rejects a schema-qualified table in a schema not allow-listed", () => expect(rejected("SELECT * FROM library.orders").rule).toBe("table_not_allowed"));
  it("rejects an unqualified name that exists only outside the search path", () => expect(rejected("SELECT * FROM books").rule).toBe("table_not_allowed"));
  it("accepts a schema-qualified allow-listed table outside the search path", () => {
    expect(guardSql("SELECT title FROM library.books", policy)).toMatchObject({ sql: "SELECT title FROM library.books\nLIMIT 100", tables: ["books"] });
  });
  it("resolves CTE names and does not qualify them", () => {
    const r = guardSql("WITH big AS (SELECT * FROM orders WHERE total > 100) SELECT count(*) FROM big", policy);
    expect(r.sql).toBe(`WITH big AS (SELECT * FROM "public".orders WHERE total > 100) SELECT count(*) FROM big\nLIMIT 100`);
    expect(r.tables).toEqual(["orders"]);
  });
  it("accepts a recursive CTE referring to itself", () => {
    const r = guardSql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n", policy);
    expect(r.tables).toEqual([]);
  });
  it("does not let a CTE name leak out of its subquery", () => {
    expect(rejected("SELECT * FROM (WITH secret AS (SELECT 1) SELECT * FROM secret) a, secret").rule).toBe("table_not_allowed");
  });
  it("qualifies joins, subqueries and quoted names", () => {
    const r = guardSql(`SELECT c.name, sum(o.total) FROM "customers" c JOIN orders o ON o.customer_id = c.id WHERE EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id) GROUP BY c.name`, policy);
    expect(r.sql).toBe(`SELECT c.name, sum(o.total) FROM "public"."customers" c JOIN "public".orders o ON o.customer_id = c.id WHERE EXISTS (SELECT 1 FROM "public".order_items i WHERE i.order_id = o.id) GROUP BY c.name\nLIMIT 100`);
    expect(r.tables).toEqual(["customers", "order_items", "orders"]);
  });
});

describe("guard: functions and types", () => {
  it.each([
    ["SELECT pg_sleep(100)"],
    ["SELECT pg_catalog.pg_sleep(1)"],
    ["SELECT pg_read_file('/etc/passwd')"],
    ["SELECT set_config('statement_timeout', '0', false)"],
    ["SELECT current_setting('data_directory')"],
    ["SELECT * FROM dblink('host=evil', 'select 1') AS t(x int)"],
    ["SELECT lo_import('/etc/passwd')"],
    ["SELECT lo_export(1, '/tmp/x')"],
    ["SELECT pg_terminate_backend(1)"],
    ["SELECT txid_current()"],
    ["SELECT nextval('orders_id_seq')"],
    ["SELECT public.lower(email) FROM customers"],
    ["SELECT count(*) FROM orders WHERE pg_sleep(1) IS NOT NULL"],
    ["SELECT id FROM orders ORDER BY (SELECT pg_sleep(5))"],
  ])("rejects %s", (sql) => {
    const r = rejected(sql);
    expect(r.rule).toBe("function_not_allowed");
    expect(r.message).toMatch(/^Function .* is not allowed; questions may use aggregates and date, math, string and conditional functions\.$/);
  });

  it("rejects CURRENT_USER and friends", () => expect(rejected("SELECT current_user").rule).toBe("function_not_allowed"));
  it("rejects casts to reg* types", () => expect(rejected("SELECT 'pg_authid'::regclass::oid").rule).toBe("type_not_allowed"));

  it("accepts aggregates, windows, date, math, string and conditional functions", () => {
    const sql = `SELECT date_trunc('month', ordered_at) AS m, count(*) FILTER (WHERE status <> 'CANCELLED'), round(avg(total)::numeric, 2),
      coalesce(sum(total), 0), rank() OVER (ORDER BY sum(total) DESC), extract(year FROM now()), lower(status::text), CASE WHEN count(*) > 1 THEN 'many' ELSE 'one' END,
      greatest(1, 2), nullif(1, 0), current_date - interval '30 days'
      FROM orders WHERE ordered_at >= current_date - 30 GROUP BY 1 ORDER BY 1`;
    expect(guardSql(sql, policy).limitAction).toBe("added");
  });

  it("accepts generate_series in FROM", () => {
    expect(guardSql("SELECT d FROM generate_series(1, 10) AS d", policy).tables).toEqual([]);
  });

  it("accepts casts to enum and ordinary types", () => {
    expect(guardSql(`SELECT count(*) FROM orders WHERE status = 'PAID'::"OrderStatus" AND total::int > 5`, policy).tables).toEqual(["orders"]);
  });
});

describe("guard: LIMIT", () => {
  it("adds a LIMIT when there is none (after a trailing line comment too)", () => {
    const r = guardSql("SELECT id FROM orders -- all of them", policy);
    expect(r).toMatchObject({ sql: `SELECT id FROM "public".orders -- all of them\nLIMIT 100`, limit: 100, limitAction: "added" });
  });
  it("keeps a smaller LIMIT", () => expect(guardSql("SELECT id FROM orders ORDER BY id LIMIT 5", policy)).toMatchObject({ limit: 5, limitAction: "kept" }));
  it("keeps LIMIT 0", () => expect(guardSql("SELECT id FROM orders LIMIT 0", policy)).toMatchObject({ limit: 0, limitAction: "kept" }));
  it("lowers a larger LIMIT in place", () => {
    expect(guardSql("SELECT id FROM orders LIMIT 5000 OFFSET 10", policy)).toMatchObject({ sql: `SELECT id FROM "public".orders LIMIT 100 OFFSET 10`, limit: 100, limitAction: "lowered" });
  });
  it("lowers FETCH FIRST n ROWS ONLY", () => expect(guardSql("SELECT id FROM orders FETCH FIRST 1000 ROWS ONLY", policy)).toMatchObject({ limit: 100, limitAction: "lowered" }));
  it("wraps LIMIT ALL", () => {
    expect(guardSql("SELECT id FROM orders LIMIT ALL", policy)).toMatchObject({ sql: `SELECT * FROM (\nSELECT id FROM "public".orders LIMIT ALL\n) AS nl_result LIMIT 100`, limitAction: "wrapped" });
  });
  it("wraps a computed LIMIT", () => expect(guardSql("SELECT id FROM orders LIMIT (SELECT 10000)", policy).limitAction).toBe("wrapped"));
  it("wraps FETCH … WITH TIES", () => expect(guardSql("SELECT id FROM orders ORDER BY total FETCH FIRST 500 ROWS WITH TIES", policy).limitAction).toBe("wrapped"));
  it("limits a UNION as a whole", () => {
    expect(guardSql("SELECT id FROM orders UNION SELECT id FROM customers", policy).sql).toBe(`SELECT id FROM "public".orders UNION SELECT id FROM "public".customers\nLIMIT 100`);
  });
  it("uses the policy's maxRows", () => expect(guardSql("SELECT id FROM orders LIMIT 50", { ...policy, maxRows: 10 }).limit).toBe(10));
});
