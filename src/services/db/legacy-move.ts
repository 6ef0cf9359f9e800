/**
 * Moves an install made before the gateway had a schema of its own: its
 * tables and `_prisma_migrations` were in `public`, recorded under the four
 * migrations below. In one transaction each gateway table is moved with
 * `ALTER TABLE … SET SCHEMA` (rows, indexes, constraints and owned sequences
 * go with it), and the moved migration record swaps the old names for the
 * baseline migration, which creates exactly those tables. The demo shop's
 * tables, which the first of those migrations also created, stay in public as
 * the database's own data.
 */
import { createHash } from "node:crypto";
import type { SqlRunner } from "./database.js";
import { GATEWAY_TABLES, type GatewaySchema } from "./gateway-schema.js";
import { readMigrationList, type PrismaPaths } from "./migrator.js";
import { quoteIdent } from "./sql.js";

/** The migrations of the earlier layout, all in public. */
export const LEGACY_MIGRATIONS = ["20261127040138_init", "20261127041156_jobs", "20261127041602_ml_quality", "20261127042209_nlsql"] as const;

export interface LegacyMove {
  from: string;
  to: string;
  tables: string[];
  /** The migration now recorded as applied in place of the legacy ones. */
  baseline: string;
}

interface Host {
  gateway: GatewaySchema;
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  query: SqlRunner["query"];
}

/** The baseline (first) migration and its checksum as Prisma computes it: sha256 hex of migration.sql. */
export function baselineMigration(paths: PrismaPaths): { name: string; checksum: string } {
  const first = readMigrationList(paths.migrationsDir).migrationDirectories[0];
  if (!first || first.migrationFile.content.tag !== "ok") throw new Error(`no migrations in ${paths.migrationsDir}`);
  return { name: first.path, checksum: createHash("sha256").update(first.migrationFile.content.value).digest("hex") };
}

export class LegacyInstallError extends Error {
  constructor(message: string) {
    super(`Cannot move the earlier install's tables from public to the gateway schema: ${message}`);
    this.name = "LegacyInstallError";
  }
}

const LEGACY_SCHEMA = "public";

/**
 * Moves the earlier layout when there is one; null when there is nothing to move (a fresh database, an
 * install already moved, or a `public._prisma_migrations` that belongs to another application).
 */
export async function moveLegacyInstall(db: Host, paths: PrismaPaths): Promise<LegacyMove | null> {
  // Cheap check first: almost every start finds nothing to do.
  if (!(await legacyRecordPresent(db, db.gateway))) return null;
  const baseline = baselineMigration(paths);
  const gw = db.gateway;
  return db.transaction(async (tx) => {
    // One mover at a time (several gateways may start together); the loser finds nothing left to move.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`kaizen-legacy-move:${gw.name}`]);
    if (!(await legacyRecordPresent(tx, gw))) return null;
    const recorded = await tx.query<{ name: string; finished: boolean }>(
      `SELECT migration_name AS name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS finished FROM ${quoteIdent(LEGACY_SCHEMA)}."_prisma_migrations"`,
    );
    const legacy = new Set<string>(LEGACY_MIGRATIONS);
    const ours = recorded.rows.filter((r) => legacy.has(r.name));
    // Another application's migration record (a Prisma app of the user's own): not ours to move.
    if (ours.length === 0) return null;
    const foreign = recorded.rows.filter((r) => !legacy.has(r.name)).map((r) => r.name);
    if (foreign.length) {
      throw new LegacyInstallError(
        `public._prisma_migrations also records migrations the gateway never shipped (${foreign.join(", ")}). Move the gateway's tables (${GATEWAY_TABLES.join(", ")}) to schema ${gw.name} by hand, or start with another GATEWAY_SCHEMA on a clean database.`,
      );
    }
    const unfinished = LEGACY_MIGRATIONS.filter((m) => !ours.some((r) => r.name === m && r.finished));
    if (unfinished.length) {
      throw new LegacyInstallError(`the earlier version's migrations ${unfinished.join(", ")} are not all applied; finish them with that version (npm run db:migrate) first.`);
    }
    const present = await tx.query<{ name: string; schema: string }>(
      `SELECT c.relname AS name, n.nspname AS schema FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[]) AND c.relname = ANY($2::text[])`,
      [[LEGACY_SCHEMA, gw.name], [...GATEWAY_TABLES]],
    );
    const inPublic = new Set(present.rows.filter((r) => r.schema === LEGACY_SCHEMA).map((r) => r.name));
    const missing = GATEWAY_TABLES.filter((t) => !inPublic.has(t));
    if (missing.length) throw new LegacyInstallError(`public lacks the gateway tables ${missing.join(", ")} that its migration record says exist.`);
    const clash = present.rows.filter((r) => r.schema === gw.name).map((r) => r.name);
    if (clash.length) throw new LegacyInstallError(`schema ${gw.name} already holds ${clash.join(", ")}; empty it or choose another GATEWAY_SCHEMA.`);

    for (const t of GATEWAY_TABLES) await tx.query(`ALTER TABLE ${quoteIdent(LEGACY_SCHEMA)}.${quoteIdent(t)} SET SCHEMA ${gw.quoted}`);
    const record = gw.table("_prisma_migrations");
    await tx.query(`DELETE FROM ${record} WHERE migration_name = ANY($1::text[])`, [[...LEGACY_MIGRATIONS]]);
    await tx.query(
      `INSERT INTO ${record} (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, $1, now(), $2, NULL, NULL, now(), 1)`,
      [baseline.checksum, baseline.name],
    );
    return { from: LEGACY_SCHEMA, to: gw.name, tables: [...GATEWAY_TABLES], baseline: baseline.name };
  });
}

/** public has a `_prisma_migrations` and the gateway schema has none yet. */
async function legacyRecordPresent(db: Pick<SqlRunner, "query">, gw: GatewaySchema): Promise<boolean> {
  const res = await db.query<{ legacy: string | null; current: string | null }>(`SELECT to_regclass($1)::text AS legacy, to_regclass($2)::text AS current`, [
    `${quoteIdent(LEGACY_SCHEMA)}."_prisma_migrations"`,
    gw.table("_prisma_migrations"),
  ]);
  return Boolean(res.rows[0]?.legacy) && !res.rows[0]?.current;
}
