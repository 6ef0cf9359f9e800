/**
 * An install as the gateway's earlier version left it: its four migrations
 * (kept in test/fixtures/legacy-prisma) applied by Prisma's schema engine to
 * public, `_prisma_migrations` there too, and a row in every gateway table.
 */
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { applyMigrations, type PrismaPaths } from "../../src/services/db/index.js";
import type { Backend } from "./backends.js";

const root = path.resolve(import.meta.dirname, "../..");
export const LEGACY_PATHS: PrismaPaths = {
  schemaFile: path.join(root, "test/fixtures/legacy-prisma/schema.prisma"),
  migrationsDir: path.join(root, "test/fixtures/legacy-prisma/migrations"),
};

export const LEGACY_JOB_ID = "0b5e7a1e-0000-4000-8000-00000000000a";

/** One row per gateway table, and one demo customer (the demo's tables were part of the old migrations). */
const ROWS = `
INSERT INTO jobs (id, kind, status, done, total, accepted, rejected, batches, parameters, result, created_at, started_at, finished_at)
  VALUES ('${LEGACY_JOB_ID}', 'INGEST', 'PARTIAL', 3, 3, 2, 1, 1, '{"table": "customers"}', '{"accepted": 2}', '2026-05-01 10:00:00.123456+00', '2026-05-01 10:00:01+00', '2026-05-01 10:00:02+00');
INSERT INTO rejected_records (job_id, batch, row_index, reason, record) VALUES ('${LEGACY_JOB_ID}', 0, 1, 'column segment expects one of CONSUMER, SMB, ENTERPRISE', '{"segment": "GOLD"}');
INSERT INTO query_log (query_id, question, normalized, scope, sql, source, status, row_count, tables, total_ms, catalog_version)
  VALUES ('legacy-question-1', 'how many customers are there?', 'how many customer', 'public', 'SELECT count(*) FROM customers', 'OFFLINE', 'OK', 1, '{customers}', 3.5, 'v-legacy');
INSERT INTO nl_examples (question, normalized, sql, origin, updated_at) VALUES ('how many customers are there?', 'how many customer', 'SELECT count(*) FROM customers', 'RATED_CORRECT', now());
INSERT INTO ml_models (name, version, task, algorithm, target, source, feature_schema, preparation, metrics, params, artifact, rows_used, training_ms, status, active)
  VALUES ('legacy-model', 1, 'REGRESSION', 'LINEAR', 'total', '{"table": "orders"}', '[]', '{}', '{"r2": 0.5}', '{}', '{"format": "none"}', 10, 5, 'READY', true);
INSERT INTO quality_reports (table_name, score, row_count, report) VALUES ('customers', 97.5, 1, '{}');
INSERT INTO predictions (model_name, model_version, row_key, prediction, job_id) VALUES ('legacy-model', 1, '42', '{"prediction": 1.5}', '${LEGACY_JOB_ID}');
INSERT INTO customers (email, name, country, city, segment) VALUES ('old@example.com', 'Old Customer', 'DE', 'Berlin', 'SMB');
`;

/** Applies the old migrations to the backend's public schema and writes the rows; the backend must be on disk (PGlite) or a server. */
export async function makeLegacyInstall(backend: Backend): Promise<void> {
  if (backend.env.DATABASE_URL) {
    // The schema engine opens connections it never closes; close them, or their sessions keep its advisory lock.
    const inner = new PrismaPg({ connectionString: backend.env.DATABASE_URL, max: 1 });
    const opened: Array<{ dispose(): Promise<void> }> = [];
    const factory = Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, {
      connect: async () => {
        const adapter = await inner.connect();
        opened.push(adapter);
        return adapter;
      },
    }) as SqlMigrationAwareDriverAdapterFactory;
    try {
      await applyMigrations(factory, LEGACY_PATHS);
    } finally {
      await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
    }
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: backend.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(ROWS);
    } finally {
      await client.end();
    }
    return;
  }
  const pglite = new PGlite(backend.env.DATA_DIR);
  try {
    await applyMigrations(new PrismaPGlite(pglite), LEGACY_PATHS);
    await pglite.exec(ROWS);
  } finally {
    await pglite.close();
  }
}
