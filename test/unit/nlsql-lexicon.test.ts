import { describe, expect, it } from "vitest";
import { COUNTRIES, lemma, splitWords, stem } from "../../src/services/nlsql/offline/lexicon.js";
import { buildSchemaIndex } from "../../src/services/nlsql/offline/schema-index.js";
import type { Catalog, CatalogColumn, CatalogTable } from "../../src/services/catalog/types.js";

describe("lexicon", () => {
  it("stems singular and plural, verb forms and nouns alike", () => {
    expect(stem("categories")).toBe(stem("category"));
    expect(stem("orders")).toBe(stem("ordered"));
    expect(stem("rated")).toBe(stem("rating"));
    expect(stem("Countries")).toBe(stem("country"));
    expect(stem("price")).not.toBe(stem("prices_x"));
  });
  it("keeps lemmas apart where stems collide", () => {
    expect(stem("medics")).toBe(stem("medications"));
    expect(lemma("medics")).not.toBe(lemma("medications"));
    expect(lemma("categories")).toBe("category");
  });
  it("splits snake_case and camelCase", () => {
    expect(splitWords("reorder_level")).toEqual(["reorder", "level"]);
    expect(splitWords("orderedAt")).toEqual(["ordered", "at"]);
    expect(splitWords("Home & Kitchen")).toEqual(["home", "kitchen"]);
  });
  it("maps country names and demonyms to ISO codes", () => {
    expect(COUNTRIES.germany).toBe("DE");
    expect(COUNTRIES["united kingdom"]).toBe("GB");
    expect(COUNTRIES.dutch).toBe("NL");
  });
});

const column = (name: string, kind: CatalogColumn["kind"], extra: Partial<CatalogColumn> = {}): CatalogColumn => ({
  name, fieldName: null, sqlType: kind, kind, nullable: false, hasDefault: false, isPrimaryKey: name === "id", isUnique: name === "id",
  enumValues: null, references: null, description: null, synonyms: [], knownValues: null, ...extra,
});
const tableOf = (name: string, columns: CatalogColumn[], extra: Partial<CatalogTable> = {}): CatalogTable => ({
  schema: "s", name, modelName: null, description: null, synonyms: [], definitions: {}, primaryKey: ["id"], columns, rowEstimate: 10, ...extra,
});

describe("schema index from doc comments", () => {
  const catalog: Catalog = {
    version: "v1",
    builtAt: new Date(),
    tables: [
      tableOf("invoices", [
        column("id", "integer"),
        column("state", "enum", { enumValues: ["OPEN", "PAID", "VOID"] }),
        column("amount", "number", { description: "Invoice amount: sum of its lines' qty * rate, rounded." }),
      ], { synonyms: ["bills"], definitions: { billings: "the sum of invoices.amount over invoices whose state is not VOID" } }),
      tableOf("invoice_lines", [column("id", "integer"), column("invoice_id", "integer", { references: { table: "invoices", column: "id" } }), column("qty", "integer"), column("rate", "number")], { synonyms: ["lines"] }),
      tableOf("parts", [column("id", "integer"), column("on_hand", "integer"), column("min_level", "integer", { description: 'Minimum level: on_hand below it means "short"' })]),
    ],
  };
  const index = buildSchemaIndex(catalog);
  const refsOf = (word: string) => (index.phrases.get(stem(word)) ?? []).map((p) => p.ref);

  it("reads definitions with their conditions", () => {
    const m = refsOf("billings").find((r) => r.t === "metric");
    expect(m).toMatchObject({ metric: { name: "billings", table: "invoices", fn: "sum", column: "amount", conditions: [{ column: "state", op: "<>", values: ["VOID"] }] } });
  });
  it("reads roll-ups from a child table", () => {
    expect(index.rollups).toEqual([{ table: "invoices", column: "amount", child: "invoice_lines", fk: "invoice_id", expr: "qty * rate", columns: ["qty", "rate"] }]);
  });
  it("reads derived predicates", () => {
    expect(refsOf("short")).toEqual([{ t: "predicate", table: "parts", left: "on_hand", op: "<", right: "min_level", label: "short" }]);
  });
  it("indexes tables by name and synonyms, enum values, and no foreign-key columns", () => {
    expect(refsOf("bills")).toContainEqual({ t: "table", table: "invoices" });
    expect(refsOf("paid")).toContainEqual({ t: "value", table: "invoices", column: "state", value: "PAID", short: false });
    expect(JSON.stringify([...index.phrases.values()])).not.toContain('"column":"invoice_id"');
  });
  it("is cached per catalog object", () => {
    expect(buildSchemaIndex(catalog)).toBe(index);
  });
});
