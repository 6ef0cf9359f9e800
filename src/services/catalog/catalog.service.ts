/**
 * The catalog service: builds the Catalog (what allow-listed tables and
 * columns exist and what they mean) from pg_catalog and its COMMENT ON text
 * (descriptions, synonyms, definitions, `@name` smart tags) plus a bounded
 * index of known values; caches it until refresh(). The gateway's schema and
 * PostgreSQL's own are never read, whatever NL_SCHEMAS and NL_TABLES say.
 */
import { createHash } from "node:crypto";
import type { SqlRunner } from "../db/index.js";
import { GatewaySchema, quoteIdent } from "../db/index.js";
import type { Logger } from "../log.js";
import type { Catalog, CatalogColumn, CatalogTable } from "./types.js";
import { introspect, type RawTable } from "./introspect.js";
import { splitDoc } from "./doc-text.js";
import { parseSmartComment, smartName } from "./smart-comment.js";

export interface CatalogServiceOptions {
  db: SqlRunner;
  log: Logger;
  /** SQL schemas to introspect, e.g. ["public"]; the gateway's and system schemas are left out. */
  schemas: string[];
  /** The gateway's own schema (default kaizen): never introspected. */
  gatewaySchema?: GatewaySchema;
  /** Explicit allow-list ("table" or "schema.table"); null = default rule (see resolveAllowList). */
  tables: string[] | null;
  /** Columns with more distinct values than this get no known-value list. */
  valueIndexMaxDistinct: number;
  /** At most this many rows are read per column when building the value index. */
  valueIndexScanRows: number;
  /** After this long, get() serves the current catalog and rebuilds it in the background (known values drift with data). */
  maxAgeMs?: number;
}

/** Tables at or below this estimate are counted exactly (bounded) for rowEstimate. */
const EXACT_COUNT_BELOW = 10_000;
/** Known values longer than this are not labels but prose; such columns get no value index. */
const MAX_KNOWN_VALUE_LENGTH = 120;

export class CatalogService {
  private catalog: Catalog | null = null;
  private building: { generation: number; promise: Promise<Catalog> } | null = null;
  /** Bumped by expire(): a build started before it may not be the answer to a get() after it. */
  private generation = 0;
  private builtGeneration = -1;
  private readonly log: Logger;
  private readonly gateway: GatewaySchema;

  constructor(private readonly opts: CatalogServiceOptions) {
    this.log = opts.log.child({ service: "catalog" });
    this.gateway = opts.gatewaySchema ?? new GatewaySchema();
  }

  /** The current catalog, built on first use and after expire(). */
  async get(): Promise<Catalog> {
    if (this.catalog && this.builtGeneration === this.generation) {
      const maxAge = this.opts.maxAgeMs ?? 300_000;
      if (Date.now() - this.catalog.builtAt.getTime() > maxAge && !this.building) {
        this.refresh().catch((err) => this.log.warn({ err: (err as Error).message }, "background catalog refresh failed"));
      }
      return this.catalog;
    }
    return this.refresh();
  }

  /** The last built catalog without waiting, or null before the first build. */
  current(): Catalog | null {
    return this.catalog;
  }

  /**
   * The database's tables changed (DDL): the next get() waits for a catalog
   * built after this call. current() keeps answering the old one meanwhile.
   */
  expire(): void {
    this.generation++;
  }

  /** Rebuilds from the live database (call after migrations, ingestion, DDL). Concurrent calls share one build. */
  refresh(): Promise<Catalog> {
    const generation = this.generation;
    if (this.building?.generation === generation) return this.building.promise;
    const promise: Promise<Catalog> = this.build()
      .then((c) => {
        // An older build finishing after a newer one must not roll the catalog back.
        if (generation >= this.builtGeneration) {
          if (this.catalog?.version !== c.version) this.log.info({ version: c.version, tables: c.tables.length }, "catalog built");
          this.catalog = c;
          this.builtGeneration = generation;
        }
        return c;
      })
      .finally(() => {
        if (this.building?.promise === promise) this.building = null;
      });
    this.building = { generation, promise };
    return promise;
  }

  /** A table by SQL name ("orders", "public.orders", case-insensitive) or its `@name` ("Order"). */
  table(nameOrModel: string): CatalogTable | undefined {
    return this.catalog ? findTable(this.catalog, nameOrModel) : undefined;
  }

  /** A column of a table by SQL name ("customer_id") or its `@name` ("customerId"). */
  column(table: string | CatalogTable, nameOrField: string): CatalogColumn | undefined {
    const t = typeof table === "string" ? this.table(table) : table;
    return t ? findColumn(t, nameOrField) : undefined;
  }

  private async build(): Promise<Catalog> {
    const started = Date.now();
    const schemas = this.opts.schemas.filter((s) => !this.gateway.isHidden(s));
    const raw = await introspect(this.opts.db, schemas);
    const allowed = resolveAllowList(raw, schemas, this.opts.tables);
    const tables: CatalogTable[] = [];
    for (const t of allowed) tables.push(await this.describeTable(t));
    const version = createHash("sha256")
      .update(JSON.stringify(tables.map(({ rowEstimate: _r, ...rest }) => rest)))
      .digest("hex")
      .slice(0, 16);
    this.log.debug({ ms: Date.now() - started, tables: tables.length }, "catalog introspected");
    return { version, tables, builtAt: new Date() };
  }

