/**
 * Writes through the generated data API over HTTP: create one and many (one statement), update and delete
 * by key, filtered update-many and delete-many bounded by the page size, typed inputs (defaults, identity,
 * generated and omitted columns), constraint violations as BAD_USER_INPUT naming field and constraint,
 * exact values, and the result cache told about every table a write changed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GraphQLInputObjectType, GraphQLObjectType } from "graphql";
import { backendNames } from "../helpers/backends.js";
import { startDataApi, type DataApiHarness } from "../helpers/dataapi.js";

const MAX = 20;

describe.each(backendNames())("data API mutations on %s", (backend) => {
  let h: DataApiHarness;
  let invalidated: string[][];
  const sql = async <T = Record<string, any>>(text: string, params: unknown[] = []) => (await h.app.services.db.query<T>(text, params)).rows;
  beforeAll(async () => {
    h = await startDataApi(backend, { fixture: "dataapi-ledger.sql", schemas: ["ledger", "crm"], mode: "alone", maxPageSize: MAX, defaultPageSize: 10 });
    const cache = h.app.services.cache;
    const original = cache.invalidateTables.bind(cache);
    invalidated = [];
    vi.spyOn(cache, "invalidateTables").mockImplementation(async (tables: string[]) => {
      invalidated.push([...tables].sort());
      return original(tables);
    });
  });
  afterAll(async () => h?.close());
  const ledgerStatements = async (run: () => Promise<unknown>) => {
    const before = h.sent.length;
    await run();
    return h.sent.slice(before).filter((s) => s.includes(`"ledger".`)).length;
  };

  it("types inputs from the columns: defaults and identity optional, generated and omitted columns absent", () => {
    const fieldsOf = (name: string) => (h.schema.getType(name) as GraphQLInputObjectType).getFields();
    const customer = fieldsOf("TblCustomerInput");
    expect(Object.keys(customer)).toEqual(["id", "fullName", "email", "tags", "profile", "referrerId", "createdAt"]);
    expect(String(customer.id!.type)).toBe("BigInt");
    expect(String(customer.fullName!.type)).toBe("String!");
    expect(String(customer.tags!.type)).toBe("[String]");
    expect(Object.keys(fieldsOf("TransferInput"))).toEqual(["fromAccountId", "toAccountId", "sbTxAmount", "bookedAt", "memo", "ref"]);
    expect(Object.keys(fieldsOf("AccountPatch"))).not.toContain("balance");
    expect(Object.keys(fieldsOf("AccountInput"))).toContain("balance");
    const mutation = h.schema.getMutationType()!.getFields();
    expect(mutation).toHaveProperty("createAuditEntry");
    expect(mutation).not.toHaveProperty("updateAuditEntries");
    expect(mutation).not.toHaveProperty("deleteTransfer");
    expect(mutation).toHaveProperty("updateTransfer");
    expect(Object.keys(mutation).some((m) => /AccountBalance|BigTransfer/.test(m))).toBe(false);
    expect(mutation.createAllNews ?? mutation.createNewsList).toBeDefined();
    expect((h.schema.getType("Mutation") as GraphQLObjectType).getFields().updateInvoiceLine!.args.map((a) => a.name)).toEqual(["invoiceId", "lineNo", "patch"]);
  });

  it("creates a row in one statement and returns it with relations, exact values and defaults", async () => {
    invalidated.length = 0;
    let data: any;
    const statements = await ledgerStatements(async () => {
      data = await h.gql(`mutation($in: TblCustomerInput!) { createTblCustomer(input: $in) { id fullName email tags profile createdAt referrer { email } accounts { totalCount } } }`, {
        in: { id: "9223372036854775806", fullName: "Nina New", email: "nina@bank.test", referrerId: "2", createdAt: "2026-04-01 09:15:30.654321-02:30", profile: { a: [1, "x"] } },
      });
    });
    expect(statements).toBe(1);
    expect(data.createTblCustomer).toEqual({
      id: "9223372036854775806", fullName: "Nina New", email: "nina@bank.test", tags: [], profile: { a: [1, "x"] },
      createdAt: "2026-04-01T11:45:30.654321+00:00", referrer: { email: "c2@bank.test" }, accounts: { totalCount: 0 },
    });
    expect(invalidated).toEqual([["tblCustomer"]]);
    const [row] = await sql(`SELECT "FullName", created_at = '2026-04-01 09:15:30.654321-02:30'::timestamptz AS same FROM ledger."tblCustomer" WHERE id = 9223372036854775806`);
    expect(row).toEqual({ FullName: "Nina New", same: true });
  });

  it("creates many rows in one statement, in the order given, each taking the defaults it leaves out", async () => {
    let data: any;
    const statements = await ledgerStatements(async () => {
      data = await h.gql(`mutation { createTransfers(inputs: [
        { fromAccountId: 1, toAccountId: 2, sbTxAmount: "12345678901234.123456", bookedAt: "2026-05-01T00:00:00.000001Z", memo: "first", ref: "20000000-0000-4000-8000-000000000001" },
        { fromAccountId: 2, toAccountId: 3, sbTxAmount: 7, bookedAt: "2026-05-02T00:00:00Z", ref: "20000000-0000-4000-8000-000000000002" },
        { fromAccountId: 3, toAccountId: 1, sbTxAmount: "0.000001", bookedAt: "2026-05-03T00:00:00Z", memo: null, ref: "20000000-0000-4000-8000-000000000003" }
      ]) { id sbTxAmount amountCents memo bookedAt payer { id } } }`);
    });
    expect(statements).toBe(1);
    const rows = data.createTransfers;
    expect(rows.map((r: any) => [r.sbTxAmount, r.amountCents, r.memo, r.payer.id])).toEqual([
      ["12345678901234.123456", "1234567890123412", "first", 1],
      ["7.000000", "700", null, 2],
      ["0.000001", "0", null, 3],
    ]);
    expect(rows[0].bookedAt).toBe("2026-05-01T00:00:00.000001+00:00");
    expect(Number(rows[1].id)).toBe(Number(rows[0].id) + 1);
    expect(await h.gql(`mutation { createTransfers(inputs: []) { id } }`)).toEqual({ createTransfers: [] });
    const tooMany = await h.gqlError(`mutation($in: [TransferInput!]!) { createTransfers(inputs: $in) { id } }`, {
      in: Array.from({ length: MAX + 1 }, (_, i) => ({ fromAccountId: 1, toAccountId: 2, sbTxAmount: "1", bookedAt: "2026-05-01T00:00:00Z", ref: `30000000-0000-4000-8000-${String(i).padStart(12, "0")}` })),
    });
    expect(tooMany.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.message).toBe(`createTransfers(inputs): ${MAX + 1} rows are more than the ${MAX} one call may create; send them in parts (or use ingest for bulk loads).`);
  });

  it("updates and deletes one row by key; a key that matches nothing answers null and changes nothing", async () => {
    invalidated.length = 0;
    const upd = await h.gql(`mutation { updateAccount(id: 4, patch: { iban: "NEW-IBAN-4", limits: ["1.5", null] }) { id iban limits customer { id } } }`);
    expect(upd.updateAccount).toEqual({ id: 4, iban: "NEW-IBAN-4", limits: ["1.5", null], customer: { id: "5" } });
    expect(invalidated).toEqual([["accounts"]]);
    const none = await h.request(`mutation { updateAccount(id: 999999, patch: { iban: "x" }) { id } deleteCrmAccount(id: 999) { id } }`);
    expect(none).toEqual({ data: { updateAccount: null, deleteCrmAccount: null } });
    expect(invalidated).toEqual([["accounts"]]);
    const line = await h.gql(`mutation { updateInvoiceLine(invoiceId: 3, lineNo: 1, patch: { qty: "1.250" }) { invoiceId lineNo qty } }`);
    expect(line.updateInvoiceLine).toEqual({ invoiceId: 3, lineNo: 1, qty: "1.250" });
    const empty = await h.gqlError(`mutation { updateAccount(id: 4, patch: {}) { id } }`);
    expect(empty.extensions?.code).toBe("BAD_USER_INPUT");
    expect(empty.message).toMatch(/^updateAccount\(patch\): the patch sets no field; give at least one of id, customerId, kind, iban, openedOn, limits\.$/);
  });

  it("deletes with cascades and tells the cache about every table the cascade reached", async () => {
    invalidated.length = 0;
    const before = await sql(`SELECT count(*)::int AS n FROM ledger."InvoiceLines" WHERE invoice_id = 5`);
    expect(before[0]!.n).toBeGreaterThan(0);
    const del = await h.gql(`mutation { deleteInvoice(id: 5) { id number invoiceLines { totalCount } } }`);
    expect(del.deleteInvoice).toEqual({ id: 5, number: 5, invoiceLines: { totalCount: before[0]!.n } });
    expect(invalidated).toEqual([["InvoiceLines", "invoices", "line_adjustments"]]);
    expect(await sql(`SELECT count(*)::int AS n FROM ledger."InvoiceLines" WHERE invoice_id = 5`)).toEqual([{ n: 0 }]);
    expect((await h.gql(`{ invoice(id: 5) { id } }`)).invoice).toBeNull();
  });

  it("updates and deletes many rows only with a filter, and refuses more rows than a page without changing any", async () => {
    const want = await sql(`SELECT id::text FROM ledger.transfers WHERE memo = 'memo 5' ORDER BY id`);
    expect(want.length).toBeGreaterThan(1);
    expect(want.length).toBeLessThanOrEqual(MAX);
    const upd = await h.gql(`mutation { updateTransfers(filter: { memo: { eq: "memo 5" } }, patch: { memo: "memo five" }) { id memo } }`);
    expect(upd.updateTransfers.map((r: any) => r.id).sort()).toEqual(want.map((r) => r.id).sort());
    expect(upd.updateTransfers.every((r: any) => r.memo === "memo five")).toBe(true);

    const tooMany = await h.gqlError(`mutation { updateTransfers(filter: { id: { lte: "30" } }, patch: { memo: "bulk" }) { id } }`);
    expect(tooMany.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.message).toBe(`updateTransfers: the filter matches 30 rows, more than the ${MAX} one write may change; nothing was changed. Narrow the filter, or write in parts.`);
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.transfers WHERE memo = 'bulk'`)).toEqual([{ n: 0 }]);

    const noFilter = await h.gqlError(`mutation { deleteLineAdjustments(filter: {}) { id } }`);
    expect(noFilter.message).toBe("deleteLineAdjustments(filter): the filter names no condition; a write to many rows must say which (to mean every row, say so, e.g. a key column with isNull: false).");
    const gone = await h.gql(`mutation { deleteLineAdjustments(filter: { delta: { lt: "-10" } }) { id delta } }`);
    expect(gone.deleteLineAdjustments.length).toBeGreaterThan(0);
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.line_adjustments WHERE delta < -10`)).toEqual([{ n: 0 }]);
  });

  it("answers a constraint violation with BAD_USER_INPUT naming the field and the constraint", async () => {
    const dup = await h.gqlError(`mutation { createTblCustomer(input: { fullName: "Dup", email: "c1@bank.test", createdAt: "2026-01-01Z" }) { id } }`);
    expect(dup.extensions?.code).toBe("BAD_USER_INPUT");
    expect(dup.extensions?.constraint).toBe("tblCustomer_email_key");
    expect(dup.extensions?.fields).toEqual(["email"]);
    expect(dup.message).toBe(`createTblCustomer: email: violates the unique constraint "tblCustomer_email_key" of TblCustomer (Key (email)=(c1@bank.test) already exists.).`);
    const fk = await h.gqlError(`mutation { createAccount(input: { customerId: "424242", kind: asset, iban: "FK-1", openedOn: "2026-01-01" }) { id } }`);
    expect(fk.extensions?.code).toBe("BAD_USER_INPUT");
    expect(fk.extensions?.constraint).toBe("accounts_customer_id_fkey");
    expect(fk.message).toMatch(/^createAccount: customerId: violates the foreign key constraint "accounts_customer_id_fkey" of Account \(Key \(customer_id\)=\(424242\) is not present in table "tblCustomer"\.\)\.$/);
    const notNull = await h.gqlError(`mutation { updateTblCustomer(id: 1, patch: { fullName: null }) { id } }`);
    expect(notNull.extensions?.code).toBe("BAD_USER_INPUT");
    expect(notNull.extensions?.fields).toEqual(["fullName"]);
    expect(notNull.message).toMatch(/^updateTblCustomer: fullName: violates the not-null constraint/);
    const check = await h.gqlError(`mutation { updateTransfer(id: "1", patch: { sbTxAmount: "-5" }) { id } }`);
    expect(check.extensions?.code).toBe("BAD_USER_INPUT");
    expect(check.message).toMatch(/violates the check constraint "positive_amount_check"/);
    const bad = await h.gqlError(`mutation { createAccount(input: { customerId: "1", kind: asset, iban: "BAD-DATE", openedOn: "2026-02-30" }) { id } }`);
    expect(bad.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.message).toMatch(/^createAccount: PostgreSQL refused a value: date\/time field value out of range: "2026-02-30"/);
  });
});
