import { describe, expect, it } from "vitest";
import { coerceRecord, coerceValue } from "../../src/services/ingest/coerce.js";
import type { CatalogColumn, CatalogTable } from "../../src/services/catalog/types.js";
import type { WritableTable } from "../../src/services/ingest/tables.js";

const col = (name: string, sqlType: string, kind: CatalogColumn["kind"], extra: Partial<CatalogColumn> = {}): CatalogColumn => ({
  name, fieldName: null, sqlType, kind, nullable: false, hasDefault: false, isPrimaryKey: false, isUnique: false,
  enumValues: null, references: null, description: null, synonyms: [], knownValues: null, ...extra,
});

const columns = [
  col("id", "integer", "integer", { hasDefault: true, isPrimaryKey: true }),
  col("customer_id", "integer", "integer", { fieldName: "customerId" }),
  col("status", "OrderStatus", "enum", { enumValues: ["PENDING", "PAID"] }),
  col("total", "numeric(12,2)", "number"),
  col("ordered_at", "timestamp(6) with time zone", "timestamp", { fieldName: "orderedAt", hasDefault: true }),
  col("note", "text", "text", { nullable: true }),
];
const table: CatalogTable = { schema: "public", name: "orders", modelName: "Order", description: null, synonyms: [], definitions: {}, primaryKey: ["id"], columns, rowEstimate: 0 };
const target: WritableTable = { table, uniqueKeys: [["id"]], column: (n) => columns.find((c) => c.name === n || c.fieldName === n) };

describe("ingest coercion", () => {
  it("coerces documented forms to PostgreSQL text", () => {
    const c = (name: string, v: unknown, fromText = false) => coerceValue(target.column(name)!, v, fromText);
    expect(c("customer_id", "42")).toEqual({ ok: true, text: "42" });
    expect(c("customer_id", 42)).toEqual({ ok: true, text: "42" });
    expect(c("total", "12.50")).toEqual({ ok: true, text: "12.50" });
    // Valid ISO strings pass through for PostgreSQL to parse; without an offset they are pinned to UTC.
    expect(c("ordered_at", "2024-05-01")).toEqual({ ok: true, text: "2024-05-01T00:00:00Z" });
    expect(c("ordered_at", "2024-05-01 10:00")).toEqual({ ok: true, text: "2024-05-01 10:00Z" });
    expect(c("ordered_at", "2024-05-01T10:00:00+02:00")).toEqual({ ok: true, text: "2024-05-01T10:00:00+02:00" });
    expect(c("ordered_at", "2024-02-30T10:00:00Z")).toMatchObject({ ok: false });
    // Leap years by the Gregorian rule; month and day ranges checked without a Date round trip.
    expect(c("ordered_at", "2024-02-29")).toEqual({ ok: true, text: "2024-02-29T00:00:00Z" });
    expect(c("ordered_at", "2000-02-29")).toMatchObject({ ok: true });
    expect(c("ordered_at", "1900-02-29")).toMatchObject({ ok: false });
    expect(c("ordered_at", "2023-02-29")).toMatchObject({ ok: false });
    expect(c("ordered_at", "2024-04-31")).toMatchObject({ ok: false });
    expect(c("ordered_at", "2024-13-01")).toMatchObject({ ok: false });
    expect(c("ordered_at", "0000-01-01")).toMatchObject({ ok: false });
    expect(c("total", "abc")).toEqual({ ok: false, reason: 'column total expects a number; got "abc"' });
    expect(c("ordered_at", "2024-05-01T24:10:00Z")).toMatchObject({ ok: false });
    expect(c("ordered_at", 0)).toEqual({ ok: true, text: "1970-01-01T00:00:00.000Z" });
    expect(c("note", "", true)).toEqual({ ok: true, text: null });
    expect(c("note", 7)).toEqual({ ok: true, text: "7" });
  });

  it("names the column, what it expects and what arrived", () => {
    const c = (name: string, v: unknown) => coerceValue(target.column(name)!, v, false);
    expect(c("customer_id", "4.5")).toEqual({ ok: false, reason: 'column customer_id expects a whole number; got "4.5"' });
    expect(c("customer_id", 3_000_000_000)).toMatchObject({ reason: /between -2147483648 and 2147483647/ });
    expect(c("total", "12,50")).toMatchObject({ reason: 'column total expects a number; got "12,50"' });
    expect(c("total", 1e10)).toMatchObject({ reason: /a number below 10000000000 \(numeric\(12,2\)\)/ });
    expect(c("status", "paid")).toMatchObject({ reason: 'column status expects one of PENDING, PAID; got "paid"' });
    expect(c("ordered_at", "01/05/2024")).toMatchObject({ reason: /expects an ISO 8601 date or date-time/ });
    expect(c("ordered_at", "2024-13-45")).toMatchObject({ ok: false });
    expect(c("note", { a: 1 })).toMatchObject({ reason: /column note expects text/ });
  });

  it("checks a whole record per mode and lists every problem", () => {
    expect(coerceRecord(target, "INSERT", [], { customerId: "7", status: "PAID", total: 3 }, false)).toEqual({
      ok: true,
      record: { columns: ["customer_id", "status", "total"], values: ["7", "PAID", "3"] },
    });
    const bad = coerceRecord(target, "INSERT", [], { customerId: "x", colour: "red" }, false);
    expect(bad).toEqual({
      ok: false,
      reason:
        'unknown column "colour"; column customer_id expects a whole number; got "x"; missing required column status; missing required column total (columns of orders: id, customer_id, status, total, ordered_at, note)',
    });
    expect(coerceRecord(target, "UPDATE", ["id"], { note: "x" }, false)).toEqual({ ok: false, reason: "missing key column id" });
    expect(coerceRecord(target, "UPDATE", ["id"], { id: 1 }, false)).toMatchObject({ reason: /nothing to update/ });
    expect(coerceRecord(target, "INSERT", [], { customerId: 1, status: "PAID", total: 1, orderedAt: null }, false)).toMatchObject({ ok: true, record: { columns: ["customer_id", "status", "total"] } });
    expect(coerceRecord(target, "INSERT", [], [1, 2], false)).toEqual({ ok: false, reason: "expected an object of column values; got an array" });
  });
});