  private async describeTable(t: RawTable): Promise<CatalogTable> {
    const tableComment = parseSmartComment(t.comment);
    const tableDoc = splitDoc(tableComment.text);
    const definitions = { ...tableDoc.definitions };
    const columns: CatalogColumn[] = [];
    for (const c of t.columns) {
      const comment = parseSmartComment(c.comment);
      const colDoc = splitDoc(comment.text);
      for (const [k, v] of Object.entries(colDoc.definitions)) if (!(k in definitions)) definitions[k] = v;
      const fk = t.foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === c.name);
      const col: CatalogColumn = {
        name: c.name,
        fieldName: smartName(comment),
        sqlType: c.sqlType,
        kind: c.kind,
        nullable: c.nullable,
        hasDefault: c.hasDefault,
        isPrimaryKey: t.primaryKey.includes(c.name),
        isUnique: t.uniqueColumns.includes(c.name) || (t.primaryKey.length === 1 && t.primaryKey[0] === c.name),
        enumValues: c.enumValues,
        references: fk ? { table: fk.refTable, column: fk.refColumns[0]!, schema: fk.refSchema } : null,
        description: colDoc.description ?? splitDoc(parseSmartComment(c.enumComment).text).description,
        synonyms: colDoc.synonyms,
        knownValues: null,
      };
      // A unique column is an identifier (e-mail, SKU) — except in a lookup table whose only text column it is:
      // there its values are labels users say ("Electronics" in categories.name). knownValues() bounds the size.
      // So is a unique "name"/"title" column: a branch or a department is asked for by its name.
      const lookupLabel = col.isUnique && (t.columns.filter((x) => x.kind === "text").length === 1 || /^(name|title|label)$/i.test(c.name));
      if ((col.kind === "text" || col.kind === "enum") && (!col.isUnique || lookupLabel) && !col.isPrimaryKey && !col.references) {
        col.knownValues = await this.knownValues(t, c.name);
      }
      columns.push(col);
    }
    return {
      schema: t.schema,
      name: t.name,
      modelName: smartName(tableComment),
      description: tableDoc.description,
      synonyms: tableDoc.synonyms,
      definitions,
      primaryKey: t.primaryKey,
      columns,
      rowEstimate: await this.rowEstimate(t),
    };
  }

  /** Distinct values of a column (bounded scan), or null when there are too many or they are prose. */
  private async knownValues(t: RawTable, column: string): Promise<string[] | null> {
    const max = this.opts.valueIndexMaxDistinct;
    try {
      const res = await this.opts.db.query<{ v: string }>(
        `SELECT v FROM (SELECT ${quoteIdent(column)}::text AS v FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)} LIMIT ${this.opts.valueIndexScanRows}) s
          WHERE v IS NOT NULL AND v <> '' GROUP BY v LIMIT ${max + 1}`,
      );
      if (res.rows.length > max) return null;
      if (res.rows.some((r) => r.v.length > MAX_KNOWN_VALUE_LENGTH)) return null;
      return res.rows.map((r) => r.v).sort();
    } catch (err) {
      this.log.warn({ table: t.name, column, err: (err as Error).message }, "could not index known values");
      return null;
    }
  }

  private async rowEstimate(t: RawTable): Promise<number> {
    if (t.reltuples >= EXACT_COUNT_BELOW) return Math.round(t.reltuples);
    try {
      const res = await this.opts.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)} LIMIT ${EXACT_COUNT_BELOW + 1}) s`,
      );
      const n = res.rows[0]?.n ?? 0;
      return n > EXACT_COUNT_BELOW ? Math.max(n, Math.round(t.reltuples)) : n;
    } catch {
      return Math.max(0, Math.round(t.reltuples));
    }
  }
}

/**
 * Which introspected tables are exposed: those NL_TABLES lists (`table` or `schema.table`), or without it
 * every table of the introspected schemas. `raw` holds user schemas only (see build).
 */
export function resolveAllowList(raw: RawTable[], schemas: string[], explicit: string[] | null): RawTable[] {
  const inSchemas = raw.filter((t) => schemas.includes(t.schema));
  if (!explicit) return inSchemas;
  const wanted = explicit.map((e) => e.toLowerCase());
  return inSchemas.filter((t) => wanted.includes(t.name.toLowerCase()) || wanted.includes(`${t.schema}.${t.name}`.toLowerCase()));
}

export function findTable(catalog: Catalog, nameOrModel: string): CatalogTable | undefined {
  const n = nameOrModel.trim().replace(/"/g, "");
  const lower = n.toLowerCase();
  return (
    catalog.tables.find((t) => t.name === n || `${t.schema}.${t.name}` === n) ??
    catalog.tables.find((t) => t.modelName === n) ??
    catalog.tables.find((t) => t.name.toLowerCase() === lower || `${t.schema}.${t.name}`.toLowerCase() === lower || t.modelName?.toLowerCase() === lower)
  );
}

export function findColumn(table: CatalogTable, nameOrField: string): CatalogColumn | undefined {
  const n = nameOrField.trim().replace(/"/g, "");
  const lower = n.toLowerCase();
  return (
    table.columns.find((c) => c.name === n) ??
    table.columns.find((c) => c.fieldName === n) ??
    table.columns.find((c) => c.name.toLowerCase() === lower || c.fieldName?.toLowerCase() === lower)
  );
}
