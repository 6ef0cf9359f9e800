/** Makes sure the bench database exists, is migrated and holds the demo data at the wanted scale (seeded once, then reused). */
import pg from "pg";
import { pino } from "pino";
import { Database } from "../../src/services/db/index.js";
import { countsForScale, demoRowCounts, seedDemo } from "../../src/services/seed/index.js";

export async function ensureDatabase(url: string, log: (m: string) => void): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^\w+$/.test(name)) throw new Error(`BENCH_DATABASE_URL must name a database of letters, digits and _; got "${name}"`);
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      log(`creating database ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
}

export async function ensureSeeded(url: string, scale: number, log: (m: string) => void): Promise<void> {
  const db = new Database({ url, dataDir: "memory://", poolSize: 2, log: pino({ level: "warn" }) });
  try {
    await db.migrate();
    const want = countsForScale(scale);
    const have = await demoRowCounts(db);
    const matches = have.orders === want.orders && have.customers === want.customers && have.products === want.products && have.reviews === want.reviews;
    if (matches) {
      log(`reusing demo data at scale ${scale} (${have.orders} orders, ${have.order_items} order items)`);
      return;
    }
    log(`seeding demo data at scale ${scale} (found ${have.orders} orders, want ${want.orders})`);
    const summary = await seedDemo(db, { scale, reset: true, log: pino({ level: "warn" }) });
    log(`seeded in ${(summary.ms / 1000).toFixed(1)} s`);
    // Freshly written rows carry no hint bits or visibility map yet: the first sections would pay for
    // setting them (seen: every figure of the first run on a new machine 3–10× slow).
    await db.query("VACUUM ANALYZE");
  } finally {
    await db.close();
  }
}
