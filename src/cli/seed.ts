/**
 * `npm run seed -- --scale S [--reset]`: creates the demo shop in the configured
 * database's public schema (DATABASE_URL, or PGlite in DATA_DIR) and fills it,
 * after applying the gateway's migrations (in GATEWAY_SCHEMA). Refuses when the
 * demo tables hold data unless --reset is given. `--docs-only` writes no rows:
 * it creates missing demo tables and (re)writes the demo's COMMENT ON
 * documentation (for a demo an earlier version created without it).
 */
import { parseArgs } from "node:util";
import { loadConfigOrExit } from "../config.js";
import { Database } from "../services/db/index.js";
import { createLogger } from "../services/log.js";
import { SeedRefusedError, countsForScale, createDemoTables, seedDemo, validateScale, type SeedProgress } from "../services/seed/index.js";
import { GatewayError } from "../services/errors.js";

const usage =
  "usage: npm run seed -- [--scale S] [--reset] [--docs-only]   (S > 0, default 1 = 100,000 orders; creates the demo tables in public when missing; --reset truncates them first; --docs-only writes only their COMMENT ON documentation)";

let args: { scale: number; reset: boolean; docsOnly: boolean };
try {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "1" }, reset: { type: "boolean", default: false }, "docs-only": { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  args = { scale: validateScale(Number(values.scale)), reset: values.reset, docsOnly: values["docs-only"] };
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}

const config = loadConfigOrExit();

const log = createLogger(config.log.level);
const db = new Database({ url: config.db.url, dataDir: config.db.dataDir, poolSize: 2, log, gatewaySchema: config.db.gatewaySchema });
const counts = countsForScale(args.scale);
const target = config.db.url ? config.db.url.replace(/\/\/[^@/]*@/, "//…@") : `PGlite in ${config.db.dataDir}`;
if (!args.docsOnly) console.error(`seeding scale ${args.scale} into ${target}: ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders, ${counts.reviews} reviews`);

const tty = process.stderr.isTTY;
let lastTable = "";
const onProgress = (p: SeedProgress) => {
  const line = `  ${p.table.padEnd(10)} ${String(p.done).padStart(9)} / ${p.total} (${Math.round((100 * p.done) / p.total)}%)`;
  if (tty) process.stderr.write(`${p.table !== lastTable && lastTable ? "\n" : "\r"}${line}`);
  else if (p.done === p.total || p.table !== lastTable) process.stderr.write(`${line}\n`);
  lastTable = p.table;
};

let code = 0;
try {
  await db.migrate();
  if (args.docsOnly) {
    await db.transaction((tx) => createDemoTables(tx));
    console.log(`${target}: the demo tables exist in public with their documentation (no rows written).`);
  } else {
    const summary = await seedDemo(db, { scale: args.scale, reset: args.reset, log, onProgress });
    if (tty) process.stderr.write("\n");
    console.log(`seeded in ${(summary.ms / 1000).toFixed(1)} s (dates relative to ${summary.anchor}): ${Object.entries(summary.rows).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  }
} catch (err) {
  if (tty) process.stderr.write("\n");
  if (err instanceof SeedRefusedError || err instanceof GatewayError) console.error(err.message);
  else console.error("seeding failed:", err);
  code = 1;
} finally {
  await db.close();
}
process.exit(code);
