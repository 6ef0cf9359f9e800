import { describe, expect, it } from "vitest";
import type { Catalog, CatalogColumn, CatalogTable } from "../../src/services/catalog/types.js";
import { translateOffline } from "../../src/services/nlsql/offline/index.js";

// A third schema, built by hand: the translator's SQL for it comes from the catalog alone.
const column = (name: string, kind: CatalogColumn["kind"], extra: Partial<CatalogColumn> = {}): CatalogColumn => ({
  name, fieldName: null, sqlType: kind, kind, nullable: false, hasDefault: false, isPrimaryKey: name === "id", isUnique: name === "id",
  enumValues: null, references: null, description: null, synonyms: [], knownValues: null, ...extra,
});
const table = (name: string, columns: CatalogColumn[], extra: Partial<CatalogTable> = {}): CatalogTable => ({
  schema: "library", name, modelName: null, description: null, synonyms: [], definitions: {}, primaryKey: ["id"], columns, rowEstimate: 100, ...extra,
});
const catalog: Catalog = {
  version: "lib-1",
  builtAt: new Date(),
  tables: [
    table("authors", [column("id", "integer"), column("name", "text"), column("nationality", "text", { knownValues: ["British", "French"] })], { synonyms: ["writers"] }),
    table("books", [
      column("id", "integer"), column("title", "text"), column("author_id", "integer", { references: { table: "authors", column: "id" } }),
      column("genre", "text", { knownValues: ["Fantasy", "History", "Poetry"] }), column("pages", "integer"), column("published_on", "date"),
    ], { synonyms: ["titles"] }),
    table("members", [column("id", "integer"), column("full_name", "text"), column("joined_at", "timestamp", { synonyms: ["joined", "signed up"] })], { synonyms: ["borrowers", "patrons"] }),
    table("loans", [
      column("id", "integer"), column("book_id", "integer", { references: { table: "books", column: "id" } }), column("member_id", "integer", { references: { table: "members", column: "id" } }),
      column("borrowed_at", "timestamp", { synonyms: ["borrowed"] }), column("returned_at", "timestamp", { nullable: true }), column("late_fee", "number"),
    ], { synonyms: ["checkouts", "borrowings"], definitions: { "fee income": "the sum of loans.late_fee over loans" } }),
  ],
};
const now = new Date("2026-06-15T12:00:00.000Z");
const sql = (q: string) => {
  const r = translateOffline(q, catalog, { now, defaultLimit: 100 });
  if (r.kind !== "sql") throw new Error(`${q}: ${r.reason}`);
  return r.sql;
};

describe("offline translator on a hand-built library catalog", () => {
  it("lists with a value filter reached through a foreign key", () => {
    expect(sql("books by British authors")).toBe(
      "SELECT b.id, b.title, b.author_id, b.genre, b.pages, b.published_on FROM library.books b JOIN library.authors a ON a.id = b.author_id WHERE a.nationality = 'British' ORDER BY b.id LIMIT 100",
    );
  });
  it("counts per group across two hops, with a date range on the fact table", () => {
    expect(sql("number of loans per genre last month")).toBe(
      "SELECT b.genre, count(*) AS loans_count FROM library.loans l JOIN library.books b ON b.id = l.book_id WHERE l.borrowed_at >= '2026-05-01T00:00:00.000Z' AND l.borrowed_at < '2026-06-01T00:00:00.000Z' GROUP BY b.genre ORDER BY b.genre LIMIT 100",
    );
  });
  it("ranks members by a count of their loans", () => {
    expect(sql("top 3 members by number of loans")).toBe(
      "SELECT m.id, m.full_name, count(*) AS loans_count FROM library.loans l JOIN library.members m ON m.id = l.member_id GROUP BY m.id, m.full_name ORDER BY loans_count DESC, m.id, m.full_name LIMIT 3",
    );
  });
  it("uses a definition and date columns given by synonyms", () => {
    expect(sql("fee income this year")).toBe("SELECT sum(l.late_fee) AS fee_income FROM library.loans l WHERE l.borrowed_at >= '2026-01-01T00:00:00.000Z' AND l.borrowed_at < '2027-01-01T00:00:00.000Z'");
    expect(sql("how many patrons joined in 2025")).toBe("SELECT count(*) AS members_count FROM library.members m WHERE m.joined_at >= '2025-01-01T00:00:00.000Z' AND m.joined_at < '2026-01-01T00:00:00.000Z'");
  });
  it("handles absence, nulls and comparisons", () => {
    expect(sql("writers without books")).toContain("NOT EXISTS (SELECT 1 FROM library.books books_x WHERE books_x.author_id = a.id)");
    expect(sql("loans without a returned at")).toContain("WHERE l.returned_at IS NULL");
    expect(sql("books with more than 300 pages")).toContain("WHERE b.pages > 300");
  });
  it("takes the always-present date of a table with two, and refuses unknown words", () => {
    expect(sql("latest 5 loans")).toContain("ORDER BY l.borrowed_at DESC, l.id LIMIT 5");
    expect(sql("loans returned last week")).toContain("WHERE l.returned_at >= '2026-06-08T00:00:00.000Z'");
    expect(translateOffline("books that are overdue", catalog, { now, defaultLimit: 100 })).toMatchObject({ kind: "not_understood", reason: expect.stringContaining("overdue") });
  });
});

