/**
 * Issue 10's schema-build rows (part of the foundation section): the API schema built for a synthetic database
 * of 300 tables, at start (a fresh process) and on reload (the same process again), and the heap the built API
 * holds, beside PostGraphile v4 building its schema of the same database. Each build runs in a process of its
 * own (bench/probes/schema-build.ts, with --expose-gc for exact heap figures); gateway and PostGraphile processes
 * alternate, and each figure is the median over the runs.
 */
import { spawn } from "node:child_process";
import { repoRoot } from "../lib/processes.js";
import { percentile } from "../lib/stats.js";
import { ensureSyntheticDatabase } from "../lib/synthetic-schema.js";
import type { BenchContext, ResultRow } from "../lib/types.js";

const TABLES = 300;

interface ProbeResult {
  tables: number;
  firstMs: number;
  reloadMs: number[];
  retainedMB: number;
}

/** The database beside the bench database that holds the synthetic tables: its name with `_schema300` appended. */
export function syntheticDatabaseUrl(benchUrl: string): string {
  const u = new URL(benchUrl);
  u.pathname = `/${decodeURIComponent(u.pathname.slice(1))}_schema${TABLES}`;
  return u.toString();
}

function probe(contender: "gateway" | "postgraphile", url: string, reloads: number): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/probes/schema-build.ts", contender, url, String(reloads)], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-2_000)));
    child.once("error", reject);
    child.once("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{")) return reject(new Error(`${contender} schema-build probe exited with ${code}: ${err.slice(-600) || last.slice(0, 300)}`));
      const result = JSON.parse(last) as ProbeResult;
      if (result.tables !== TABLES) return reject(new Error(`${contender} exposed ${result.tables} of the ${TABLES} synthetic tables`));
      resolve(result);
    });
  });
}

const median = (xs: number[]) => percentile(xs, 50);

export async function schemaBuild(ctx: BenchContext, runs: number, reloads: number): Promise<ResultRow[]> {
  const section = "foundation";
  const url = syntheticDatabaseUrl(ctx.databaseUrl);
  await ensureSyntheticDatabase(url, TABLES, ctx.log);
  const gateway: ProbeResult[] = [];
  const peer: ProbeResult[] = [];
  let peerError: string | null = null;
  for (let run = 0; run < runs; run++) {
    ctx.log(`  schema build for ${TABLES} tables: gateway process ${run + 1} of ${runs}`);
    gateway.push(await probe("gateway", url, reloads));
    if (peerError) continue;
    ctx.log(`  schema build for ${TABLES} tables: PostGraphile process ${run + 1} of ${runs}`);
    try {
      peer.push(await probe("postgraphile", url, reloads));
    } catch (err) {
      peerError = (err as Error).message;
      ctx.log(`  PostGraphile schema build failed: ${peerError}`);
    }
  }
  const vs = (pick: (r: ProbeResult[]) => number) => (peer.length ? { label: "PostGraphile 4.9.2", value: pick(peer) } : undefined);
  const first = (rs: ProbeResult[]) => median(rs.map((r) => r.firstMs));
  const reload = (rs: ProbeResult[]) => median(rs.flatMap((r) => r.reloadMs));
  const heap = (rs: ProbeResult[]) => median(rs.map((r) => r.retainedMB));
  const how =
    "gateway: LiveSchema as at start (catalog fingerprint, introspectDataModel, buildDataApi, merge into the code-first schema, validation); " +
    `PostGraphile: createPostGraphileSchema with its defaults (CRUD mutations included) + validateSchema${peerError ? `; PostGraphile not run: ${peerError}` : ""}`;
  return [
    {
      section,
      metric: `schema build at start, synthetic ${TABLES}-table database`,
      value: first(gateway),
      unit: "ms",
      baseline: vs(first),
      target: "≤ 2 s",
      note: `first build in a fresh process, median of ${runs} alternating processes each; ${how}`,
    },
    { section, metric: `schema reload, synthetic ${TABLES}-table database`, value: reload(gateway), unit: "ms", baseline: vs(reload), target: "≤ 2 s", note: `builds after the first in the same process, median of ${runs} × ${reloads}` },
    {
      section,
      metric: `schema build, extra heap held by the built API (${TABLES} tables)`,
      value: heap(gateway),
      unit: "MB",
      baseline: vs(heap),
      target: "≤ 100 MB",
      note: "heap used after a full GC, after the first build minus before it (10^6 bytes)",
    },
  ];
}
