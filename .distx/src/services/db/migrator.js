import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
const require2 = createRequire(import.meta.url);
let wasmReady;
function loadWasm() {
  wasmReady ??= (async () => {
    const wasmPath = require2.resolve("@prisma/schema-engine-wasm").replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
    const wasm = globalThis.WebAssembly;
    const { instance } = await wasm.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })();
  return wasmReady;
}
const defaultPrismaPaths = (root = process.cwd()) => ({
  schemaFile: path.join(root, "prisma", "schema.prisma"),
  migrationsDir: path.join(root, "prisma", "migrations")
});
const noFilters = { externalTables: [], externalEnums: [] };
function readMigrationList(migrationsDir) {
  const dirs = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : 'provider = "postgresql"\n'
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") }
      }
    }))
  };
}
async function withEngine(paths, factory, run) {
  await loadWasm();
  const schemaText = fs.readFileSync(paths.schemaFile, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    () => {
    },
    bindMigrationAwareSqlAdapterFactory(factory)
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}
async function applyMigrations(factory, paths = defaultPrismaPaths()) {
  return withEngine(paths, factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(paths.migrationsDir), filters: noFilters });
    return out.appliedMigrationNames;
  });
}
async function diffMigrationsToSchema(factory, paths = defaultPrismaPaths()) {
  return withEngine(paths, factory, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrationList(paths.migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: paths.schemaFile, content: fs.readFileSync(paths.schemaFile, "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilters
    });
    const sql = result.stdout ?? "";
    return /^\s*(--\s*This is an empty migration\.?\s*)?$/.test(sql) ? "" : sql;
  });
}
export {
  applyMigrations,
  defaultPrismaPaths,
  diffMigrationsToSchema,
  readMigrationList
};
