/** A bare Database (no gateway) on a test backend, for NL→SQL accuracy tests that only need SQL. */
import pino from "pino";
import { Database } from "../../src/services/db/database.js";
import { type BackendName, freshBackend } from "./backends.js";

export async function openTestDatabase(name: BackendName): Promise<{ db: Database; close(): Promise<void> }> {
  const backend = await freshBackend(name);
  const db = new Database({ url: backend.env.DATABASE_URL ?? null, dataDir: "memory://", poolSize: 2, log: pino({ level: "silent" }) });
  return {
    db,
    close: async () => {
      await db.close();
      await backend.cleanup();
    },
  };
}
