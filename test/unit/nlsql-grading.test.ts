import { describe, expect, it } from "vitest";
import { compareResults } from "../helpers/nlsql-eval.js";

// The grader decides the dev-set score, so it must be able to fail.
describe("NL→SQL result comparison", () => {
  it("accepts extra columns and any column order", () => {
    expect(compareResults([["1"], ["2"]], [["2", "b"], ["1", "a"]], false)).toBeNull();
    expect(compareResults([["DE", "3"]], [["3", "DE"]], false)).toBeNull();
  });
  it("rejects different rows, counts or values", () => {
    expect(compareResults([["1"], ["2"]], [["1"]], false)).toMatch(/row count/);
    expect(compareResults([["1"], ["2"]], [["1", "x"], ["3", "y"]], false)).toBe("values differ");
    expect(compareResults([["DE", "3"], ["US", "4"]], [["DE", "4"], ["US", "3"]], false)).toBe("values differ");
  });
  it("checks order only when asked", () => {
    expect(compareResults([["1"], ["2"]], [["2"], ["1"]], false)).toBeNull();
    expect(compareResults([["1"], ["2"]], [["2"], ["1"]], true)).toBe("values differ");
  });
});
