/** Inflection and smart tags of the data API: pure functions, every name shape a database may hold. */
import { describe, expect, it } from "vitest";
import { camel, coerceName, enumValueName, inflect, pascal, plural, singular, words } from "../../src/services/dataapi/inflection.js";
import { isOmitted, parseSmartComment, unknownOmitActions } from "../../src/services/dataapi/smart-tags.js";

describe("inflection", () => {
  it("splits snake_case, mixedCase, acronyms, digits and non-ASCII names into words", () => {
    expect(words("order_items")).toEqual(["order", "items"]);
    expect(words("tblCustomer")).toEqual(["tbl", "Customer"]);
    expect(words("sbTxAmount")).toEqual(["sb", "Tx", "Amount"]);
    expect(words("OrderLines")).toEqual(["Order", "Lines"]);
    expect(words("HTTPServer")).toEqual(["HTTP", "Server"]);
    expect(words("2fa_secret")).toEqual(["2fa", "secret"]);
    expect(words("größe")).toEqual(["grosse"]);
    expect(words("Ω")).toEqual(["u3a9"]);
    expect(words("Order Lines (old)")).toEqual(["Order", "Lines", "old"]);
  });

  it("makes singular PascalCase types, camelCase fields and plural lists", () => {
    expect(inflect.typeName(singular(words("order_items")))).toBe("OrderItem");
    expect(inflect.listField(singular(words("order_items")))).toBe("orderItems");
    expect(inflect.typeName(singular(words("tblCustomer")))).toBe("TblCustomer");
    expect(inflect.listField(singular(words("OrderLines")))).toBe("orderLines");
    expect(inflect.column("FullName")).toBe("fullName");
    expect(inflect.column("customer_ID")).toBe("customerId");
    expect(inflect.column("2fa_secret")).toBe("_2faSecret");
    expect(inflect.listField(singular(words("data")))).toBe("data");
    expect(inflect.allListField(singular(words("news")))).toBe("allNews");
    expect(inflect.uniqueLookupField(["order", "item"], ["orderId", "productId"])).toBe("orderItemByOrderIdAndProductId");
    expect(inflect.createMany(singular(words("news")))).toBe("createNewsList");
    expect(inflect.createMany(singular(words("orders")))).toBe("createOrders");
  });

  it("names forward relations after their key column, else by keys", () => {
    expect(inflect.forwardRelationFromColumn("customerId", 1)).toBe("customer");
    expect(inflect.forwardRelationFromColumn("billingAddressId", 1)).toBe("billingAddress");
    expect(inflect.forwardRelationFromColumn("owner", 1)).toBeNull();
    expect(inflect.forwardRelationFromColumn("invoiceId", 2)).toBeNull();
    expect(inflect.forwardRelationByKeys(["invoice", "line"], ["invoiceId", "lineNo"])).toBe("invoiceLineByInvoiceIdAndLineNo");
    expect(inflect.backwardRelationByKeys(["transfer"], ["toAccountId"])).toBe("transfersByToAccountId");
  });

  it("keeps valid enum labels and maps the others deterministically", () => {
    expect(enumValueName("PAID")).toBe("PAID");
    expect(enumValueName("asset")).toBe("asset");
    expect(enumValueName("in progress")).toBe("IN_PROGRESS");
    expect(enumValueName("cost-center")).toBe("COST_CENTER");
    expect(enumValueName("1099")).toBe("_1099");
    expect(enumValueName("true")).toBe("TRUE_");
    expect(enumValueName("")).toBe("_EMPTY_");
    expect(enumValueName("→")).toBe("_2192");
  });

  it("never produces a name GraphQL refuses", () => {
    for (const raw of ["__secret", "9lives", "", "$", "a-b", "Ω", "_"]) {
      const n = coerceName(camel(words(raw)));
      expect(n, raw).toMatch(/^[_A-Za-z][_0-9A-Za-z]*$/);
      expect(n.startsWith("__"), raw).toBe(false);
    }
    expect(pascal(plural(["Person"]))).toBe("People");
  });
});

describe("smart tags", () => {
  it("reads tag lines and keeps the rest as the description", () => {
    expect(parseSmartComment("@name ledger_entries\n@omit create,update\nEvery entry.\nSecond line.")).toEqual({
      tags: { name: "ledger_entries", omit: "create,update" },
      description: "Every entry.\nSecond line.",
    });
    expect(parseSmartComment("@omit")).toEqual({ tags: { omit: true }, description: null });
    expect(parseSmartComment(null)).toEqual({ tags: {}, description: null });
    expect(parseSmartComment("Mail me @ noon")).toEqual({ tags: {}, description: "Mail me @ noon" });
  });

  it("omits per action, or everything for a bare @omit", () => {
    expect(isOmitted({ omit: true }, "create")).toBe(true);
    expect(isOmitted({ omit: "create,update" }, "update")).toBe(true);
    expect(isOmitted({ omit: "create,update" }, "delete")).toBe(false);
    expect(isOmitted({ omit: "C,D" }, "delete")).toBe(true);
    expect(isOmitted({}, "read")).toBe(false);
    expect(unknownOmitActions({ omit: "create,frobnicate" })).toEqual(["frobnicate"]);
  });
});
