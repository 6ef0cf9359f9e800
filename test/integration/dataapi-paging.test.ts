/**
 * Paging, property-based: for random orderings (with NULLs, ties, descending terms), filters and page
 * sizes drawn from a seeded PRNG, walking a list forward with first/after and backward with last/before
 * returns every row exactly once, in the order PostgreSQL gives for the same ORDER BY; windows between
 * two cursors hold exactly the rows between them; pageInfo agrees with the pages. Lists with a key page
 * by keyset, views and tables without one by position (duplicate rows included).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prand from "pure-rand";
import type { GraphQLEnumType } from "graphql";
import { backendNames } from "../helpers/backends.js";
import { startDataApi, type DataApiHarness } from "../helpers/dataapi.js";
import type { OrderTerm } from "../../src/services/dataapi/api-model.js";

interface ListCase {
  /** Root field, or a nested path: `account(id: 7) { outgoingTransfers }` is written as prefix/suffix. */
  field: string;
  orderByType: string;
  /** Selection of a node and the same as SQL JSON over alias t. */
  node: string;
  nodeSql: string;
  from: string;
  /** Tiebreak columns the API appends (row key, or every orderable column for positional lists). */
  tiebreak: string[];
  filters: Array<{ graphql: string; sql: string }>;
  /** Wraps the list field for nested lists: [before, after] the field's text. */
  wrap?: [string, string];
  unwrap?: (data: any) => any;
}

const ROUNDS = 5;

const kindName: Record<string, string> = { asset: "asset", liability: "liability", "cost-center": "COST_CENTER", "in progress": "IN_PROGRESS", "1099": "_1099" };

const cases: ListCase[] = [
  {
    field: "transfers", orderByType: "TransferOrderBy", from: "ledger.transfers t", tiebreak: ["id"],
    node: "id", nodeSql: "json_build_object('id', t.id::text)",
    filters: [{ graphql: "", sql: "TRUE" }, { graphql: "filter: { memo: { isNull: false } }", sql: "t.memo IS NOT NULL" }, { graphql: `filter: { sbTxAmount: { lt: "3000" }, payer: { kind: { ne: asset } } }`, sql: `t."sbTxAmount" < 3000 AND EXISTS (SELECT 1 FROM ledger.accounts a WHERE a.id = t.from_account_id AND a.kind <> 'asset')` }],
  },
  {
    field: "tblCustomers", orderByType: "TblCustomerOrderBy", from: `ledger."tblCustomer" t`, tiebreak: ["id"],
    node: "id", nodeSql: "json_build_object('id', t.id::text)",
    filters: [{ graphql: "", sql: "TRUE" }],
  },
  {
    field: "invoiceLines", orderByType: "InvoiceLineOrderBy", from: `ledger."InvoiceLines" t`, tiebreak: ["invoice_id", "line_no"],
    node: "invoiceId lineNo", nodeSql: "json_build_object('invoiceId', t.invoice_id, 'lineNo', t.line_no)",
    filters: [{ graphql: "", sql: "TRUE" }],
  },
  {
    field: "bigTransfers", orderByType: "BigTransferOrderBy", from: "ledger.big_transfers t", tiebreak: ["id"],
    node: "id", nodeSql: "json_build_object('id', t.id::text)",
    filters: [{ graphql: "", sql: "TRUE" }],
  },
  {
    // No key, duplicate rows: positional cursors; every column is part of the node so duplicates are indistinguishable.
    field: "auditEntries", orderByType: "AuditEntryOrderBy", from: "ledger.audit_log t", tiebreak: ["at", "actor", "action", "account_id"],
    node: "at actor action accountId", nodeSql: "json_build_object('at', t.at, 'actor', t.actor, 'action', t.action, 'accountId', t.account_id)",
    filters: [{ graphql: "", sql: "TRUE" }, { graphql: `filter: { action: { eq: "edit" } }`, sql: "t.action = 'edit'" }],
  },
  {
    field: "accountBalances", orderByType: "AccountBalanceOrderBy", from: "ledger.account_balances t", tiebreak: ["account_id", "kind", "balance", "email"],
    node: "accountId kind balance email", nodeSql: "json_build_object('accountId', t.account_id, 'kind', t.kind, 'balance', t.balance::text, 'email', t.email)",
    filters: [{ graphql: "", sql: "TRUE" }],
  },
  {
    // A relation list inside a row, keyset, and one without a key (positional) inside a row.
    field: "outgoingTransfers", orderByType: "TransferOrderBy", from: "ledger.transfers t", tiebreak: ["id"],
    node: "id", nodeSql: "json_build_object('id', t.id::text)",
    filters: [{ graphql: "", sql: "t.from_account_id = (SELECT min(id) FROM ledger.accounts WHERE customer_id = 3)" }, { graphql: "filter: { memo: { isNull: false } }", sql: "t.from_account_id = (SELECT min(id) FROM ledger.accounts WHERE customer_id = 3) AND t.memo IS NOT NULL" }],
    wrap: ["tblCustomer(id: 3) { accounts(first: 1) { nodes {", "} } }"],
    unwrap: (d) => d.tblCustomer.accounts.nodes[0].outgoingTransfers,
  },
  {
    field: "auditEntries", orderByType: "AuditEntryOrderBy", from: "ledger.audit_log t", tiebreak: ["at", "actor", "action", "account_id"],
    node: "at actor action accountId", nodeSql: "json_build_object('at', t.at, 'actor', t.actor, 'action', t.action, 'accountId', t.account_id)",
    filters: [{ graphql: "", sql: "t.account_id = 2" }],
    wrap: ["account(id: 2) {", "}"],
    unwrap: (d) => d.account.auditEntries,
  },
];

