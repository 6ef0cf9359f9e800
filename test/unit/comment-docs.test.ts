import { describe, expect, it } from "vitest";
import { parseSmartComment, smartName, splitDoc } from "../../src/services/catalog/index.js";

describe("COMMENT ON text: smart tags and doc parts", () => {
  it("takes leading @tag lines as tags and the rest as text", () => {
    const c = parseSmartComment("@name Order\n@omit\nA customer's order. Synonyms: purchases, sales, transactions.\nDefinition: revenue (also \"sales\") is the sum of orders.total over orders whose status is not CANCELLED or REFUNDED.");
    expect(c.tags).toEqual({ name: "Order", omit: true });
    expect(smartName(c)).toBe("Order");
    const d = splitDoc(c.text);
    expect(d.description).toBe("A customer's order.");
    expect(d.synonyms).toEqual(["purchases", "sales", "transactions"]);
    expect(Object.keys(d.definitions)).toEqual(["revenue", "sales"]);
    expect(d.definitions.revenue).toBe("the sum of orders.total over orders whose status is not CANCELLED or REFUNDED");
  });

  it("leaves a comment without tags alone, and tags after the text are text", () => {
    expect(parseSmartComment("Units on hand.\n@name stock")).toEqual({ tags: {}, text: "Units on hand.\n@name stock" });
    expect(parseSmartComment("@name customerId")).toEqual({ tags: { name: "customerId" }, text: null });
    expect(parseSmartComment(null)).toEqual({ tags: {}, text: null });
  });

  it("accepts only a plain identifier as @name", () => {
    expect(smartName(parseSmartComment("@name order items"))).toBeNull();
    expect(smartName(parseSmartComment("@name"))).toBeNull();
    expect(smartName(parseSmartComment("@name OrderItem"))).toBe("OrderItem");
  });

  it("tolerates docs without markers", () => {
    expect(splitDoc("Just text.")).toEqual({ description: "Just text.", synonyms: [], definitions: {} });
    expect(splitDoc("Synonym: one")).toEqual({ description: null, synonyms: ["one"], definitions: {} });
  });
});
