// What the schema watcher's fingerprint notices: every kind of DDL a generated API depends on changes the
// digest of exactly the table it touched; data, statistics and other schemas change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { backendNames, freshBackend, type Backend } from "../helpers/backends.js";
import { Database } from "../../src/services/db/index.js";
import { catalogFingerprint, diffFingerprints, type CatalogFingerprint } from "../../src/services/catalog/index.js";

describe.each(backendNames())("catalog fingerprint on %s", (backendName) => {
  let backend: Backend;
  let db: Database;
  const read = () => catalogFingerprint(db, ["public", "extra"]);

  beforeAll(async () => {
    backend = await freshBackend(backendName);
    db = new Database({ url: backend.env.DATABASE_URL ?? null, dataDir: "memory://", poolSize: 2, log: pino({ level: "silent" }) });
    await db.query(`CREATE SCHEMA extra`);
    await db.query(`CREATE SCHEMA elsewhere`);
    await db.query(`CREATE TYPE mood AS ENUM ('happy', 'sad')`);
    await db.query(`CREATE TABLE owners (id integer PRIMARY KEY, name text)`);
    await db.query(`CREATE TABLE pets (id integer PRIMARY KEY, name text NOT NULL, owner_id integer, feeling mood)`);
    await db.query(`CREATE TABLE extra.notes (id integer PRIMARY KEY)`);
    await db.query(`CREATE VIEW pet_names AS SELECT id, name FROM pets`);
  });
  afterAll(async () => {
    await db?.close();
    await backend?.cleanup();
  });

  /** Runs `ddl` and returns which tables the fingerprint says changed. */
  async function changes(ddl: string): Promise<{ added: string[]; removed: string[]; altered: string[] }> {
    const before = await read();
    await db.query(ddl);
    return diffFingerprints(before, await read());
  }

  it("lists the tables and views of the given schemas only", async () => {
    const f = await read();
    expect([...f.tables.keys()]).toEqual(["extra.notes", "public.owners", "public.pet_names", "public.pets"]);
    expect(f.hash).toMatch(/^[0-9a-f]{16}$/);
    expect((await read()).hash).toBe(f.hash);
  });

  it("changes the digest of exactly the table each kind of DDL touches", async () => {
    const none = { added: [], removed: [], altered: [] };
    const pets = { ...none, altered: ["public.pets"] };
    expect(await changes(`ALTER TABLE pets ADD COLUMN born date`)).toEqual(pets);
    expect(await changes(`ALTER TABLE pets ALTER COLUMN born TYPE timestamptz`)).toEqual(pets);
    expect(await changes(`ALTER TABLE pets ALTER COLUMN born SET NOT NULL`)).toEqual(pets);
    expect(await changes(`ALTER TABLE pets ALTER COLUMN born SET DEFAULT now()`)).toEqual(pets);
    expect(await changes(`ALTER TABLE pets RENAME COLUMN born TO birth`)).toEqual(pets);
    expect(await changes(`ALTER TABLE pets DROP COLUMN birth`)).toEqual(pets);
    expect(await changes(`ALTER TABLE pets ADD CONSTRAINT pets_owner FOREIGN KEY (owner_id) REFERENCES owners (id)`)).toEqual(pets);
    expect(await changes(`CREATE UNIQUE INDEX pets_name ON pets (name)`)).toEqual(pets);
    expect(await changes(`COMMENT ON TABLE pets IS 'Animals we keep.'`)).toEqual(pets);
    expect(await changes(`COMMENT ON COLUMN pets.name IS 'What it answers to.'`)).toEqual(pets);
    expect(await changes(`ALTER TYPE mood ADD VALUE 'sleepy'`)).toEqual(pets);
    expect(await changes(`COMMENT ON COLUMN extra.notes.id IS 'Note number.'`)).toEqual({ ...none, altered: ["extra.notes"] });
    expect(await changes(`CREATE OR REPLACE VIEW pet_names AS SELECT id, name, owner_id FROM pets`)).toEqual({ ...none, altered: ["public.pet_names"] });
    expect(await changes(`ALTER TABLE owners RENAME TO keepers`)).toEqual({ ...none, added: ["public.keepers"], removed: ["public.owners"] });
    expect(await changes(`CREATE TABLE extra.tags (id integer)`)).toEqual({ ...none, added: ["extra.tags"] });
    expect(await changes(`DROP TABLE extra.tags`)).toEqual({ ...none, removed: ["extra.tags"] });
  });

  it("ignores data, statistics, plain indexes and schemas it does not watch", async () => {
    const before: CatalogFingerprint = await read();
    await db.query(`INSERT INTO keepers VALUES (1, 'Ann')`);
    await db.query(`INSERT INTO pets VALUES (1, 'Rex', 1, 'happy')`);
    await db.query(`UPDATE pets SET feeling = 'sad'`);
    await db.query(`ANALYZE pets`);
    await db.query(`CREATE INDEX pets_owner_idx ON pets (owner_id)`);
    await db.query(`CREATE TABLE elsewhere.hidden (id integer)`);
    await db.query(`CREATE TEMP TABLE scratch (id integer)`);
    expect((await read()).hash).toBe(before.hash);
  });
});
