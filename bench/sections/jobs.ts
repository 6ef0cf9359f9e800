/**
 * Issue 4's benchmark: streaming CSV ingestion of order-like rows (rows/s,
 * the gateway's peak RSS) beside COPY of the same file through plain pg;
 * inline ingest of 10,000 records per request; a batch update of 200,000 rows
 * beside plain-pg UPDATE … FROM unnest; progress-event delay from batch commit
 * to a websocket subscriber. Rows written here are deleted afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { from as copyFrom } from "pg-copy-streams";
import { RssSampler } from "../lib/memory.js";
import { startGateway } from "../lib/processes.js";
import { nowMs, percentile } from "../lib/stats.js";
import type { BenchContext, BenchSection, ResultRow } from "../lib/types.js";

const SECTION = "jobs";
const STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"];
const CHANNELS = ["WEB", "MOBILE", "STORE"];

/** Deterministic order-like rows: customer, status, channel, time, total. */
function orderRow(i: number, customers: number): [number, string, string, string, string] {
  const x = (i * 2_654_435_761) >>> 0;
  return [(x % customers) + 1, STATUSES[x % 6]!, CHANNELS[(x >>> 3) % 3]!, new Date(Date.UTC(2025, 0, 1) + (x % 31_536_000) * 1000).toISOString(), ((x % 100_000) / 100 + 1).toFixed(2)];
}

