import { describe, expect, it } from "vitest";
import { compileExpression, ExpressionError, referencedColumns } from "../../src/services/transform/expression.js";

const run = (expr: string, row: Record<string, unknown> = {}) => compileExpression(expr)(row);

describe("transform expression language", () => {
  const row = { name: "  Ada Lovelace ", city: "London", country: "GB", total: 1234.5, discount: null, email: "ada@example.org", ordered_at: new Date("2025-03-14T10:00:00Z"), qty: "7" };

  it("applies text functions", () => {
    expect(run("upper(trim(name))", row)).toBe("ADA LOVELACE");
    expect(run("lower(city)", row)).toBe("london");
    expect(run('concat(city, ", ", country)', row)).toBe("London, GB");
    expect(run("length(trim(name))", row)).toBe(12);
    expect(run("substr(country, 1, 1)", row)).toBe("G");
    expect(run('replace(city, "on", "ON")', row)).toBe("LONdON");
  });

  it("does arithmetic with casts and nulls", () => {
    expect(run("total * 2 + 1", row)).toBe(2470);
    expect(run("int(qty) + 1", row)).toBe(8);
    expect(run("float(\"2.5\") * 2", row)).toBe(5);
    expect(run("coalesce(discount, 0) * 100", row)).toBe(0);
    expect(run("discount * 100", row)).toBeNull();
    expect(run("round(total / 3, 2)", row)).toBe(411.5);
    expect(run("-total", row)).toBe(-1234.5);
    expect(run("abs(0 - 3)", row)).toBe(3);
  });

  it("evaluates case, ternary and boolean operators", () => {
    const size = 'case(total > 1000, "large", total > 100, "medium", "small")';
    expect(run(size, row)).toBe("large");
    expect(run(size, { total: 150 })).toBe("medium");
    expect(run(size, { total: 5 })).toBe("small");
    expect(run('total >= 1000 ? "big" : "small"', row)).toBe("big");
    expect(run('country == "GB" and total > 10', row)).toBe(true);
    expect(run('country == "DE" or not (total > 10)', row)).toBe(false);
  });

  it("extracts with regular expressions and formats dates", () => {
    expect(run('regex_extract(email, "@(.+)$")', row)).toBe("example.org");
    expect(run('regex_extract(email, "^nomatch")', row)).toBeNull();
    expect(run('date_format(ordered_at, "yyyy-MM")', row)).toBe("2025-03");
    expect(run('date_format(date_parse("14.03.2025", "dd.MM.yyyy"), "yyyy-MM-dd")')).toBe("2025-03-14");
    expect(run('date("2024-01-02T00:00:00Z")')).toEqual(new Date("2024-01-02T00:00:00Z"));
  });

  it("names the columns an expression reads", () => {
    expect(referencedColumns('concat(upper(city), " ", country) ').sort()).toEqual(["city", "country"]);
    expect(referencedColumns("case(total > 1, a, b)").sort()).toEqual(["a", "b", "total"]);
  });

  it("resolves names through the caller's column resolver", () => {
    const f = compileExpression("upper(customerName)", (n) => (n === "customerName" ? "customer_name" : n));
    expect(f({ customer_name: "x" })).toBe("X");
    expect(() =>
      compileExpression("nope + 1", (n) => {
        throw new ExpressionError(`unknown column ${n}`);
      }),
    ).toThrow(/unknown column nope/);
  });

  it.each([
    ["process.exit(1)", /only plain function calls/],
    ["eval(\"1\")", /unknown function eval\(\)/],
    ["upper()", /upper takes 1 arguments, got 0/],
    ["case(a, b, c, d)", /case needs condition\/value pairs/],
    ["[1, 2]", /ArrayExpression is not allowed/],
    ["a === b", /cannot parse/],
    ["upper(name", /cannot parse/],
    ["", /empty/],
    ["x".repeat(2001), /limited to 2000 characters/],
    ["this", /ThisExpression is not allowed|cannot parse/],
  ])("rejects %s at compile time", (expr, message) => {
    expect(() => compileExpression(expr)).toThrow(ExpressionError);
    expect(() => compileExpression(expr)).toThrow(message);
  });

  it("reports run-time problems per record with a reason", () => {
    expect(() => run("int(name)", row)).toThrow(/int expected a number, got string/);
    expect(() => run("total / 0", row)).toThrow(/division by zero/);
    expect(() => run('date_parse("2025/01/01", "dd.MM.yyyy")')).toThrow(/does not match format/);
    expect(() => run('regex_extract(name, "(")', row)).toThrow(/invalid regular expression/);
  });

  it("does not reach prototypes through identifiers", () => {
    expect(run("constructor", {})).toBeNull();
    expect(run("__proto__", {})).toBeNull();
  });
});