describe.each(backendNames())("data API paging on %s", (backend) => {
  let h: DataApiHarness;
  beforeAll(async () => {
    h = await startDataApi(backend, { fixture: "dataapi-ledger.sql", schemas: ["ledger", "crm"], mode: "alone", maxPageSize: 500 });
  });
  afterAll(async () => h?.close());

  type Page = { edges: Array<{ cursor: string; node: unknown }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; totalCount: number };
  const fetchPage = async (c: ListCase, args: string): Promise<Page> => {
    const field = `${c.field}(${args}) { edges { cursor node { ${c.node} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount }`;
    const data = await h.gql(`{ ${c.wrap ? `${c.wrap[0]} ${field} ${c.wrap[1]}` : field} }`);
    return c.unwrap ? c.unwrap(data) : data[c.field];
  };
  const normalize = (node: any) => ("kind" in node && node.kind !== null ? { ...node, kind: node.kind } : node);

  async function expected(c: ListCase, terms: OrderTerm[], where: string): Promise<unknown[]> {
    const order = [...terms.map((t) => `t.${JSON.stringify(t.column)} ${t.asc ? "ASC" : "DESC"}`), ...c.tiebreak.filter((col) => !terms.some((t) => t.column === col)).map((col) => `t.${JSON.stringify(col)} ASC`)];
    const rows = await h.app.services.db.query<{ j: any }>(`SELECT ${c.nodeSql} AS j FROM ${c.from} WHERE ${where} ORDER BY ${order.join(", ")}`);
    return rows.rows.map((r) => ("kind" in r.j ? { ...r.j, kind: kindName[r.j.kind] } : r.j));
  }

  it("returns each row exactly once, forward and backward, for random orderings and page sizes", async () => {
    const rng = prand.xoroshiro128plus(20260615);
    const int = (lo: number, hi: number) => prand.unsafeUniformIntDistribution(lo, hi, rng);
    let trials = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of cases) {
        const values = (h.schema.getType(c.orderByType) as GraphQLEnumType).getValues();
        const terms: OrderTerm[] = [];
        for (let n = int(0, 3); n > 0; n--) {
          const v = values[int(0, values.length - 1)]!;
          if (!terms.some((t) => t.column === (v.value as OrderTerm).column)) terms.push(v.value as OrderTerm);
        }
        const filter = c.filters[int(0, c.filters.length - 1)]!;
        const want = await expected(c, terms, filter.sql);
        const orderBy = terms.length ? `orderBy: [${terms.map((t) => t.value).join(", ")}]` : "";
        const extra = [orderBy, filter.graphql].filter(Boolean).join(" ");
        const size = int(1, Math.max(2, Math.ceil(want.length / 6)));
        const label = `${c.wrap ? "nested " : ""}${c.field} ${extra} size ${size}`;

        // Forward.
        const forward: Array<{ cursor: string; node: unknown }> = [];
        let after: string | null = null;
        for (let pages = 0; ; pages++) {
          const page: Page = await fetchPage(c, `first: ${size} ${after ? `after: ${JSON.stringify(after)}` : ""} ${extra}`);
          expect(page.totalCount, label).toBe(want.length);
          expect(page.edges.length, label).toBeLessThanOrEqual(size);
          expect(page.pageInfo.hasPreviousPage, label).toBe(pages > 0);
          expect(page.pageInfo.startCursor, label).toBe(page.edges[0]?.cursor ?? null);
          expect(page.pageInfo.endCursor, label).toBe(page.edges.at(-1)?.cursor ?? null);
          forward.push(...page.edges);
          if (!page.pageInfo.hasNextPage) break;
          expect(page.edges.length, label).toBe(size);
          after = page.pageInfo.endCursor;
          if (pages > want.length + 2) throw new Error(`${label}: paging does not end`);
        }
        expect(forward.map((e) => normalize(e.node)), label).toEqual(want);

        // Backward.
        const backward: Array<{ cursor: string; node: unknown }> = [];
        let before: string | null = null;
        for (let pages = 0; ; pages++) {
          const page: Page = await fetchPage(c, `last: ${size} ${before ? `before: ${JSON.stringify(before)}` : ""} ${extra}`);
          expect(page.pageInfo.hasNextPage, label).toBe(pages > 0);
          expect(page.pageInfo.startCursor, label).toBe(page.edges[0]?.cursor ?? null);
          backward.unshift(...page.edges);
          if (!page.pageInfo.hasPreviousPage) break;
          before = page.pageInfo.startCursor;
          if (pages > want.length + 2) throw new Error(`${label}: paging does not end`);
        }
        expect(backward.map((e) => normalize(e.node)), label).toEqual(want);
        expect(backward.map((e) => e.cursor), label).toEqual(forward.map((e) => e.cursor));

        // A window between two cursors: exactly the rows strictly between them, from either end.
        if (forward.length >= 3) {
          const i = int(0, forward.length - 3);
          const j = int(i + 2, forward.length - 1);
          const between = want.slice(i + 1, j);
          const k = int(1, between.length + 1);
          const window = `after: ${JSON.stringify(forward[i]!.cursor)} before: ${JSON.stringify(forward[j]!.cursor)} ${extra}`;
          const head = await fetchPage(c, `first: ${k} ${window}`);
          expect(head.edges.map((e) => normalize(e.node)), `${label} window head`).toEqual(between.slice(0, k));
          expect(head.pageInfo.hasNextPage, `${label} window head`).toBe(k < between.length);
          expect(head.pageInfo.hasPreviousPage, `${label} window head`).toBe(true);
          const tail = await fetchPage(c, `last: ${k} ${window}`);
          expect(tail.edges.map((e) => normalize(e.node)), `${label} window tail`).toEqual(between.slice(Math.max(0, between.length - k)));
          expect(tail.pageInfo.hasPreviousPage, `${label} window tail`).toBe(k < between.length);
          expect(tail.pageInfo.hasNextPage, `${label} window tail`).toBe(true);
        }
        trials++;
      }
    }
    expect(trials).toBe(cases.length * ROUNDS);
  });
});
