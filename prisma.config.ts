import { defineConfig } from "prisma/config";

// The CLI only needs the URL for `prisma migrate` against a server; the
// gateway itself migrates with the WASM schema engine (src/services/db/migrator.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
