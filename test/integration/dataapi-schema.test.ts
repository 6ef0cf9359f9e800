/**
 * The generated schema for a database the gateway has never seen: names, types and descriptions pinned by
 * a snapshot of its SDL (the same on both backends), collisions and omissions reported, and the gateway's
 * own tables and schemas never exposed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema, validateSchema } from "graphql";
import { backendNames } from "../helpers/backends.js";
import { startDataApi, type DataApiHarness } from "../helpers/dataapi.js";
import { GraphQLJSON } from "graphql-scalars";
import { buildDataApi, introspectDataModel } from "../../src/services/dataapi/index.js";

const reasons = (h: DataApiHarness) => h.api.report.map((r) => `${r.table}${r.column ? `.${r.column}` : ""}: ${r.reason}`);

describe.each(backendNames())("data API schema on %s", (backend) => {
  let alone: DataApiHarness;
  beforeAll(async () => {
    alone = await startDataApi(backend, { fixture: "dataapi-ledger.sql", schemas: ["ledger", "crm"], mode: "alone" });
  });
  afterAll(async () => alone?.close());

  it("generates the same SDL as the snapshot", async () => {
    await expect(printSchema(lexicographicSortSchema(alone.schema))).toMatchFileSnapshot("__snapshots__/dataapi-ledger.graphql");
  });

  it("names tables, columns and relations by GraphQL conventions, whatever the SQL names", () => {
    const q = alone.api.query;
    // Prefixed and mixed-case names, composite and unique keys, plural lists.
    for (const f of ["tblCustomer", "tblCustomerByEmail", "tblCustomers", "invoiceLine", "invoiceLines", "invoiceByYearAndNumber", "accountByIban", "auditEntries", "allNews", "news", "contact", "contacts"]) {
      expect(q, f).toHaveProperty(f);
    }
    expect(Object.keys(alone.api.query[`invoiceLine`]!.args!)).toEqual(["invoiceId", "lineNo"]);
    const customer = alone.schema.getType("TblCustomer") as GraphQLObjectType;
    expect(Object.keys(customer.getFields())).toEqual([
      "id", "fullName", "email", "tags", "profile", "referrerId", "createdAt",
      // Forward relations, then backward ones by referencing table; a self-reference is named by its key.
      "referrer", "accounts", "customerSetting", "invoices", "tblCustomersByReferrerId", "contacts",
    ]);
    const account = alone.schema.getType("Account") as GraphQLObjectType;
    // Two keys of transfers reach accounts: one named by smart tags, the other by its column.
    expect(Object.keys(account.getFields())).toEqual(["id", "customerId", "kind", "iban", "openedOn", "balance", "limits", "customer", "auditEntries", "outgoingTransfers", "transfersByToAccountId"]);
    const transfer = alone.schema.getType("Transfer") as GraphQLObjectType;
    expect(Object.keys(transfer.getFields())).toEqual(["id", "fromAccountId", "toAccountId", "sbTxAmount", "amountCents", "bookedAt", "memo", "ref", "payer", "toAccount"]);
    const adjustment = alone.schema.getType("LineAdjustment") as GraphQLObjectType;
    expect(Object.keys(adjustment.getFields())).toContain("invoiceLineByInvoiceIdAndLineNo");
    const odd = alone.schema.getType("OddName") as GraphQLObjectType;
    expect(Object.keys(odd.getFields())).toEqual(["id", "_2faSecret", "grosse", "customerId", "customerId2", "and2", "u3a9", "span", "spot"]);
  });

  it("reports what it renamed, left out or shows as text", () => {
    const r = reasons(alone);
    expect(r).toContain("ledger.tblCustomer.secret_note: @omit: not exposed");
    expect(r).toContain("crm.accounts: type name Account (or one derived from it) is taken: named CrmAccount");
    expect(r).toContain("ledger.odd_names.customerId: field name customerId is taken or not usable: named customerId2");
    expect(r).toContain('ledger.account_kind: enum label "cost-center" is not a GraphQL name: value COST_CENTER');
    expect(r).toContain("ledger.odd_names.span: type pg_catalog.int4range is not known to the data API: exposed as String (its text form), filtered by text, not orderable");
    expect(r).toContain("ledger.audit_log: no primary key: listed and filtered, no lookup, update or delete (a @primaryKey smart tag can name one)");
    expect(r.some((x) => x.startsWith("ledger.big_transfers"))).toBe(false);
    expect(r).toContain("ledger.nothing_here: no column to expose: left out");
    expect(r).toContain("ledger.all_hidden: no column to expose: left out");
  });

  it("says in the type's description when a table has no primary key or is a view", () => {
    expect(alone.schema.getType("AuditEntry")!.description).toBe("Every action taken on an account.\n\nHas no primary key: listed and filtered, but no lookup, update or delete.");
    expect(alone.schema.getType("AccountBalance")!.description).toContain("A view (ledger.account_balances): read-only.");
    expect(alone.api.query).not.toHaveProperty("auditEntry");
    expect(alone.api.query).toHaveProperty("bigTransfer");
  });

  it("marks every root query field with the tables its selection can read", () => {
    expect(alone.api.query.invoiceLine!.extensions).toEqual({ cacheTables: ["InvoiceLines", "accounts", "audit_log", "contacts", "customer_settings", "invoices", "line_adjustments", "tblCustomer", "transfers"] });
    expect(alone.api.query.allNews!.extensions).toEqual({ cacheTables: ["news"] });
  });

  it("names its scalars, filters and types apart from the host's when the names are taken", () => {
    const api = buildDataApi(alone.model, {
      pageInfoType: alone.schema.getType("PageInfo") as GraphQLObjectType,
      reservedTypeNames: ["PageInfo", "BigInt", "StringFilter", "TblCustomer", "JSON"],
      reservedQueryFields: ["tblCustomers"],
      maxPageSize: 100,
      defaultPageSize: 10,
    });
    const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: "Query", fields: api.query }), mutation: new GraphQLObjectType({ name: "Mutation", fields: api.mutation }), types: api.types });
    expect(validateSchema(schema)).toEqual([]);
    const names = new Set(api.types.map((t) => t.name));
    for (const n of ["PgBigInt", "PgStringFilter", "LedgerTblCustomer", "LedgerTblCustomerConnection"]) expect(names, n).toContain(n);
    for (const n of ["BigInt", "StringFilter", "TblCustomer", "PageInfo"]) expect(names, n).not.toContain(n);
    // JSON is graphql-scalars' instance, the one the host uses: shared, not renamed.
    expect(api.types.find((t) => t.name === "JSON")).toBe(GraphQLJSON);
    expect(api.query).toHaveProperty("ledgerTblCustomers");
    // Relation fields inside other types keep the plain name: only the host took it.
    expect(Object.keys((schema.getType("Account") as GraphQLObjectType).getFields())).toContain("customer");
    expect(Object.keys((schema.getType("LedgerTblCustomer") as GraphQLObjectType).getFields())).toContain("tblCustomersByReferrerId");
  });

  it("never exposes the gateway's own tables or schemas, even when asked to; a user's table of the same name is theirs", async () => {
    // The user's own `jobs` and `orders` in public; the gateway's jobs, query_log, … live in kaizen.
    await alone.app.services.db.query(`CREATE TABLE public.jobs (id int PRIMARY KEY, title text)`);
    await alone.app.services.db.query(`CREATE TABLE public.orders (id int PRIMARY KEY)`);
    try {
      const model = await introspectDataModel(alone.app.services.db, { schemas: ["public", "kaizen", "pg_catalog", "information_schema"], allow: null });
      expect(model.schemas).toEqual(["public"]);
      expect(model.tables.map((t) => `${t.schema}.${t.name}`).sort()).toEqual(["public.jobs", "public.orders"]);
      expect(model.report.map((r) => r.reason)).toEqual(expect.arrayContaining(["the gateway's own schema is never exposed", "system schemas are never exposed"]));
      const asked = await introspectDataModel(alone.app.services.db, { schemas: ["public"], allow: ["kaizen.jobs", "kaizen.query_log", "query_log", "orders"] });
      expect(asked.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(["public.orders"]);
    } finally {
      await alone.app.services.db.query(`DROP TABLE public.jobs, public.orders`);
    }
  });

  it("applies the allow and deny lists, by table or schema.table", async () => {
    const model = await introspectDataModel(alone.app.services.db, { schemas: ["ledger", "crm"], allow: ["accounts", "ledger.transfers", "crm.news", "nope"], deny: ["crm.accounts"] });
    expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(["ledger.accounts", "ledger.transfers", "crm.news"]);
    expect(model.report).toContainEqual({ table: "nope", reason: "API_TABLES names a table that is not in the exposed schemas (ledger, crm)" });
    // A key to a table left out is reported, not followed.
    expect(model.report).toContainEqual({ table: "ledger.accounts", reason: 'foreign key accounts_customer_id_fkey references ledger.tblCustomer that is not exposed: no relation field' });
  });
});

describe.each(backendNames())("data API beside the gateway's schema on %s", (backend) => {
  let merged: DataApiHarness;
  beforeAll(async () => {
    merged = await startDataApi(backend, { fixture: "dataapi-ledger.sql", schemas: ["ledger", "crm"], mode: "merged" });
  });
  afterAll(async () => merged?.close());

  it("steps around the gateway's type and field names and serves both", async () => {
    expect(reasons(merged)).toContain("crm.jobs: type name Job (or one derived from it) is taken: named CrmJob");
    expect(merged.api.query).toHaveProperty("crmJobs");
    const data = await merged.gql(`{ crmJobs(orderBy: [TITLE_ASC]) { nodes { id title } } jobs(first: 1) { nodes { id } } }`);
    expect(data.crmJobs.nodes).toEqual([{ id: 2, title: "Call back" }, { id: 1, title: "Follow up" }]);
    expect(data.jobs.nodes).toEqual([]);
  });

  it("creates nothing in the database while building and answering", async () => {
    const catalog = async () => (await merged.app.services.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname NOT LIKE 'pg_%'`)).rows[0]!.n;
    const before = await catalog();
    await merged.gql(`{ tblCustomers(first: 5, orderBy: [EMAIL_DESC]) { nodes { email accounts { totalCount } } } }`);
    await introspectDataModel(merged.app.services.db, { schemas: ["ledger", "crm"] });
    expect(await catalog()).toBe(before);
  });
});
