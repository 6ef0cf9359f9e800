import { describe, expect, it } from "vitest";
import type { CatalogColumn } from "../../src/services/catalog/types.js";
import { inferredRules } from "../../src/services/quality/rules.js";

const col = (name: string, kind: CatalogColumn["kind"], description: string | null = null, extra: Partial<CatalogColumn> = {}): CatalogColumn => ({
  name, fieldName: null, sqlType: kind, kind, nullable: false, hasDefault: false, isPrimaryKey: false, isUnique: false,
  enumValues: null, references: null, description, synonyms: [], knownValues: null, ...extra,
});

describe("rules read from doc comments and names", () => {
  it("reads the demo shop's doc comments", () => {
    expect(inferredRules(col("email", "text", "Contact e-mail address, unique per customer."))).toEqual([
      { column: "email", rule: "EMAIL", source: "doc comment" },
      { column: "email", rule: "UNIQUE", source: "doc comment" },
    ]);
    expect(inferredRules(col("rating", "integer", "Star rating from 1 to 5."))).toEqual([{ column: "rating", rule: "RANGE", min: 1, max: 5, source: "doc comment" }]);
    expect(inferredRules(col("discount", "number", "Discount as a fraction from 0 to 1."))).toEqual([{ column: "discount", rule: "RANGE", min: 0, max: 1, source: "doc comment" }]);
    expect(inferredRules(col("quantity", "integer", "Units ordered, at least 1."))).toEqual([
      { column: "quantity", rule: "NON_NEGATIVE", source: "name and type" },
      { column: "quantity", rule: "RANGE", min: 1, max: null, source: "doc comment" },
    ]);
    expect(inferredRules(col("ordered_at", "timestamp", "When the order was placed."))).toEqual([{ column: "ordered_at", rule: "PAST", source: "doc comment" }]);
  });

  it("falls back to names and types, and leaves other columns alone", () => {
    expect(inferredRules(col("created_at", "timestamp"))).toEqual([{ column: "created_at", rule: "PAST", source: "name and type" }]);
    expect(inferredRules(col("due_at", "timestamp", "When the invoice falls due."))).toEqual([]);
    expect(inferredRules(col("sku", "text", null, { isUnique: true }))).toEqual([{ column: "sku", rule: "UNIQUE", source: "name and type" }]);
    expect(inferredRules(col("note", "text", "Free text."))).toEqual([]);
  });
});
