/**
 * `npm run bench [-- --only a,b] [--quick] [--list]`: prepares the bench
 * database (PostgreSQL, demo data at scale 1), runs the sections, prints a
 * Markdown table and writes bench/results/latest.json. See bench/README.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startGateway, repoRoot, type ServerHandle } from "./lib/processes.js";
import { ensureDatabase, ensureSeeded } from "./lib/setup.js";
import { markdownTable } from "./lib/table.js";
import type { BenchContext, ResultRow } from "./lib/types.js";
import { sections } from "./sections/index.js";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    quick: { type: "boolean", default: false },
    list: { type: "boolean", default: false },
    scale: { type: "string", default: process.env.BENCH_SCALE ?? "1" },
  },
});
if (values.list) {
  for (const s of sections) console.log(`${s.name.padEnd(14)} ${s.description}`);
  process.exit(0);
}
const only = values.only ? values.only.split(",").map((s) => s.trim()) : null;
const unknown = only?.filter((n) => !sections.some((s) => s.name === n)) ?? [];
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(", ")}; known: ${sections.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const selected = sections.filter((s) => !only || only.includes(s.name));

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/kz_bench";
const redisUrl = process.env.REDIS_URL || null;
const scale = Number(values.scale);
const log = (m: string) => console.error(`[bench] ${m}`);

await ensureDatabase(databaseUrl, log);
await ensureSeeded(databaseUrl, scale, log);

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
let gatewayHandle: Promise<ServerHandle> | null = null;
const ctx: BenchContext = {
  databaseUrl,
  redisUrl,
  scale,
  pg: pool,
  quick: values.quick,
  log,
  gateway: () => (gatewayHandle ??= startGateway(databaseUrl, redisUrl)),
};

const started = new Date();
const rows: ResultRow[] = [];
const failed: Array<{ section: string; error: string }> = [];
// Other work on the machine skews every figure; the 1-minute load average is recorded beside them.
const load: Record<string, { before: number; after: number }> = {};
const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;
for (const section of selected) {
  log(`section ${section.name}: ${section.description} (load average ${load1()} on ${os.cpus().length} CPUs)`);
  load[section.name] = { before: load1(), after: Number.NaN };
  try {
    rows.push(...(await section.run(ctx)));
  } catch (err) {
    log(`section ${section.name} failed: ${(err as Error).stack ?? err}`);
    failed.push({ section: section.name, error: (err as Error).message });
  }
  load[section.name]!.after = load1();
}
const started_ = gatewayHandle as Promise<ServerHandle> | null;
if (started_) await (await started_).stop();
await pool.end();

console.log(`\n${markdownTable(rows)}\n`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}; 1-minute load average per section (before → after): ${Object.entries(load).map(([n, l]) => `${n} ${l.before} → ${l.after}`).join(", ")}.\n`);

// Sections not run this time keep their last figures, so `--only x` refreshes x alone.
const file = path.join(repoRoot, "bench/results/latest.json");
const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { sections?: Record<string, unknown> }) : {};
const bySection: Record<string, unknown> = { ...(previous.sections ?? {}) };
for (const s of selected) {
  bySection[s.name] = {
    ranAt: started.toISOString(),
    loadAverage: load[s.name],
    rows: rows.filter((r) => r.section === s.name),
    error: failed.find((f) => f.section === s.name)?.error,
  };
}
const out = {
  updatedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
  database: databaseUrl.replace(/\/\/[^@/]*@/, "//…@"),
  redis: redisUrl ? "yes" : "no",
  scale,
  sections: bySection,
};
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
log(`wrote ${path.relative(process.cwd(), file)}`);
process.exit(failed.length ? 1 : 0);
