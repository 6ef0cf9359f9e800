/**
 * A minimal, test-only catalog builder (pg_catalog + COMMENT ON + schema.prisma `///`
 * comments) used until the real CatalogService is on main. Not product code.
 */
import fs from "node:fs";
import path from "node:path";
import type { Catalog, CatalogColumn, CatalogTable } from "../../src/services/catalog/types.js";

interface Runner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

interface PrismaDocs {
  models: Map<string, { model: string; doc: string; fields: Map<string, { field: string; doc: string }> }>;
}

/** Reads `///` comments of models and fields, keyed by SQL table and column names. */
export function readPrismaDocs(file = path.resolve("prisma/schema.prisma")): PrismaDocs {
  const models: PrismaDocs["models"] = new Map();
  if (!fs.existsSync(file)) return { models };
  const lines = fs.readFileSync(file, "utf8").split("\n");
  let pending: string[] = [];
  let current: { model: string; doc: string; fields: Map<string, { field: string; doc: string }>; table: string } | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith("///")) {
      pending.push(line.slice(3).trim());
      continue;
    }
    const m = /^model\s+(\w+)\s*\{/.exec(line);
    if (m) {
      current = { model: m[1], doc: pending.join(" "), fields: new Map(), table: m[1] };
      pending = [];
      continue;
    }
    if (current && line.startsWith("}")) {
      models.set(current.table, current);
      current = null;
      pending = [];
      continue;
    }
    if (current) {
      const map = /@@map\("([^"]+)"\)/.exec(line);
      if (map) current.table = map[1];
      const f = /^(\w+)\s+\w/.exec(line);
      if (f && !line.startsWith("@@")) {
        const col = /@map\("([^"]+)"\)/.exec(line)?.[1] ?? f[1];
        current.fields.set(col, { field: f[1], doc: pending.join(" ") });
      }
      pending = [];
    } else if (line) pending = [];
  }
  return { models };
}

function synonymsOf(doc: string | null): string[] {
  const m = /Synonyms?:\s*([^.]*)/i.exec(doc ?? "");
  return m ? m[1].split(",").map((s) => s.trim()).filter(Boolean) : [];
}

function definitionsOf(doc: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (doc ?? "").matchAll(/Definition:\s*([^.]*(?:\.\w[^.]*)*)(?:\.|$)/gi)) {
    const text = m[1].trim();
    const term = /^"?([\w ]+?)"?\s+(?:\(|is\b)/i.exec(text)?.[1]?.trim();
    if (term) out[term.toLowerCase()] = text;
  }
  return out;
}

function kindOf(sqlType: string, isEnum: boolean): CatalogColumn["kind"] {
  if (isEnum) return "enum";
  if (/^(integer|smallint|bigint)/.test(sqlType)) return "integer";
  if (/^(numeric|real|double|decimal)/.test(sqlType)) return "number";
  if (/^(text|character|varchar|citext)/.test(sqlType)) return "text";
  if (sqlType === "boolean") return "boolean";
  if (sqlType.startsWith("timestamp")) return "timestamp";
  if (sqlType === "date") return "date";
  if (sqlType.startsWith("json")) return "json";
  if (sqlType === "uuid") return "uuid";
  return "other";
}

/** Builds a Catalog of the given tables (schema-qualified or not) from the live database. */
export async function introspectCatalog(db: Runner, opts: { schema: string; tables?: string[]; prismaDocs?: boolean }): Promise<Catalog> {
  const docs = opts.prismaDocs ? readPrismaDocs() : { models: new Map() };
  const tables = await db.query<{ oid: number; name: string; comment: string | null; est: number }>(
    `SELECT c.oid::int AS oid, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment, c.reltuples::float8 AS est
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname NOT LIKE '\\_%' ORDER BY c.relname`,
    [opts.schema],
  );
  const out: CatalogTable[] = [];
  for (const t of tables.rows) {
    if (opts.tables && !opts.tables.includes(t.name)) continue;
    const model = docs.models.get(t.name);
    const cols = await db.query<{ name: string; type: string; notnull: boolean; hasdef: boolean; comment: string | null; isenum: boolean; enumvals: string[] | null; typname: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull, a.atthasdef AS hasdef,
              col_description(a.attrelid, a.attnum) AS comment, ty.typtype = 'e' AS isenum, ty.typname,
              CASE WHEN ty.typtype = 'e' THEN (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = ty.oid) END AS enumvals
         FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [t.oid],
    );
    const cons = await db.query<{ contype: string; cols: string[]; ftable: string | null; fcols: string[] | null }>(
      `SELECT con.contype::text AS contype,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS cols,
              fc.relname AS ftable,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS fcols
         FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid WHERE con.conrelid = $1`,
      [t.oid],
    );
    const uniqueIdx = await db.query<{ col: string }>(
      `SELECT a.attname AS col FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE i.indrelid = $1 AND i.indisunique AND i.indnatts = 1`,
      [t.oid],
    );
    const pk = cons.rows.find((c) => c.contype === "p")?.cols ?? [];
    const uniques = new Set(uniqueIdx.rows.map((r) => r.col));
    const columns: CatalogColumn[] = [];
    for (const c of cols.rows) {
      const fk = cons.rows.find((k) => k.contype === "f" && k.cols.length === 1 && k.cols[0] === c.name);
      const description = c.comment ?? model?.fields.get(c.name)?.doc ?? null;
      const kind = kindOf(c.type, c.isenum);
      let knownValues: string[] | null = null;
      if ((kind === "text" || kind === "enum") && !pk.includes(c.name) && !uniques.has(c.name)) {
        const q = `"${opts.schema}"."${t.name}"`;
        const d = await db.query<{ v: string }>(`SELECT DISTINCT "${c.name}"::text AS v FROM ${q} WHERE "${c.name}" IS NOT NULL LIMIT 51`);
        if (d.rows.length <= 50) knownValues = d.rows.map((r) => r.v).sort();
      } else if (kind === "text" && uniques.has(c.name)) {
        const n = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${opts.schema}"."${t.name}"`);
        if (n.rows[0].n <= 50) {
          const d = await db.query<{ v: string }>(`SELECT "${c.name}"::text AS v FROM "${opts.schema}"."${t.name}" WHERE "${c.name}" IS NOT NULL`);
          knownValues = d.rows.map((r) => r.v).sort();
        }
      }
      columns.push({
        name: c.name,
        fieldName: model?.fields.get(c.name)?.field ?? null,
        sqlType: c.isenum ? c.typname : c.type,
        kind,
        nullable: !c.notnull,
        hasDefault: c.hasdef,
        isPrimaryKey: pk.includes(c.name),
        isUnique: uniques.has(c.name),
        enumValues: c.enumvals,
        references: fk && fk.ftable && fk.fcols ? { table: fk.ftable, column: fk.fcols[0] } : null,
        description,
        synonyms: synonymsOf(description),
        knownValues,
      });
    }
    const description = t.comment ?? model?.doc ?? null;
    const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${opts.schema}"."${t.name}"`);
    out.push({
      schema: opts.schema,
      name: t.name,
      modelName: model?.model ?? null,
      description,
      synonyms: synonymsOf(description),
      definitions: definitionsOf(description),
      primaryKey: pk,
      columns,
      rowEstimate: count.rows[0].n,
    });
  }
  return { version: `test-${Date.now()}`, tables: out, builtAt: new Date() };
}
