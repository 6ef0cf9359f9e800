/**
 * Reads the exposed schemas from pg_catalog into a DataModel: tables, views,
 * materialized views and foreign tables; columns in attnum order with their
 * types (arrays, domains, enums resolved); primary keys, unique constraints
 * and unique indexes; foreign keys; COMMENT ON text with smart tags.
 * Five catalog queries, the same on PostgreSQL and PGlite.
 */
import type { SqlRunner } from "../db/index.js";
import { splitDoc } from "../catalog/index.js";
import type { DataColumn, DataForeignKey, DataModel, DataTable, DataUnique, FkAction, PgType, PgTypeKind, RelationKind, ReportEntry } from "./model.js";
import { parseSmartComment, tagText, unknownOmitActions } from "./smart-tags.js";

export interface IntrospectOptions {
  /** Schemas to expose, in order of precedence for names. */
  schemas: string[];
  /** Only these tables (`table` or `schema.table`); null or empty = every table of the schemas. */
  allow?: string[] | null;
  /** Never these tables (`table` or `schema.table`). */
  deny?: string[] | null;
  /** The gateway's own schema: never exposed. */
  gatewaySchema?: string;
}

const SYSTEM_SCHEMA = /^(pg_catalog|information_schema|pg_toast|pg_temp_\d+|pg_toast_temp_\d+)$/;

const relkinds: Record<string, RelationKind> = { r: "table", p: "partitionedTable", v: "view", m: "materializedView", f: "foreignTable" };
const typtypes: Record<string, PgTypeKind> = { b: "base", e: "enum", d: "domain", c: "composite", r: "range", m: "multirange", p: "pseudo" };
const fkActions: Record<string, FkAction> = { a: "noAction", r: "restrict", c: "cascade", n: "setNull", d: "setDefault" };

