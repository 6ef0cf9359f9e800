import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defaultPrismaPaths, diffMigrationsToSchema, type PrismaPaths } from "../../src/services/db/index.js";
import { SCHEMA_FILE, schemaText } from "../../src/cli/schema-text.js";
import { freshBackend, openBackendSql } from "../helpers/backends.js";
import { makeLegacyInstall } from "../helpers/legacy-install.js";

const root = path.resolve(import.meta.dirname, "../..");

async function driftSql(paths: PrismaPaths): Promise<string> {
  const pglite = new PGlite();
  try {
    return await diffMigrationsToSchema(new PrismaPGlite(pglite), paths);
  } finally {
    await pglite.close();
  }
}

describe("drift between generated artefacts and their sources", () => {
  it("schema.graphql matches the schema the code builds", async () => {
    const file = path.join(root, SCHEMA_FILE);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const current = await schemaText();
    expect(committed === current, `${SCHEMA_FILE} is stale: run npm run schema:emit and commit the result`).toBe(true);
  });

  it("prisma/migrations produce exactly schema.prisma", async () => {
    const sql = await driftSql(defaultPrismaPaths(root));
    expect(sql, `prisma/migrations and schema.prisma differ; run npm run db:migration:new -- <name>. SQL that would close the gap:\n${sql}`).toBe("");
  });

  it("notices a model that no migration creates", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-drift-"));
    try {
      const real = defaultPrismaPaths(root);
      const schemaFile = path.join(dir, "schema.prisma");
      fs.writeFileSync(schemaFile, `${fs.readFileSync(real.schemaFile, "utf8")}\nmodel DriftProbe {\n  id Int @id\n  @@map("drift_probe")\n}\n`);
      const sql = await driftSql({ schemaFile, migrationsDir: real.migrationsDir });
      expect(sql).toMatch(/CREATE TABLE "drift_probe"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run db:migrate", () => {
  const migrate = (env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["src/cli/migrate.ts"], { cwd: root, env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", ...env }, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("exit", (code) => resolve({ code, out }));
    });

  it("applies the migrations to DATA_DIR once, says which, and then that nothing is left", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-migrate-"));
    try {
      const names = fs.readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
      const first = await migrate({ DATA_DIR: dataDir });
      expect(first.code, first.out).toBe(0);
      expect(first.out).toMatch(new RegExp(`applied ${names.length} migration\\(s\\)`));
      for (const n of names) expect(first.out).toContain(n);
      const second = await migrate({ DATA_DIR: dataDir });
      expect(second.code, second.out).toBe(0);
      expect(second.out).toMatch(/every migration was already applied/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("moves an earlier version's install out of public, then applies nothing more", async () => {
    const backend = await freshBackend("pglite", { onDisk: true });
    try {
      await makeLegacyInstall(backend);
      const baseline = fs.readdirSync(path.join(root, "prisma/migrations")).filter((d) => /^\d+_/.test(d)).sort()[0]!;
      const first = await migrate({ DATA_DIR: backend.env.DATA_DIR! });
      expect(first.code, first.out).toBe(0);
      expect(first.out).toContain(`moved the earlier version's tables (_prisma_migrations, jobs, rejected_records, query_log, nl_examples, ml_models, quality_reports, predictions) from public to kaizen; recorded ${baseline} as applied.`);
      expect(first.out).toMatch(/every migration was already applied \(schema kaizen\)/);
      const again = await migrate({ DATA_DIR: backend.env.DATA_DIR! });
      expect(again.out).not.toMatch(/moved/);
      const sql = await openBackendSql(backend);
      try {
        expect(await sql.query(`SELECT count(*)::int AS n FROM kaizen.jobs`)).toEqual([{ n: 1 }]);
        expect(await sql.query(`SELECT to_regclass('public.jobs') AS t`)).toEqual([{ t: null }]);
      } finally {
        await sql.close();
      }
    } finally {
      await backend.cleanup();
    }
  });

  it("names the bad variable and exits non-zero", async () => {
    const res = await migrate({ DATABASE_URL: "not a url" });
    expect(res.code).toBe(2);
    expect(res.out).toMatch(/DATABASE_URL: expected a URL/);
  });
});
