/**
 * Simulates a worker that crashes mid-job: a trigger on `kaizen.jobs` hands the job
 * to a runner id that no longer exists, with an old heartbeat — exactly the
 * state a killed process leaves behind — the moment `when` (a condition on
 * the NEW and OLD jobs rows) first holds. Returns a function that removes it.
 */
import type { SqlRunner } from "../../src/services/db/index.js";

export async function killWorkerWhen(db: SqlRunner, name: string, when: string): Promise<() => Promise<void>> {
  await db.query(`CREATE FUNCTION kaizen.${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${when} THEN
        NEW.runner := 'dead-worker';
        NEW.heartbeat_at := now() - interval '1 hour';
      END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER ${name} BEFORE UPDATE ON kaizen.jobs FOR EACH ROW EXECUTE FUNCTION kaizen.${name}()`);
  return async () => {
    await db.query(`DROP TRIGGER ${name} ON kaizen.jobs`);
  };
}
