/** Starts servers under test as child processes on free ports, so the load driver does not share their CPU time. */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ServerHandle {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering ${url}:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Compiles a TypeScript server script to dist/ with esbuild and returns the
 * output's path: servers under test run compiled, as `npm start` runs the
 * gateway, so no contender pays for a transpiler's hooks at runtime.
 */
async function compiled(script: string): Promise<string> {
  const out = path.join(repoRoot, "dist", script.replace(/\.ts$/, ".js"));
  await build({ entryPoints: [path.join(repoRoot, script)], outfile: out, format: "esm", platform: "node", target: "node20", logLevel: "warning" });
  return out;
}

/** Runs a node entry point (a .ts one compiled first), waits until `readyPath` answers, and returns a handle to stop it. */
export async function startNodeServer(opts: { name: string; script: string; args?: string[]; env: Record<string, string>; readyPath: string; port?: number; timeoutMs?: number }): Promise<ServerHandle> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const entry = opts.script.endsWith(".ts") ? await compiled(opts.script) : path.join(repoRoot, opts.script);
  const child = spawn(process.execPath, [entry, ...(opts.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...opts.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-8_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  try {
    await waitFor(url + opts.readyPath, child, () => output, opts.timeoutMs ?? 60_000);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return {
    name: opts.name,
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** The gateway as `npm start` runs it (scripts/start.mjs: compiled src/server.ts) on the bench database, without seeding, logging warnings only. */
export function startGateway(databaseUrl: string, redisUrl: string | null, env: Record<string, string> = {}): Promise<ServerHandle> {
  return startNodeServer({
    name: "gateway",
    script: "scripts/start.mjs",
    args: ["server"],
    readyPath: "/readyz",
    env: { DATABASE_URL: databaseUrl, ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_PREFIX: "kzbench" } : { REDIS_URL: "" }), SEED_ON_START: "false", LOG_LEVEL: "warn", NODE_ENV: "production", ...env },
  });
}
