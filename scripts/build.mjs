// Compiles src/ (TypeScript, the generated Prisma client included) to dist/src/
// as plain ES modules, one file per source file, with esbuild: about a second.
// The same transform tsx applies on the fly, decorators as tsconfig.json says,
// so what runs compiled is what runs under tsx in tests and development.
// SQL files beside the sources (the demo shop's DDL) are copied next to them.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function filesUnder(dir, keep) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}
const sourcesUnder = (dir) => filesUnder(dir, (name) => name.endsWith(".ts") && !name.endsWith(".d.ts"));

/** Compiles every source file; existing outputs are overwritten in place (a stale file of a deleted source is never imported). */
export async function compileSources() {
  await build({
    entryPoints: sourcesUnder(path.join(root, "src")),
    outbase: path.join(root, "src"),
    outdir: path.join(root, "dist", "src"),
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
  for (const file of filesUnder(path.join(root, "src"), (name) => name.endsWith(".sql"))) {
    const out = path.join(root, "dist", "src", path.relative(path.join(root, "src"), file));
    mkdirSync(path.dirname(out), { recursive: true });
    copyFileSync(file, out);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const t0 = performance.now();
  await compileSources();
  console.log(`compiled src/ to dist/src/ in ${Math.round(performance.now() - t0)} ms`);
}