async function writeCsv(file: string, rows: number, customers: number, start: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write("customer_id,status,channel,ordered_at,total\n");
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = "";
    for (let j = i; j < Math.min(rows, i + 10_000); j++) chunk += orderRow(start + j, customers).join(",") + "\n";
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** VACUUM ANALYZE orders (not timed), so that what one measured write left behind does not slow the next. */
async function vacuum(ctx: BenchContext): Promise<void> {
  await ctx.pg.query("VACUUM ANALYZE orders");
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface JobState {
  status: string;
  accepted: number;
  rejected: number;
  error: string | null;
}

async function waitJob(url: string, id: string): Promise<JobState> {
  for (;;) {
    const { job } = await gql<{ job: JobState }>(url, `query($id: ID!) { job(id: $id) { status accepted rejected error } }`, { id });
    if (!["QUEUED", "RUNNING"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function postFile(url: string, query: string, file: string, contentType: string): Promise<string> {
  const res = await fetch(`${url}/ingest/orders?${query}`, {
    method: "POST",
    headers: { "content-type": contentType },
    // Streamed, not buffered: undici sends a Node stream with duplex "half".
    body: fs.createReadStream(file) as unknown as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const body = (await res.json()) as { jobId?: string; errors?: unknown };
  if (res.status !== 202 || !body.jobId) throw new Error(`POST /ingest/orders answered ${res.status}: ${JSON.stringify(body)}`);
  return body.jobId;
}

export const jobs: BenchSection = {
  name: SECTION,
  description: "streaming CSV ingestion vs COPY (rows/s, peak RSS), inline ingest, batch update vs plain pg, progress event delay",
  async run(ctx: BenchContext) {
    const rows: ResultRow[] = [];
    const streamRows = ctx.quick ? 100_000 : 1_000_000;
    const updateRows = ctx.quick ? 50_000 : 200_000;
    const inlineRequests = ctx.quick ? 2 : 5;
    const customers = Number((await ctx.pg.query("SELECT count(*)::int AS n FROM customers")).rows[0].n);
    const maxBefore = Number((await ctx.pg.query("SELECT coalesce(max(id), 0)::int AS m FROM orders")).rows[0].m);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-bench-jobs-"));
    const csv = path.join(dir, "orders.csv");
    // Its own gateway at default settings (10,000 inline records, ~1.2 MB of JSON, fit the 16 MiB BODY_LIMIT_BYTES),
    // so its peak RSS reflects this section's work only.
    const gw = await startGateway(ctx.databaseUrl, ctx.redisUrl);
    try {
      ctx.log(`  writing ${streamRows} order rows as CSV`);
      await writeCsv(csv, streamRows, customers, 0);
      const mib = fs.statSync(csv).size / 1024 / 1024;

      // Baseline: COPY of the same file through plain pg.
      ctx.log("  COPY through plain pg");
      const copyStart = nowMs();
      const client = await ctx.pg.connect();
      try {
        await pipeline(fs.createReadStream(csv), client.query(copyFrom("COPY orders (customer_id, status, channel, ordered_at, total) FROM STDIN WITH (FORMAT csv, HEADER true)")));
      } finally {
        client.release();
      }
      const copyRate = streamRows / ((nowMs() - copyStart) / 1000);
      await ctx.pg.query("DELETE FROM orders WHERE id > $1", [maxBefore]);
      // Both measured writes start from the same table state: without this the gateway would insert into
      // indexes still holding the baseline's million dead entries (autovacuum may be off or late).
      await vacuum(ctx);

      // The gateway: POST the file, follow the job over a websocket, sample the gateway's RSS.
      ctx.log("  POST /ingest/orders (CSV), following jobProgress");
      const ws = createClient({ url: `${gw.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
      const delays: number[] = [];
      const rss = new RssSampler(gw.pid, 20).start();
      const start = nowMs();
      const jobId = await postFile(gw.url, "batchSize=5000", csv, "text/csv");
      let replay = true;
      await new Promise<void>((resolve, reject) => {
        ws.subscribe<{ jobProgress: { status: string; at: number } }>(
          { query: `subscription($id: ID!) { jobProgress(jobId: $id) { status done at } }`, variables: { id: jobId } },
          {
            next: (v) => {
              const e = v.data!.jobProgress;
              // The first event replays stored state; the others are live, published right after a batch committed.
              if (replay) replay = false;
              else if (e.status === "RUNNING") delays.push(Date.now() - e.at);
            },
            error: reject,
            complete: resolve,
          },
        );
      });
      const job = await waitJob(gw.url, jobId);
      const seconds = (nowMs() - start) / 1000;
      const mem = rss.stop();
      await ws.dispose();
      if (job.status !== "SUCCEEDED" || job.accepted !== streamRows) throw new Error(`streaming ingest ended ${job.status} with ${job.accepted} accepted, ${job.rejected} rejected: ${job.error}`);
      const live = delays;
      rows.push(
        { section: SECTION, metric: `streaming CSV ingestion, ${streamRows.toLocaleString("en")} rows (${mib.toFixed(0)} MiB), POST to SUCCEEDED`, value: streamRows / seconds, unit: "rows/s", baseline: { label: "COPY via plain pg", value: copyRate }, target: "≥ 100k rows/s and ≥ 0.5× COPY", note: "INGEST_WRITERS at its default (2 on PostgreSQL)" },
        { section: SECTION, metric: "streaming CSV ingestion, gateway peak RSS", value: mem.peakMiB, unit: "MiB", note: `before ${mem.beforeMiB.toFixed(0)} MiB`, target: "≤ 300 MB" },
        { section: SECTION, metric: "progress event delay, batch commit → subscriber, p50", value: percentile(live, 50), unit: "ms", note: `${live.length} events` },
        { section: SECTION, metric: "progress event delay, batch commit → subscriber, p95", value: percentile(live, 95), unit: "ms", target: "≤ 50 ms" },
      );

      // Batch update of rows ingested above, streamed as CSV (mode=UPDATE), beside plain-pg UPDATE … FROM unnest.
      const ids = (await ctx.pg.query(`SELECT id FROM orders WHERE id > $1 ORDER BY id LIMIT $2`, [maxBefore, updateRows])).rows.map((r) => Number(r.id));
      const updCsv = path.join(dir, "update.csv");
      fs.writeFileSync(updCsv, "id,status,total\n" + ids.map((id, i) => `${id},SHIPPED,${(i % 5000) + 1}.00`).join("\n") + "\n");
      // Each update starts from vacuumed rows: the first pass over freshly inserted rows also sets their
      // hint bits and would otherwise bill that to whichever update runs first.
      await vacuum(ctx);
      ctx.log(`  batch update of ${ids.length} rows via POST /ingest/orders?mode=UPDATE`);
      const uStart = nowMs();
      const uJob = await waitJob(gw.url, await postFile(gw.url, "mode=UPDATE&key=id&batchSize=5000", updCsv, "text/csv"));
      const uRate = ids.length / ((nowMs() - uStart) / 1000);
      if (uJob.status !== "SUCCEEDED" || uJob.accepted !== ids.length) throw new Error(`batch update ended ${uJob.status} with ${uJob.accepted} accepted: ${uJob.error}`);
      await vacuum(ctx);
      ctx.log("  the same update through plain pg, 5000 per statement");
      const pStart = nowMs();
      for (let i = 0; i < ids.length; i += 5000) {
        const slice = ids.slice(i, i + 5000);
        await ctx.pg.query(
          `UPDATE orders o SET status = u.s::"OrderStatus", total = u.t::numeric FROM unnest($1::int[], $2::text[], $3::text[]) AS u(id, s, t) WHERE o.id = u.id`,
          [slice, slice.map(() => "DELIVERED"), slice.map((_, j) => `${((i + j) % 5000) + 2}.00`)],
        );
      }
      const pRate = ids.length / ((nowMs() - pStart) / 1000);
      rows.push({ section: SECTION, metric: `batch update, ${ids.length.toLocaleString("en")} rows by id (streamed CSV, mode=UPDATE)`, value: uRate, unit: "rows/s", baseline: { label: "plain pg UPDATE … FROM unnest, 5000/statement", value: pRate }, target: "≥ 50k rows/s" });

      // Inline ingest: 10,000 records per GraphQL request, until the job is done.
      ctx.log(`  inline ingest, ${inlineRequests} requests × 10,000 records`);
      let inlineSeconds = 0;
      for (let r = 0; r < inlineRequests; r++) {
        const records = Array.from({ length: 10_000 }, (_, j) => {
          const [customerId, status, channel, orderedAt, total] = orderRow(streamRows + r * 10_000 + j, customers);
          return { customerId, status, channel, orderedAt, total };
        });
        const t0 = nowMs();
        const { ingest } = await gql<{ ingest: { id: string; status: string } }>(gw.url, `mutation($r: [JSON!]!) { ingest(table: "Order", records: $r) { id status } }`, { r: records });
        const done = ["QUEUED", "RUNNING"].includes(ingest.status) ? await waitJob(gw.url, ingest.id) : ingest;
        inlineSeconds += (nowMs() - t0) / 1000;
        if (done.status !== "SUCCEEDED") throw new Error(`inline ingest ended ${done.status}`);
      }
      rows.push({ section: SECTION, metric: "inline ingest, 10,000 records per request, request to SUCCEEDED", value: (inlineRequests * 10_000) / inlineSeconds, unit: "rows/s", note: `${inlineRequests} requests, one after another` });
    } finally {
      ctx.log("  removing the rows written by this section");
      await ctx.pg.query("DELETE FROM orders WHERE id > $1", [maxBefore]);
      await ctx.pg.query("VACUUM ANALYZE orders").catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
      await gw.stop();
    }
    return rows;
  },
};
