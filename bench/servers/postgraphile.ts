/**
 * The peer for comparison: PostGraphile v4 (a bench-only devDependency) over
 * the same database, run as a library in its own process on PORT. Read-only
 * (no default mutations), no GraphiQL, no query log.
 */
import http from "node:http";
import { postgraphile } from "postgraphile";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const middleware = postgraphile(url, "public", {
  disableDefaultMutations: true,
  graphiql: false,
  disableQueryLog: true,
  retryOnInitFail: false,
  ignoreRBAC: true,
  setofFunctionsContainNulls: false,
});
const server = http.createServer(middleware);
server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
