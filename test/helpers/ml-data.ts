/**
 * Generates a table with a known signal for ML tests: `churned` depends on
 * amount and channel, `spend` is linear in amount plus a VIP bonus; both with noise.
 */
import type { Database } from "../../src/services/db/database.js";
import { seededRandom } from "../../src/services/ml/random.js";

export async function createSignalTable(db: Database, rows = 3000, seed = 11): Promise<void> {
  await db.query(`CREATE TYPE "Tier" AS ENUM ('BRONZE', 'SILVER', 'GOLD')`);
  await db.query(`CREATE TABLE ml_signal (
    id serial PRIMARY KEY, code text UNIQUE NOT NULL, amount numeric(10,2), channel text NOT NULL, tier "Tier" NOT NULL,
    vip boolean NOT NULL, signup_at timestamptz NOT NULL, note text, churned boolean NOT NULL, spend numeric(12,2) NOT NULL)`);
  const rand = seededRandom(seed);
  const cols: unknown[][] = [[], [], [], [], [], [], [], [], []];
  const channels = ["WEB", "MOBILE", "STORE"];
  const tiers = ["BRONZE", "SILVER", "GOLD"];
  for (let i = 0; i < rows; i++) {
    const amount = Math.round(rand() * 10000) / 100;
    const channel = channels[Math.floor(rand() * 3)]!;
    const tier = tiers[Math.floor(rand() * 3)]!;
    const vip = rand() < 0.3;
    const signup = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * 700) * 86_400_000);
    let churned = amount > 50 && channel !== "STORE";
    if (rand() < 0.05) churned = !churned;
    const spend = Math.round((3 * amount + (vip ? 100 : 0) + (tier === "GOLD" ? 40 : 0) + (rand() - 0.5) * 20) * 100) / 100;
    const row = [`C${i}`, i % 50 === 0 ? null : amount, channel, tier, vip, signup.toISOString(), `note ${i}`, churned, spend];
    row.forEach((v, j) => cols[j]!.push(v));
  }
  await db.query(
    `INSERT INTO ml_signal (code, amount, channel, tier, vip, signup_at, note, churned, spend)
     SELECT * FROM unnest($1::text[], $2::numeric[], $3::text[], $4::text[]::"Tier"[], $5::bool[], $6::timestamptz[], $7::text[], $8::bool[], $9::numeric[])`,
    cols,
  );
}
