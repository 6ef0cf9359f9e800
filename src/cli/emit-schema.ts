/** `npm run schema:emit`: rewrites schema.graphql from the code (a test fails when the committed file is stale). */
import fs from "node:fs";
import path from "node:path";
import { SCHEMA_FILE, schemaText } from "./schema-text.js";

const file = path.resolve(process.cwd(), SCHEMA_FILE);
const text = await schemaText();
const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
fs.writeFileSync(file, text);
console.log(before === text ? `${SCHEMA_FILE} is up to date.` : `wrote ${SCHEMA_FILE} (${text.split("\n").length} lines).`);
// Done: Prisma's schema engine (WebAssembly, it applied the migrations) leaves a 10 s timer behind.
process.exit(0);