// Shapes added for questions outside the development set; each must answer exactly this or refuse.
describe("offline translator: phrasing beyond the development set", () => {
  const refuse = (q: string, why?: RegExp) => {
    const r = translateOffline(q, catalog, { now, defaultLimit: 100 });
    expect(r.kind, q).toBe("not_understood");
    if (why && r.kind === "not_understood") expect(r.reason).toMatch(why);
  };
  it("keeps a count across a value between it and its table", () => {
    expect(sql("how many fantasy books are there")).toBe("SELECT count(*) AS books_count FROM library.books b WHERE b.genre = 'Fantasy'");
  });
  it("negates values, flags and text, and refuses a negation it cannot place", () => {
    expect(sql("books that are not fantasy")).toContain("WHERE b.genre <> 'Fantasy'");
    expect(sql("books whose title does not contain 'night'")).toContain("b.title NOT ILIKE '%night%'");
    refuse("books not", /"not"/);
    refuse("writers or books", /"or"/);
    refuse("distinct genres of books", /distinct/);
  });
  it("reads 'never <verb>' as absence of the verb's rows, and the verb's object as part of it", () => {
    expect(sql("patrons who never borrowed a book")).toContain("WHERE NOT EXISTS (SELECT 1 FROM library.loans loans_x WHERE loans_x.member_id = m.id)");
  });
  it("reads a referencing table with no condition as 'has at least one'", () => {
    expect(sql("patrons with checkouts")).toContain("WHERE EXISTS (SELECT 1 FROM library.loans loans_x WHERE loans_x.member_id = m.id)");
    refuse("patrons and checkouts");
  });
  it("ranks by how many event rows a thing has ('most borrowed')", () => {
    expect(sql("top 3 most borrowed books")).toBe(
      "SELECT b.id, b.title, count(*) AS loans_count FROM library.loans l JOIN library.books b ON b.id = l.book_id GROUP BY b.id, b.title ORDER BY loans_count DESC, b.id, b.title LIMIT 3",
    );
  });
  it("groups a column and keeps groups by their count", () => {
    expect(sql("genres with more than 5 books")).toBe("SELECT b.genre, count(*) AS books_count FROM library.books b GROUP BY b.genre HAVING count(*) > 5 ORDER BY b.genre LIMIT 100");
  });
  it("sorts by a named column, and refuses 'ordered by' when no column follows", () => {
    expect(sql("books sorted by pages descending")).toContain("ORDER BY b.pages DESC, b.id LIMIT 100");
    refuse("books ordered by writers", /sort/);
  });
  it("does not drop a comparison whose column comes unnamed: the one numeric column, or a refusal", () => {
    expect(sql("books under 300 in fantasy")).toContain("WHERE b.genre = 'Fantasy' AND b.pages < 300");
    refuse("French writers over 300", /applies to/);
  });
  it("refuses forecasts, per-row comparisons of a measure, lowest-count rankings and grouping by a value", () => {
    refuse("fee income next month", /future/);
    refuse("which patrons will borrow books", /prediction/);
    refuse("patrons with fee income over 100", /per row/);
    refuse("patrons with the fewest checkouts", /none at all/);
    refuse("number of books per fantasy", /not something to group by/);
  });
});
