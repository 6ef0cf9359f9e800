/**
 * Reading through the generated data API over real HTTP (Apollo + graphql-jit), checked against the same
 * questions asked in SQL: lookups, every kind of relation, exact values, GraphQL's selection features,
 * filters, errors, and the number of statements a nested query costs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startDataApi, type DataApiHarness } from "../helpers/dataapi.js";

/** GraphQL names of the fixture's account_kind labels. */
const enumName: Record<string, string> = { asset: "asset", liability: "liability", "cost-center": "COST_CENTER", "in progress": "IN_PROGRESS", "1099": "_1099" };

describe.each(backendNames())("data API queries on %s", (backend) => {
  let h: DataApiHarness;
  const sql = async <T = Record<string, any>>(text: string, params: unknown[] = []) => (await h.app.services.db.query<T>(text, params)).rows;
  beforeAll(async () => {
    h = await startDataApi(backend, { fixture: "dataapi-ledger.sql", schemas: ["ledger", "crm"], mode: "alone", maxPageSize: 500, defaultPageSize: 100 });
  });
  afterAll(async () => h?.close());

  it("looks rows up by primary key, unique keys and composite keys", async () => {
    const data = await h.gql(`{
      tblCustomer(id: 3) { id email }
      tblCustomerByEmail(email: "c4@bank.test") { id }
      invoiceByYearAndNumber(year: 2026, number: 7) { id year number }
      invoiceLine(invoiceId: 2, lineNo: 3) { description qty }
      accountByIban(iban: "DE00000000000000000005") { id }
      bigTransfer(id: "40") { id sbTxAmount }
    }`);
    expect(data.tblCustomer).toEqual({ id: "3", email: "c3@mail.test" });
    expect(data.tblCustomerByEmail).toEqual({ id: "4" });
    expect(data.invoiceByYearAndNumber).toEqual({ id: 7, year: 2026, number: 7 });
    expect(data.invoiceLine).toEqual({ description: "Line 3 of 2", qty: "6.750" });
    expect(data.accountByIban).toEqual({ id: 5 });
    expect(data.bigTransfer).toEqual({ id: "40", sbTxAmount: "1500.000001" });
  });

  it("returns rows wider than json_build_object's 100 arguments", async () => {
    const cols = Array.from({ length: 60 }, (_, i) => `f${String(i + 1).padStart(2, "0")}`);
    const data = await h.gql(`{ wideFact(id: 2) { id big amount ${cols.join(" ")} } wideFacts(orderBy: [ID_DESC]) { nodes { id big ${cols.join(" ")} } } }`);
    expect(data.wideFact).toEqual({ id: 2, big: "9223372036854775805", amount: "24691357802468.246912", ...Object.fromEntries(cols.map((c, i) => [c, 2 * (i + 1)])) });
    expect(data.wideFacts.nodes.map((n: any) => [n.id, n.big, n.f60])).toEqual([[3, "9223372036854775804", 180], [2, "9223372036854775805", 120], [1, "9223372036854775806", 60]]);
  });

  it("answers null for a missing row and still answers its siblings", async () => {
    const body = await h.request(`{ missing: tblCustomer(id: "999999") { id } news(id: 1) { headline } none: invoiceLine(invoiceId: 1, lineNo: 99) { qty } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ missing: null, news: { headline: "Branch opens" }, none: null });
  });

  it("passes values through exactly: bigint, numeric, timestamps with microseconds, intervals, uuid, json, arrays", async () => {
    const data = await h.gql(`{
      tblCustomer(id: "9223372036854775807") { id createdAt tags profile accounts { nodes { balance kind limits } } }
      invoice(id: 2) { issuedAt due }
      transfer(id: "7") { ref bookedAt amountCents sbTxAmount }
      account(id: 3) { limits openedOn }
    }`);
    const [want] = await sql(`SELECT to_json(created_at)::text AS created FROM ledger."tblCustomer" WHERE id = 9223372036854775807`);
    expect(JSON.parse(want!.created)).toBe("2026-03-01T07:04:56.123456+00:00");
    expect(data.tblCustomer).toEqual({
      id: "9223372036854775807",
      createdAt: "2026-03-01T07:04:56.123456+00:00",
      tags: ["edge"],
      profile: { note: "largest id" },
      accounts: { nodes: [{ balance: "12345678901234.123456", kind: "asset", limits: null }] },
    });
    expect(data.invoice).toEqual({ issuedAt: "2025-06-05T10:00:00.500002", due: "2 days" });
    expect(data.transfer).toEqual({ ref: "00000000-0000-4000-8000-000000000007", bookedAt: "2026-02-02T05:00:00.000049+00:00", amountCents: "26250", sbTxAmount: "262.500001" });
    expect(data.account).toEqual({ limits: ["100.5", "2000"], openedOn: "2024-01-10" });
  });

  it("follows forward, backward, self, composite, one-to-one and cross-schema relations", async () => {
    const data = await h.gql(`{
      transfer(id: "5") { payer { id } toAccount { id customer { email } } }
      tblCustomer(id: 7) {
        referrer { id }
        tblCustomersByReferrerId(orderBy: [ID_ASC]) { totalCount nodes { id } }
        customerSetting { theme flags }
        contacts(orderBy: [NAME_ASC]) { nodes { name phones } }
        accounts(orderBy: [ID_ASC]) { nodes { id outgoingTransfers { totalCount } transfersByToAccountId { totalCount } } }
      }
      lineAdjustment(id: 3) { invoiceLineByInvoiceIdAndLineNo { description invoice { number } lineAdjustments { nodes { delta } } } }
    }`);
    const [t] = await sql(`SELECT from_account_id, to_account_id, c.email FROM ledger.transfers t JOIN ledger.accounts a ON a.id = t.to_account_id JOIN ledger."tblCustomer" c ON c.id = a.customer_id WHERE t.id = 5`);
    expect(data.transfer).toEqual({ payer: { id: t!.from_account_id }, toAccount: { id: t!.to_account_id, customer: { email: t!.email } } });
    const referred = await sql(`SELECT id::text FROM ledger."tblCustomer" WHERE referrer_id = 7 ORDER BY id`);
    expect(data.tblCustomer.referrer).toEqual({ id: "3" });
    expect(data.tblCustomer.tblCustomersByReferrerId).toEqual({ totalCount: referred.length, nodes: referred.map((r) => ({ id: r.id })) });
    expect(data.tblCustomer.customerSetting).toEqual({ theme: "light", flags: { beta: false } });
    const contacts = await sql(`SELECT name, phones FROM crm.contacts WHERE customer_id = 7 ORDER BY name`);
    expect(data.tblCustomer.contacts.nodes).toEqual(contacts);
    const accounts = await sql(`SELECT a.id, (SELECT count(*)::int FROM ledger.transfers WHERE from_account_id = a.id) AS o, (SELECT count(*)::int FROM ledger.transfers WHERE to_account_id = a.id) AS i FROM ledger.accounts a WHERE customer_id = 7 ORDER BY id`);
    expect(data.tblCustomer.accounts.nodes).toEqual(accounts.map((a) => ({ id: a.id, outgoingTransfers: { totalCount: a.o }, transfersByToAccountId: { totalCount: a.i } })));
    expect(data.lineAdjustment).toEqual({ invoiceLineByInvoiceIdAndLineNo: { description: "Line 1 of 5", invoice: { number: 5 }, lineAdjustments: { nodes: [{ delta: "-2.500" }] } } });
  });

  it("supports aliases with different arguments, fragments, variables, @include/@skip and __typename, identically in graphql-js and graphql-jit", async () => {
    const query = `query Q($id: BigInt!, $withAll: Boolean!, $n: Int) {
      c: tblCustomer(id: $id) {
        __typename
        ...Basic
        small: accounts(first: $n, orderBy: [ID_DESC]) { nodes { id } pageInfo { hasNextPage } }
        all: accounts(orderBy: [ID_ASC]) @include(if: $withAll) { totalCount nodes { ... on Account { id kind } } edges { node { iban } } }
        skipped: accounts @skip(if: true) { totalCount }
        e1: email
        e2: email
      }
      other: tblCustomer(id: 2) { ...Basic }
    }
    fragment Basic on TblCustomer { id fullName referrer { id } referrer { email } }`;
    const variables = { id: "8", withAll: true, n: 1 };
    const http = await h.gql(query, variables);
    const accounts = await sql(`SELECT id, kind::text, iban FROM ledger.accounts WHERE customer_id = 8 ORDER BY id`);
    expect(http.c).toEqual({
      __typename: "TblCustomer",
      id: "8",
      fullName: "Customer 8",
      referrer: { id: "4", email: "c4@bank.test" },
      small: { nodes: [{ id: accounts[accounts.length - 1]!.id }], pageInfo: { hasNextPage: accounts.length > 1 } },
      all: { totalCount: accounts.length, nodes: accounts.map((a) => ({ id: a.id, kind: enumName[a.kind]! })), edges: accounts.map((a) => ({ node: { iban: a.iban } })) },
      e1: "c8@bank.test",
      e2: "c8@bank.test",
    });
    expect(http.c).not.toHaveProperty("skipped");
    expect(http.other).toEqual({ id: "2", fullName: "Customer 2", referrer: null });
    const { js, jit } = await h.both(query, variables);
    expect(js).toEqual({ data: http });
    expect(jit).toEqual({ data: http });
  });

  it("filters as the same condition written in SQL", async () => {
    const cases: Array<{ list: string; key: string; filter: Record<string, unknown>; where: string; from: string; id: string }> = [];
    const transfers = (filter: Record<string, unknown>, where: string) => cases.push({ list: "transfers", key: "id", filter, where, from: "ledger.transfers t", id: "t.id::text" });
    const accounts = (filter: Record<string, unknown>, where: string) => cases.push({ list: "accounts", key: "id", filter, where, from: "ledger.accounts t", id: "t.id" });
    const customers = (filter: Record<string, unknown>, where: string) => cases.push({ list: "tblCustomers", key: "id", filter, where, from: `ledger."tblCustomer" t`, id: "t.id::text" });
    transfers({ sbTxAmount: { gt: "5000" } }, `t."sbTxAmount" > 5000`);
    transfers({ sbTxAmount: { gte: "1500.000001", lte: "1537.500001" } }, `t."sbTxAmount" BETWEEN 1500.000001 AND 1537.500001`);
    transfers({ memo: { isNull: true } }, "t.memo IS NULL");
    transfers({ memo: { isNull: false, like: "memo 1%" } }, "t.memo LIKE 'memo 1%'");
    transfers({ memo: { ilike: "MEMO 1_" } }, "t.memo ILIKE 'MEMO 1_'");
    transfers({ memo: { ne: "memo 3" } }, "t.memo <> 'memo 3'");
    transfers({ memo: { notIn: ["memo 3", "memo 4"] } }, "t.memo NOT IN ('memo 3', 'memo 4')");
    transfers({ id: { in: ["1", "2", "3", "400"] } }, "t.id IN (1, 2, 3, 400)");
    transfers({ bookedAt: { gte: "2026-02-10T00:00:00Z", lt: "2026-02-20 00:00:00+00" } }, "t.booked_at >= '2026-02-10T00:00:00Z' AND t.booked_at < '2026-02-20 00:00:00+00'");
    transfers({ or: [{ fromAccountId: { eq: 1 } }, { toAccountId: { eq: 1 } }] }, "t.from_account_id = 1 OR t.to_account_id = 1");
    transfers({ not: { memo: { isNull: true } } }, "NOT (t.memo IS NULL)");
    transfers({ and: [] }, "TRUE");
    transfers({ or: [] }, "FALSE");
    transfers({ ref: { eq: "00000000-0000-4000-8000-000000000042" } }, "t.ref = '00000000-0000-4000-8000-000000000042'");
    transfers({ payer: { kind: { eq: "COST_CENTER" } } }, "EXISTS (SELECT 1 FROM ledger.accounts a WHERE a.id = t.from_account_id AND a.kind = 'cost-center')");
    transfers({ payer: { customer: { email: { like: "%@mail.test" } } }, toAccount: { kind: { ne: "asset" } } },
      `EXISTS (SELECT 1 FROM ledger.accounts a JOIN ledger."tblCustomer" c ON c.id = a.customer_id WHERE a.id = t.from_account_id AND c.email LIKE '%@mail.test') AND EXISTS (SELECT 1 FROM ledger.accounts a WHERE a.id = t.to_account_id AND a.kind <> 'asset')`);
    accounts({ kind: { in: ["IN_PROGRESS", "_1099"] } }, "t.kind IN ('in progress', '1099')");
    accounts({ outgoingTransfers: { some: { sbTxAmount: { gt: "10000" } } } }, `EXISTS (SELECT 1 FROM ledger.transfers x WHERE x.from_account_id = t.id AND x."sbTxAmount" > 10000)`);
    accounts({ auditEntries: { none: {} } }, "NOT EXISTS (SELECT 1 FROM ledger.audit_log x WHERE x.account_id = t.id)");
    accounts({ auditEntries: { some: { action: { eq: "edit" } }, none: { actor: { eq: "user0" } } } },
      "EXISTS (SELECT 1 FROM ledger.audit_log x WHERE x.account_id = t.id AND x.action = 'edit') AND NOT EXISTS (SELECT 1 FROM ledger.audit_log x WHERE x.account_id = t.id AND x.actor = 'user0')");
    accounts({ limits: { contains: ["2000"] } }, "t.limits @> ARRAY[2000]::numeric[]");
    accounts({ limits: { isNull: true }, balance: { lt: "10000" } }, "t.limits IS NULL AND t.balance < 10000");
    customers({ tags: { contains: ["vip"] } }, "t.tags @> ARRAY['vip']");
    customers({ tags: { overlaps: ["tag1", "edge"] } }, "t.tags && ARRAY['tag1', 'edge']");
    customers({ tags: { eq: [] } }, "t.tags = '{}'");
    customers({ profile: { contains: { tier: 1 } } }, `t.profile @> '{"tier": 1}'`);
    customers({ referrer: { referrerId: { isNull: true } }, createdAt: { gt: "2026-01-20T00:00:00.000001+00:00" } }, `EXISTS (SELECT 1 FROM ledger."tblCustomer" r WHERE r.id = t.referrer_id AND r.referrer_id IS NULL) AND t.created_at > '2026-01-20T00:00:00.000001+00:00'`);
    customers({ customerSetting: { theme: { eq: "dark" } } }, "EXISTS (SELECT 1 FROM ledger.customer_settings s WHERE s.customer_id = t.id AND s.theme = 'dark')");
    customers({ contacts: { some: { phones: { isNull: false } } } }, "EXISTS (SELECT 1 FROM crm.contacts x WHERE x.customer_id = t.id AND x.phones IS NOT NULL)");
    cases.push({ list: "oddNames", key: "id", filter: { span: { eq: "[1,10)" } }, where: "t.span::text = '[1,10)'", from: "ledger.odd_names t", id: "t.id" });
    cases.push({ list: "lineAdjustments", key: "id", filter: { invoiceLineByInvoiceIdAndLineNo: { qty: { gt: "10" } } }, where: `EXISTS (SELECT 1 FROM ledger."InvoiceLines" l WHERE l.invoice_id = t.invoice_id AND l.line_no = t.line_no AND l.qty > 10)`, from: "ledger.line_adjustments t", id: "t.id" });
    cases.push({ list: "accountBalances", key: "accountId", filter: { kind: { eq: "asset" }, email: { like: "%@mail.test" } }, where: "t.kind = 'asset' AND t.email LIKE '%@mail.test'", from: "ledger.account_balances t", id: "t.account_id" });
    cases.push({ list: "auditEntries", key: "actor", filter: { accountId: { isNull: true } }, where: "t.account_id IS NULL", from: "ledger.audit_log t", id: "t.actor" });

    for (const c of cases) {
      if (process.env.DEBUG_CASES) console.log(JSON.stringify(c.filter));
      const filterType = `${h.schema.getQueryType()!.getFields()[c.list]!.args.find((a) => a.name === "filter")!.type}`;
      const data = await h.gql(`query($f: ${filterType}) { ${c.list}(first: 500, filter: $f) { totalCount nodes { ${c.key} } } }`, { f: c.filter });
      const want = (await sql<{ k: unknown }>(`SELECT ${c.id} AS k FROM ${c.from} WHERE ${c.where}`)).map((r) => r.k);
      const got = data[c.list].nodes.map((n: Record<string, unknown>) => n[c.key]);
      const sort = (a: unknown[]) => [...a].map(String).sort();
      expect({ filter: c.filter, got: sort(got) }).toEqual({ filter: c.filter, got: sort(want) });
      expect(data[c.list].totalCount).toBe(want.length);
      // The filter must select something in at least most cases, or the comparison says little.
    }
    const nonEmpty = await Promise.all(cases.slice(0, 5).map(async (c) => (await sql(`SELECT 1 FROM ${c.from} WHERE ${c.where}`)).length));
    expect(nonEmpty.every((n) => n > 0)).toBe(true);
  });

  it("refuses pages larger than the maximum, naming the argument and the limit", async () => {
    const e = await h.gqlError(`{ tblCustomers(first: 501) { totalCount } }`);
    expect(e.extensions?.code).toBe("BAD_USER_INPUT");
    expect(e.message).toBe("tblCustomers(first): first: 501 is more than the maximum page size 500; ask for at most 500 and continue with after: pageInfo.endCursor");
    const nested = await h.request(`{ news(id: 2) { headline } tblCustomers(first: 1) { nodes { accounts(last: 1000) { totalCount } } } }`);
    expect(nested.data).toEqual({ news: { headline: "New rates" }, tblCustomers: null });
    expect(nested.errors![0]!.message).toBe("tblCustomers.nodes.accounts(last): last: 1000 is more than the maximum page size 500; ask for at most 500 and continue with before: pageInfo.startCursor");
    expect(nested.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await h.gqlError(`{ transfers(first: 2, last: 2) { totalCount } }`)).message).toBe("transfers(first, last): give first or last, not both");
    expect((await h.gqlError(`{ transfers(first: -1) { totalCount } }`)).message).toBe("transfers(first): first must be 0 or more, got -1");
  });

  it("bounds every list: without first or last a page has the default size", async () => {
    const data = await h.gql(`{ transfers { totalCount nodes { id } pageInfo { hasNextPage } } account(id: 1) { outgoingTransfers { totalCount } } }`);
    expect(data.transfers.totalCount).toBe(300);
    expect(data.transfers.nodes).toHaveLength(100);
    expect(data.transfers.pageInfo.hasNextPage).toBe(true);
  });

  it("refuses cursors that are not this list's, and filters it cannot apply", async () => {
    expect((await h.request(`{ transfers(after: "nonsense", filter: { memo: { eq: null } }) { __typename } }`)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const bad = await h.gqlError(`{ transfers(after: "nonsense") { totalCount } }`);
    expect(bad.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.message).toBe("transfers(after): not a cursor. Pass a cursor this list returned (edges.cursor or pageInfo.endCursor/startCursor) with the same orderBy.");
    const page = await h.gql(`{ transfers(first: 1, orderBy: [MEMO_ASC]) { pageInfo { endCursor } } }`);
    const other = await h.gqlError(`query($c: String) { transfers(after: $c, orderBy: [BOOKED_AT_DESC]) { totalCount } }`, { c: page.transfers.pageInfo.endCursor });
    expect(other.message).toBe("transfers(after): the cursor belongs to another list or ordering. Pass a cursor this list returned (edges.cursor or pageInfo.endCursor/startCursor) with the same orderBy.");
    const nullOperand = await h.gqlError(`{ transfers(filter: { memo: { eq: null } }) { totalCount } }`);
    expect(nullOperand.extensions?.code).toBe("BAD_USER_INPUT");
    expect(nullOperand.message).toBe("transfers(filter).memo.eq is null: use isNull: true to match missing values.");
    const unknownField = await h.gqlError(`{ transfers(filter: { nope: { eq: 1 } }) { totalCount } }`);
    expect(unknownField.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(unknownField.message).toMatch(/Field "nope" is not defined by type "TransferFilter"/);
    const unknownOp = await h.gqlError(`{ transfers(filter: { memo: { contains: "x" } }) { totalCount } }`);
    expect(unknownOp.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(unknownOp.message).toMatch(/Field "contains" is not defined by type "StringFilter"/);
  });

  it("refuses values that would lose digits or that PostgreSQL cannot read, as bad input", async () => {
    const unsafe = await h.gqlError(`query($id: BigInt!) { tblCustomer(id: $id) { id } }`, { id: 9223372036854775807 });
    expect(unsafe.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unsafe.message).toMatch(/BigInt cannot take the JSON number 9223372036854776000 without losing digits: pass it as a string/);
    const literal = await h.gql(`{ tblCustomer(id: 9223372036854775807) { id } }`);
    expect(literal.tblCustomer).toEqual({ id: "9223372036854775807" });
    const date = await h.gqlError(`{ transfers(filter: { bookedAt: { gt: "yesterday-ish" } }) { totalCount } }`);
    expect(date.extensions?.code).toBe("BAD_USER_INPUT");
    expect(date.message).toMatch(/^transfers: PostgreSQL refused a value: invalid input syntax for type timestamp with time zone: "yesterday-ish"/);
  });

  it("answers a depth-4 nested query with one statement, whatever the page sizes", async () => {
    const nested = (n: number) => `{ tblCustomers(first: ${n}) { nodes { id accounts(first: ${n}) { nodes { id outgoingTransfers(first: ${n}) { nodes { id toAccount { customer { email contacts(first: ${n}) { totalCount } } } } } } } } } }`;
    const count = async (n: number) => {
      const before = h.sent.length;
      const data = await h.gql(nested(n));
      return { statements: h.sent.slice(before).filter((s) => s.includes(`"ledger".`)).length, data };
    };
    const small = await count(2);
    const large = await count(20);
    expect(small.statements).toBe(1);
    expect(large.statements).toBe(1);
    const transfers = large.data.tblCustomers.nodes.flatMap((c: any) => c.accounts.nodes.flatMap((a: any) => a.outgoingTransfers.nodes));
    expect(transfers.length).toBeGreaterThan(20);
  });

  it("lists views and tables without a key, and looks a view up by its @primaryKey", async () => {
    const data = await h.gql(`{ accountBalances(first: 3, orderBy: [BALANCE_DESC]) { totalCount nodes { accountId balance email kind } } bigTransfers(first: 2, orderBy: [SB_TX_AMOUNT_DESC]) { nodes { id sbTxAmount } } auditEntries(first: 2, orderBy: [AT_DESC, ACTOR_ASC]) { totalCount nodes { at actor action accountId } } }`);
    const balances = await sql(`SELECT account_id AS "accountId", balance::text, email, kind::text FROM ledger.account_balances b ORDER BY b.balance DESC LIMIT 3`);
    expect(data.accountBalances).toEqual({ totalCount: 91, nodes: balances.map((b) => ({ ...b, kind: enumName[b.kind] })) });
    expect(data.bigTransfers.nodes).toEqual([{ id: "300", sbTxAmount: "11250.000001" }, { id: "299", sbTxAmount: "11212.500001" }]);
    expect(data.auditEntries.totalCount).toBe(63);
    expect(data.auditEntries.nodes[0]).toEqual({ at: "2026-02-10T20:00:00+00:00", actor: "user0", action: "view", accountId: 1 });
  });
});