/** Does `entry` (`table` or `schema.table`, as SQL spells it) name this table? */
function names(entry: string, t: { schema: string; name: string }): boolean {
  const e = entry.trim().replace(/"/g, "");
  const dot = e.lastIndexOf(".");
  return dot < 0 ? e === t.name : e.slice(0, dot) === t.schema && e.slice(dot + 1) === t.name;
}

export async function introspectDataModel(db: SqlRunner, opts: IntrospectOptions): Promise<DataModel> {
  const report: ReportEntry[] = [];
  const gatewaySchema = opts.gatewaySchema ?? "kaizen";
  const schemas: string[] = [];
  for (const s of opts.schemas) {
    if (schemas.includes(s)) continue;
    if (s === gatewaySchema || SYSTEM_SCHEMA.test(s)) {
      report.push({ table: s, reason: s === gatewaySchema ? "the gateway's own schema is never exposed" : "system schemas are never exposed" });
      continue;
    }
    schemas.push(s);
  }
  if (schemas.length === 0) return { schemas, tables: [], report };

  const rels = await db.query<{ oid: string; schema: string; name: string; relkind: string; comment: string | null }>(
    `SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind,
            obj_description(c.oid, 'pg_class') AS comment
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY($1::text[]) AND NOT c.relispartition
      ORDER BY n.nspname, c.relname`,
    [schemas],
  );
  const chosen = rels.rows.filter((r) => {
    const t = { schema: r.schema, name: r.name };
    if (opts.deny?.some((e) => names(e, t))) return false;
    if (opts.allow?.length && !opts.allow.some((e) => names(e, t))) return false;
    return true;
  });
  for (const e of opts.allow ?? []) {
    if (!rels.rows.some((r) => names(e, r))) report.push({ table: e, reason: `API_TABLES names a table that is not in the exposed schemas (${schemas.join(", ")})` });
  }
  const oids = chosen.map((r) => r.oid);

  const [cols, cons, idx] = await Promise.all([
    db.query<{ rel: string; attnum: number; name: string; typid: string; sqltype: string; notnull: boolean; hasdef: boolean; identity: string; generated: string; comment: string | null }>(
      `SELECT a.attrelid::int8::text AS rel, a.attnum::int AS attnum, a.attname AS name, a.atttypid::int8::text AS typid,
              format_type(a.atttypid, a.atttypmod) AS sqltype, a.attnotnull AS notnull, a.atthasdef AS hasdef,
              a.attidentity::text AS identity, a.attgenerated::text AS generated, col_description(a.attrelid, a.attnum) AS comment
         FROM pg_catalog.pg_attribute a
        WHERE a.attrelid = ANY($1::int8[]::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum`,
      [oids],
    ),
    db.query<{ rel: string; name: string; contype: string; cols: number[]; frel: string | null; fcols: number[] | null; upd: string; del: string; comment: string | null }>(
      `SELECT con.conrelid::int8::text AS rel, con.conname AS name, con.contype::text AS contype,
              con.conkey::int[] AS cols, NULLIF(con.confrelid, 0)::int8::text AS frel, con.confkey::int[] AS fcols,
              con.confupdtype::text AS upd, con.confdeltype::text AS del, obj_description(con.oid, 'pg_constraint') AS comment
         FROM pg_catalog.pg_constraint con
        WHERE con.conrelid = ANY($1::int8[]::oid[]) AND con.contype IN ('p', 'u', 'f')
        ORDER BY con.conrelid, con.conname`,
      [oids],
    ),
    // Unique indexes that back no constraint (Prisma's @unique makes one); partial and expression indexes cannot key a lookup.
    db.query<{ rel: string; name: string; primary: boolean; cols: string; comment: string | null }>(
      `SELECT i.indrelid::int8::text AS rel, ic.relname AS name, i.indisprimary AS primary, i.indkey::text AS cols,
              obj_description(i.indexrelid, 'pg_class') AS comment
         FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = ANY($1::int8[]::oid[]) AND i.indisunique AND i.indisvalid
          AND i.indpred IS NULL AND i.indexprs IS NULL
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
        ORDER BY i.indrelid, ic.relname`,
      [oids],
    ),
  ]);

  const types = await loadTypes(db, [...new Set(cols.rows.map((c) => c.typid))]);

  const byOid = new Map<string, DataTable>();
  for (const r of chosen) {
    const { tags, description } = describe(r.comment);
    byOid.set(r.oid, { oid: Number(r.oid), schema: r.schema, name: r.name, kind: relkinds[r.relkind]!, columns: [], primaryKey: null, uniques: [], foreignKeys: [], tags, description });
  }
  const attname = new Map<string, string>();
  for (const c of cols.rows) {
    const t = byOid.get(c.rel);
    if (!t) continue;
    attname.set(`${c.rel}:${c.attnum}`, c.name);
    const { tags, description } = describe(c.comment);
    const column: DataColumn = {
      attnum: c.attnum,
      name: c.name,
      type: types.get(c.typid)!,
      sqlType: c.sqltype,
      notNull: c.notnull,
      hasDefault: c.hasdef,
      identity: c.identity === "a" ? "always" : c.identity === "d" ? "byDefault" : null,
      generated: c.generated !== "" && c.generated !== "\u0000" && c.generated != null,
      tags,
      description,
    };
    t.columns.push(column);
  }
  const colNames = (rel: string, nums: number[]) => nums.map((n) => attname.get(`${rel}:${n}`) ?? `#${n}`);
  // Foreign-key targets may sit outside the chosen tables; their column names come from pg_attribute too.
  const foreignOids = [...new Set(cons.rows.filter((k) => k.contype === "f" && k.frel && !byOid.has(k.frel)).map((k) => k.frel!))];
  const foreignNames = new Map<string, { schema: string; name: string }>();
  for (const r of rels.rows) foreignNames.set(r.oid, { schema: r.schema, name: r.name });
  if (foreignOids.length) {
    const extra = await db.query<{ oid: string; schema: string; name: string }>(
      `SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ANY($1::int8[]::oid[])`,
      [foreignOids],
    );
    for (const r of extra.rows) foreignNames.set(r.oid, { schema: r.schema, name: r.name });
  }

  for (const k of cons.rows) {
    const t = byOid.get(k.rel)!;
    const { tags } = parseSmartComment(k.comment);
    if (k.contype === "f") {
      const target = k.frel ? foreignNames.get(k.frel) : undefined;
      if (!target || !byOid.has(k.frel!)) {
        report.push({ table: `${t.schema}.${t.name}`, reason: `foreign key ${k.name} references ${target ? `${target.schema}.${target.name}` : "a table"} that is not exposed: no relation field` });
        continue;
      }
      const fk: DataForeignKey = {
        name: k.name,
        columns: colNames(k.rel, k.cols),
        foreignSchema: target.schema,
        foreignTable: target.name,
        foreignColumns: colNames(k.frel!, k.fcols ?? []),
        onDelete: fkActions[k.del] ?? "noAction",
        onUpdate: fkActions[k.upd] ?? "noAction",
        tags,
      };
      t.foreignKeys.push(fk);
    } else {
      const u: DataUnique = { name: k.name, columns: colNames(k.rel, k.cols), primary: k.contype === "p", source: "constraint", tags };
      if (u.primary) t.primaryKey = u;
      else t.uniques.push(u);
    }
  }
  for (const i of idx.rows) {
    const t = byOid.get(i.rel)!;
    const nums = i.cols.trim().split(/\s+/).map(Number);
    const u: DataUnique = { name: i.name, columns: colNames(i.rel, nums), primary: i.primary, source: "index", tags: parseSmartComment(i.comment).tags };
    if (u.primary && !t.primaryKey) t.primaryKey = u;
    else if (!t.uniques.some((x) => sameColumns(x.columns, u.columns))) t.uniques.push(u);
  }

  const tables = [...byOid.values()];
  for (const t of tables) applyKeyTags(t, report);
  // Missing oids would mean a table was dropped between the queries: leave such columns out.
  for (const t of tables) t.columns = t.columns.filter((c) => c.type !== undefined);
  const order = (t: DataTable) => schemas.indexOf(t.schema);
  tables.sort((a, b) => order(a) - order(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const t of tables) {
    for (const a of unknownOmitActions(t.tags)) report.push({ table: `${t.schema}.${t.name}`, reason: `@omit names an unknown action "${a}" (known: create, update, delete, filter, order, read)` });
  }
  return { schemas, tables, report };
}

/** Smart tags and the description of a COMMENT ON, without the "Synonyms:"/"Definition:" lines NL→SQL reads. */
function describe(comment: string | null): { tags: ReturnType<typeof parseSmartComment>["tags"]; description: string | null } {
  const { tags, description } = parseSmartComment(comment);
  return { tags, description: splitDoc(description).description };
}

const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** `@primaryKey a,b` on a view (or a table without one) gives it a key for lookups and cursors, as PostGraphile allows. */
function applyKeyTags(t: DataTable, report: ReportEntry[]): void {
  const pk = tagText(t.tags, "primaryKey");
  if (!pk) return;
  const columns = pk.split(",").map((s) => s.trim()).filter(Boolean);
  const missing = columns.filter((c) => !t.columns.some((col) => col.name === c));
  if (missing.length || columns.length === 0) {
    report.push({ table: `${t.schema}.${t.name}`, reason: `@primaryKey names unknown columns (${missing.join(", ") || "none given"}): ignored` });
    return;
  }
  if (t.primaryKey) {
    report.push({ table: `${t.schema}.${t.name}`, reason: "@primaryKey ignored: the table has a primary key" });
    return;
  }
  t.primaryKey = { name: `${t.name}_tag_pkey`, columns, primary: true, source: "tag", tags: {} };
}

interface TypeRow {
  oid: string;
  schema: string;
  name: string;
  typtype: string;
  category: string;
  elem: string;
  base: string;
  comment: string | null;
}

/** The column types and, recursively, their array elements and domain bases, with enum labels. */
async function loadTypes(db: SqlRunner, oids: string[]): Promise<Map<string, PgType>> {
  const rows = await db.query<TypeRow>(
    `WITH RECURSIVE wanted(oid) AS (
       SELECT unnest($1::int8[])::oid
       UNION
       SELECT x.oid FROM wanted w JOIN pg_catalog.pg_type t ON t.oid = w.oid
         CROSS JOIN LATERAL (VALUES (t.typelem), (t.typbasetype)) AS x(oid)
        WHERE x.oid <> 0 AND (t.typcategory = 'A' OR t.typtype = 'd')
     )
     SELECT t.oid::int8::text AS oid, n.nspname AS schema, t.typname AS name, t.typtype::text AS typtype,
            t.typcategory::text AS category, t.typelem::int8::text AS elem, t.typbasetype::int8::text AS base,
            obj_description(t.oid, 'pg_type') AS comment
       FROM wanted w JOIN pg_catalog.pg_type t ON t.oid = w.oid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace`,
    [oids],
  );
  const enumOids = rows.rows.filter((r) => r.typtype === "e").map((r) => r.oid);
  const labels = new Map<string, string[]>();
  if (enumOids.length) {
    const e = await db.query<{ oid: string; label: string }>(
      `SELECT enumtypid::int8::text AS oid, enumlabel AS label FROM pg_catalog.pg_enum WHERE enumtypid = ANY($1::int8[]::oid[]) ORDER BY enumtypid, enumsortorder`,
      [enumOids],
    );
    for (const r of e.rows) {
      const l = labels.get(r.oid) ?? [];
      l.push(r.label);
      labels.set(r.oid, l);
    }
  }
  const out = new Map<string, PgType>();
  for (const r of rows.rows) {
    const { tags, description } = parseSmartComment(r.comment);
    const kind: PgTypeKind = r.category === "A" && r.elem !== "0" ? "array" : (typtypes[r.typtype] ?? "base");
    out.set(r.oid, { oid: Number(r.oid), schema: r.schema, name: r.name, kind, tags, description, ...(kind === "enum" ? { enumLabels: labels.get(r.oid) ?? [] } : {}) });
  }
  for (const r of rows.rows) {
    const t = out.get(r.oid)!;
    if (t.kind === "array") t.element = out.get(r.elem);
    if (t.kind === "domain") t.base = out.get(r.base);
  }
  return out;
}
