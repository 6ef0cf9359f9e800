import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePrismaDocs, splitDoc } from "../../src/services/catalog/prisma-docs.js";

describe("schema.prisma doc comments", () => {
  const docs = parsePrismaDocs(fs.readFileSync("prisma/schema.prisma", "utf8"));

  it("maps models to tables and fields to columns through @@map and @map", () => {
    const item = docs.models.find((m) => m.modelName === "OrderItem")!;
    expect(item.tableName).toBe("order_items");
    expect(item.fields.find((f) => f.fieldName === "unitPrice")).toMatchObject({ columnName: "unit_price", doc: "Price per unit at the time of the order." });
    expect(docs.enums.OrderStatus).toMatch(/CANCELLED and REFUNDED orders do not count as revenue/);
  });

  it("splits synonyms and definitions out of the description", () => {
    const order = docs.models.find((m) => m.modelName === "Order")!;
    const d = splitDoc(order.doc);
    expect(d.description).toBe("A customer's order.");
    expect(d.synonyms).toEqual(["purchases", "sales", "transactions"]);
    expect(Object.keys(d.definitions)).toEqual(["revenue", "sales"]);
    expect(d.definitions.revenue).toBe("the sum of orders.total over orders whose status is not CANCELLED or REFUNDED");
  });

  it("tolerates docs without markers and ignores plain // comments", () => {
    const parsed = parsePrismaDocs(`// not a doc\nmodel A {\n  // nor this\n  id Int @id\n  @@schema("x")\n}\n`);
    expect(parsed.models).toEqual([{ modelName: "A", tableName: "A", schema: "x", doc: null, fields: [{ fieldName: "id", columnName: "id", typeName: "Int", doc: null }] }]);
    expect(splitDoc("Just text.")).toEqual({ description: "Just text.", synonyms: [], definitions: {} });
    expect(splitDoc("Synonym: one")).toEqual({ description: null, synonyms: ["one"], definitions: {} });
  });
});
