/**
 * Applies and diffs Prisma migrations with Prisma's own schema engine compiled
 * to WebAssembly, so `prisma migrate deploy` and the gateway agree on
 * `_prisma_migrations` without a native engine download (see notes/prisma-offline.md).
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const wasmPath = require.resolve("@prisma/schema-engine-wasm").replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
    // lib "DOM" is where TypeScript keeps the WebAssembly types; we do not load it for one call.
    const wasm = (globalThis as unknown as { WebAssembly: { instantiate(b: Buffer, i: object): Promise<{ instance: { exports: Record<string, unknown> } }> } }).WebAssembly;
    const { instance } = await wasm.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports as never);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return wasmReady;
}

export interface PrismaPaths {
  schemaFile: string;
  migrationsDir: string;
}

export const defaultPrismaPaths = (root = process.cwd()): PrismaPaths => ({
  schemaFile: path.join(root, "prisma", "schema.prisma"),
  migrationsDir: path.join(root, "prisma", "migrations"),
});

const noFilters = { externalTables: [], externalEnums: [] };

export function readMigrationList(migrationsDir: string): MigrationList {
  const dirs = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : 'provider = "postgresql"\n',
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

async function withEngine<T>(
  paths: PrismaPaths,
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const schemaText = fs.readFileSync(paths.schemaFile, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, paths = defaultPrismaPaths()): Promise<string[]> {
  return withEngine(paths, factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(paths.migrationsDir), filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database built from the migrations folder to `schema.prisma`.
 * Empty when they agree. Needs a shadow database, which the factory provides
 * (PGlite makes an in-memory one).
 */
export async function diffMigrationsToSchema(factory: SqlMigrationAwareDriverAdapterFactory, paths = defaultPrismaPaths()): Promise<string> {
  return withEngine(paths, factory, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrationList(paths.migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: paths.schemaFile, content: fs.readFileSync(paths.schemaFile, "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? "";
    return /^\s*(--\s*This is an empty migration\.?\s*)?$/.test(sql) ? "" : sql;
  });
}
