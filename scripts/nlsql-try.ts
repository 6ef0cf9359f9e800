// Dev loop: translate questions (one per line on stdin) against the fixture catalog and print the SQL.
import fs from "node:fs";
import type { Catalog } from "../src/services/catalog/types.js";
import { translateOffline } from "../src/services/nlsql/offline/index.js";

const catalog = JSON.parse(fs.readFileSync(process.argv[2] ?? "test/fixtures/demo-catalog.json", "utf8")) as Catalog;
for (const q of fs.readFileSync(0, "utf8").split("\n").filter(Boolean)) {
  const r = translateOffline(q, catalog, { now: new Date("2026-06-15T12:00:00Z"), defaultLimit: 100 });
  console.log(`\n? ${q}\n  ${r.kind === "sql" ? r.sql + "\n  » " + r.interpretation : "REFUSED: " + r.reason}`);
}
