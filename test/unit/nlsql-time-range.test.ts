import { describe, expect, it } from "vitest";
import { describeRange, extractTimeRange } from "../../src/services/nlsql/offline/time-range.js";

const now = new Date("2026-06-15T12:00:00.000Z"); // a Monday
const iso = (d: Date | null) => d?.toISOString() ?? null;
const range = (text: string) => {
  const r = extractTimeRange(text, now);
  return r.range ? { start: iso(r.range.start), end: iso(r.range.end), inclusive: r.range.endInclusive, rest: r.rest.replace(/\s+/g, " ").trim() } : null;
};

describe("time ranges relative to an injected now (UTC)", () => {
  it.each([
    ["orders last month", "2026-05-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z"],
    ["revenue this year", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["signups last year", "2025-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"],
    ["orders this month", "2026-06-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z"],
    ["top customers last quarter", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["sales this quarter", "2026-04-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z"],
    ["orders last week", "2026-06-08T00:00:00.000Z", "2026-06-15T00:00:00.000Z"],
    ["orders today", "2026-06-15T00:00:00.000Z", "2026-06-16T00:00:00.000Z"],
    ["orders yesterday", "2026-06-14T00:00:00.000Z", "2026-06-15T00:00:00.000Z"],
    ["orders in 2024", "2024-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z"],
    ["orders in March 2025", "2025-03-01T00:00:00.000Z", "2025-04-01T00:00:00.000Z"],
    ["orders in sept 2025", "2025-09-01T00:00:00.000Z", "2025-10-01T00:00:00.000Z"],
    ["revenue in Q1 2026", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["orders in March", "2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["orders in september", "2025-09-01T00:00:00.000Z", "2025-10-01T00:00:00.000Z"],
    ["orders between 2024 and 2025", "2024-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"],
    ["orders between March 2025 and May 2025", "2025-03-01T00:00:00.000Z", "2025-06-01T00:00:00.000Z"],
    ["orders between January and March 2026", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["total revenue for May 2026", "2026-05-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z"],
    ["May 2026 revenue", "2026-05-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z"],
    ["revenue for 2025", "2025-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"],
    ["orders in the first quarter of 2026", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    ["revenue in the 4th quarter of 2025", "2025-10-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"],
    ["appointments next week", "2026-06-22T00:00:00.000Z", "2026-06-29T00:00:00.000Z"],
    ["books from the 1990s", "1990-01-01T00:00:00.000Z", "2000-01-01T00:00:00.000Z"],
  ])("%s", (text, start, end) => {
    expect(range(text)).toMatchObject({ start, end, inclusive: false });
  });

  it("rolling windows keep the time of day and include now", () => {
    expect(range("orders in the last 30 days")).toEqual({ start: "2026-05-16T12:00:00.000Z", end: now.toISOString(), inclusive: true, rest: "orders" });
    expect(range("reviews over the past 2 weeks")).toMatchObject({ start: "2026-06-01T12:00:00.000Z", inclusive: true });
    expect(range("orders last 6 months")).toMatchObject({ start: "2025-12-15T12:00:00.000Z" });
    // "the past week" is the rolling week up to now; "last week" is the calendar week before this one.
    expect(range("orders in the past week")).toMatchObject({ start: "2026-06-08T12:00:00.000Z", end: now.toISOString(), inclusive: true });
    expect(range("appointments in the next 30 days")).toMatchObject({ start: now.toISOString(), end: "2026-07-15T12:00:00.000Z", inclusive: true });
  });

  it("open ranges: since, after, before, until", () => {
    expect(range("orders since March 2025")).toMatchObject({ start: "2025-03-01T00:00:00.000Z", end: null });
    expect(range("orders since 2025")).toMatchObject({ start: "2025-01-01T00:00:00.000Z", end: null });
    expect(range("orders after 2024")).toMatchObject({ start: "2025-01-01T00:00:00.000Z", end: null });
    expect(range("orders before 2025")).toMatchObject({ start: null, end: "2025-01-01T00:00:00.000Z" });
    expect(range("orders until June 2025")).toMatchObject({ start: null, end: "2025-07-01T00:00:00.000Z" });
  });

  it("removes the phrase from the question and leaves other numbers alone", () => {
    expect(range("top 5 customers by revenue last quarter")?.rest).toBe("top 5 customers by revenue");
    expect(range("orders over 2024 dollars")).toBeNull();
    expect(range("top 5 products")).toBeNull();
  });

  it("flags a second time expression instead of dropping it", () => {
    expect(extractTimeRange("orders last month since 2024", now).ambiguous).toBe(true);
    expect(extractTimeRange("orders last month", now).ambiguous).toBe(false);
  });

  it("describes ranges in words", () => {
    const r = extractTimeRange("orders in 2024", now).range!;
    expect(describeRange(r)).toBe("from 2024-01-01 up to (not including) 2025-01-01");
    expect(describeRange(extractTimeRange("orders in the last 7 days", now).range!)).toBe("from 2026-06-08 12:00 UTC through 2026-06-15 12:00 UTC");
  });
});
