import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../src/services/catalog/types.js";
import type { Database } from "../../src/services/db/database.js";
import { backendNames } from "../helpers/backends.js";
import { DEMO_NOW } from "../helpers/demo-seed.js";
import { buildCatalog, runScript } from "../helpers/nlsql-catalog.js";
import { openTestDatabase } from "../helpers/nlsql-db.js";
import { formatFailures, gradeAll, loadCases, type Runner } from "../helpers/nlsql-eval.js";

// A clinic in its own schema, documented only by COMMENT ON: the translator must answer with no code change.
const cases = loadCases("test/fixtures/nlsql-generality.jsonl");

describe.each(backendNames())("offline NL→SQL on an unrelated schema (clinic, %s)", (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  let catalog: Catalog;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
    await runScript(db, fs.readFileSync("test/fixtures/clinic-schema.sql", "utf8"));
    catalog = await buildCatalog(db, ["clinic"]);
  });
  afterAll(async () => close?.());

  it("sees only the clinic schema's tables", () => {
    expect(catalog.tables.map((t) => `${t.schema}.${t.name}`).sort()).toEqual(["clinic.appointments", "clinic.departments", "clinic.doctors", "clinic.patients", "clinic.prescriptions"]);
  });

  it("answers ≥ 90 % of ≥ 20 questions with ≥ 98 % precision", async () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const ro: Runner = { query: (sql) => db.transaction((tx) => tx.query(sql), { readOnly: true }) };
    const s = await gradeAll(ro, catalog, cases, DEMO_NOW, 1000);
    if (s.failures.length) console.log(`generality failures on ${backend}:\n${formatFailures(s)}`);
    console.log(`generality set on ${backend}: ${s.answered}/${s.total} answered, ${s.correct} correct`);
    expect(s.coverage).toBeGreaterThanOrEqual(0.9);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    // Schema-qualified SQL: the clinic tables are not on the search path.
    expect(s.results.filter((r) => r.sql).every((r) => r.sql!.includes("clinic."))).toBe(true);
  });
});
