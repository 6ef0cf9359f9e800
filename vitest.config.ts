import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql-js for everything, as under plain Node: Vite would hand src/ the ESM build while the
    // libraries that build and run the schema (type-graphql, graphql-jit, Apollo) load the CommonJS one,
    // and graphql-js refuses a schema made by "another module or realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Two cores: more workers only make PGlite (WASM) instances fight for them.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
