import fs from "node:fs";
import { createHash } from "node:crypto";
import { quoteIdent } from "../db/index.js";
import { introspect } from "./introspect.js";
import { parsePrismaDocs, splitDoc } from "./prisma-docs.js";
const GATEWAY_OWN_TABLES = /* @__PURE__ */ new Set([
  "_prisma_migrations",
  "jobs",
  "rejected_records",
  "query_log",
  "ml_models",
  "predictions",
  "quality_reports",
  "nl_examples"
]);
const EXACT_COUNT_BELOW = 1e4;
const MAX_KNOWN_VALUE_LENGTH = 120;
class CatalogService {
  constructor(opts) {
    this.opts = opts;
    this.log = opts.log.child({ service: "catalog" });
  }
  opts;
  catalog = null;
  building = null;
  log;
  /** The current catalog, built on first use. */
  async get() {
    if (this.catalog) {
      const maxAge = this.opts.maxAgeMs ?? 3e5;
      if (Date.now() - this.catalog.builtAt.getTime() > maxAge && !this.building) {
        this.refresh().catch((err) => this.log.warn({ err: err.message }, "background catalog refresh failed"));
      }
      return this.catalog;
    }
    return this.refresh();
  }
  /** The last built catalog without waiting, or null before the first build. */
  current() {
    return this.catalog;
  }
  /** Rebuilds from the live database (call after migrations, ingestion, DDL). Concurrent calls share one build. */
  refresh() {
    if (this.building) return this.building;
    this.building = this.build().then((c) => {
      if (this.catalog?.version !== c.version) this.log.info({ version: c.version, tables: c.tables.length }, "catalog built");
      this.catalog = c;
      return c;
    }).finally(() => {
      this.building = null;
    });
    return this.building;
  }
  /** A table by SQL name ("orders", "public.orders", case-insensitive) or Prisma model name ("Order"). */
  table(nameOrModel) {
    return this.catalog ? findTable(this.catalog, nameOrModel) : void 0;
  }
  /** A column of a table by SQL name ("customer_id") or Prisma field name ("customerId"). */
  column(table, nameOrField) {
    const t = typeof table === "string" ? this.table(table) : table;
    return t ? findColumn(t, nameOrField) : void 0;
  }
  readDocs() {
    const text = this.opts.prismaSchemaText ?? (this.opts.prismaSchemaFile && fs.existsSync(this.opts.prismaSchemaFile) ? fs.readFileSync(this.opts.prismaSchemaFile, "utf8") : null);
    return text ? parsePrismaDocs(text) : { models: [], enums: {} };
  }
  async build() {
    const started = Date.now();
    const docs = this.readDocs();
    const raw = await introspect(this.opts.db, this.opts.schemas);
    const allowed = resolveAllowList(raw, docs, this.opts.schemas, this.opts.tables);
    const tables = [];
    for (const t of allowed) {
      const model = docs.models.find((m) => m.tableName === t.name && (m.schema ?? t.schema) === t.schema) ?? null;
      tables.push(await this.describeTable(t, model, docs));
    }
    const version = createHash("sha256").update(JSON.stringify(tables.map(({ rowEstimate: _r, ...rest }) => rest))).digest("hex").slice(0, 16);
    this.log.debug({ ms: Date.now() - started, tables: tables.length }, "catalog introspected");
    return { version, tables, builtAt: /* @__PURE__ */ new Date() };
  }
  async describeTable(t, model, docs) {
    const tableDoc = mergeDocs(model?.doc, t.comment);
    const definitions = { ...tableDoc.definitions };
    const columns = [];
    for (const c of t.columns) {
      const field = model?.fields.find((f) => f.columnName === c.name) ?? null;
      const enumDoc = c.enumType ? docs.enums[c.enumType] ?? null : null;
      const colDoc = mergeDocs(field?.doc, c.comment);
      for (const [k, v] of Object.entries(colDoc.definitions)) if (!(k in definitions)) definitions[k] = v;
      const fk = t.foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === c.name);
      const col = {
        name: c.name,
        fieldName: field?.fieldName ?? null,
        sqlType: c.sqlType,
        kind: c.kind,
        nullable: c.nullable,
        hasDefault: c.hasDefault,
        isPrimaryKey: t.primaryKey.includes(c.name),
        isUnique: t.uniqueColumns.includes(c.name) || t.primaryKey.length === 1 && t.primaryKey[0] === c.name,
        enumValues: c.enumValues,
        references: fk ? { table: fk.refTable, column: fk.refColumns[0], schema: fk.refSchema } : null,
        description: colDoc.description ?? (enumDoc ? splitDoc(enumDoc).description : null),
        synonyms: colDoc.synonyms,
        knownValues: null
      };
      const lookupLabel = col.isUnique && (t.columns.filter((x) => x.kind === "text").length === 1 || /^(name|title|label)$/i.test(c.name));
      if ((col.kind === "text" || col.kind === "enum") && (!col.isUnique || lookupLabel) && !col.isPrimaryKey && !col.references) {
        col.knownValues = await this.knownValues(t, c.name);
      }
      columns.push(col);
    }
    return {
      schema: t.schema,
      name: t.name,
      modelName: model?.modelName ?? null,
      description: tableDoc.description,
      synonyms: tableDoc.synonyms,
      definitions,
      primaryKey: t.primaryKey,
      columns,
      rowEstimate: await this.rowEstimate(t)
    };
  }
  /** Distinct values of a column (bounded scan), or null when there are too many or they are prose. */
  async knownValues(t, column) {
    const max = this.opts.valueIndexMaxDistinct;
    try {
      const res = await this.opts.db.query(
        `SELECT v FROM (SELECT ${quoteIdent(column)}::text AS v FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)} LIMIT ${this.opts.valueIndexScanRows}) s
          WHERE v IS NOT NULL AND v <> '' GROUP BY v LIMIT ${max + 1}`
      );
      if (res.rows.length > max) return null;
      if (res.rows.some((r) => r.v.length > MAX_KNOWN_VALUE_LENGTH)) return null;
      return res.rows.map((r) => r.v).sort();
    } catch (err) {
      this.log.warn({ table: t.name, column, err: err.message }, "could not index known values");
      return null;
    }
  }
  async rowEstimate(t) {
    if (t.reltuples >= EXACT_COUNT_BELOW) return Math.round(t.reltuples);
    try {
      const res = await this.opts.db.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)} LIMIT ${EXACT_COUNT_BELOW + 1}) s`
      );
      const n = res.rows[0]?.n ?? 0;
      return n > EXACT_COUNT_BELOW ? Math.max(n, Math.round(t.reltuples)) : n;
    } catch {
      return Math.max(0, Math.round(t.reltuples));
    }
  }
}
function mergeDocs(prismaDoc, comment) {
  const a = splitDoc(prismaDoc);
  const b = splitDoc(comment);
  return {
    description: a.description ?? b.description,
    synonyms: [.../* @__PURE__ */ new Set([...a.synonyms, ...b.synonyms])],
    definitions: { ...b.definitions, ...a.definitions }
  };
}
function resolveAllowList(raw, docs, schemas, explicit) {
  const candidates = raw.filter((t) => !GATEWAY_OWN_TABLES.has(t.name));
  if (explicit) {
    const wanted = explicit.map((e) => e.toLowerCase());
    return candidates.filter((t) => wanted.includes(t.name.toLowerCase()) || wanted.includes(`${t.schema}.${t.name}`.toLowerCase()));
  }
  const out = [];
  for (const schema of schemas) {
    const inSchema = candidates.filter((t) => t.schema === schema);
    const modelled = inSchema.filter((t) => docs.models.some((m) => m.tableName === t.name && (m.schema ?? "public") === schema));
    out.push(...modelled.length ? modelled : inSchema);
  }
  return out;
}
function findTable(catalog, nameOrModel) {
  const n = nameOrModel.trim().replace(/"/g, "");
  const lower = n.toLowerCase();
  return catalog.tables.find((t) => t.name === n || `${t.schema}.${t.name}` === n) ?? catalog.tables.find((t) => t.modelName === n) ?? catalog.tables.find((t) => t.name.toLowerCase() === lower || `${t.schema}.${t.name}`.toLowerCase() === lower || t.modelName?.toLowerCase() === lower);
}
function findColumn(table, nameOrField) {
  const n = nameOrField.trim().replace(/"/g, "");
  const lower = n.toLowerCase();
  return table.columns.find((c) => c.name === n) ?? table.columns.find((c) => c.fieldName === n) ?? table.columns.find((c) => c.name.toLowerCase() === lower || c.fieldName?.toLowerCase() === lower);
}
export {
  CatalogService,
  GATEWAY_OWN_TABLES,
  findColumn,
  findTable,
  resolveAllowList
};
