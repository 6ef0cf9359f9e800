import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defaultPrismaPaths, diffMigrationsToSchema } from "../services/db/migrator.js";
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration:new -- <name>   (e.g. add_jobs)");
  process.exit(2);
}
const paths = defaultPrismaPaths();
const pglite = new PGlite();
const sql = await diffMigrationsToSchema(new PrismaPGlite(pglite), paths);
await pglite.close();
if (!sql) {
  console.log("schema.prisma and prisma/migrations agree: nothing to write.");
  process.exit(0);
}
const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/[-:TZ.]/g, "").slice(0, 14);
const dir = path.join(paths.migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
if (!fs.existsSync(path.join(paths.migrationsDir, "migration_lock.toml"))) {
  fs.writeFileSync(path.join(paths.migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
