// `npm start` and `npm run worker`: compiles src/ (scripts/build.mjs, about a
// second) and runs the entry point in this same process, so SIGTERM and SIGINT
// reach the server's own shutdown handlers directly.
//
// Why compiled rather than tsx at runtime: on PostgreSQL the gateway was ready
// in 5 s instead of 11 s, and tsx's resolve hook ran on every require() made
// while serving (Apollo requires "crypto" for each request's query hash).
// `npm run dev` keeps tsx for its watch mode.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compileSources, root } from "./build.mjs";

const ENTRIES = ["server", "worker"];
const entry = process.argv[2] ?? "server";
if (!ENTRIES.includes(entry)) {
  console.error(`usage: node scripts/start.mjs [${ENTRIES.join("|")}] (got "${entry}")`);
  process.exit(2);
}
await compileSources();
await import(pathToFileURL(path.join(root, "dist", "src", `${entry}.js`)).href);
