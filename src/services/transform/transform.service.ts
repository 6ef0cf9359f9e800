/**
 * Transforms as jobs: checks a transform (source, target, rules) at
 * submission, then runs it on the shared batched write loop of ingestion —
 * reading the source query in order, mapping each row by its rules (copies,
 * expressions, LLM instructions), validating and writing the results in
 * batches, with rejected rows recorded with their reasons.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../../config.js";
import type { Database } from "../db/index.js";
import { quoteIdent } from "../db/index.js";
import type { Logger } from "../log.js";
import { BadUserInputError, ErrorCode, GatewayError } from "../errors.js";
import type { JobEngine, JobRecord } from "../jobs/index.js";
import { batchWriteHandler, type IngestCheckpoint, type IngestJobParams, type SourceReader } from "../ingest/ingest.handler.js";
import { resolveWritableTable, type IngestService, type TableSource } from "../ingest/index.js";
import type { Catalog, CatalogTable } from "../catalog/types.js";
import { guardSql, loadGuard } from "../nlsql/guard.js";
import { compileExpression, ExpressionError, referencedColumns } from "./expression.js";
import { RecordMapper } from "./record-mapper.js";
import type { LlmOutputType } from "./llm-mapper.js";
import type { FilterOp, SourceFilter, TransformRule, TransformSourceSpec } from "./types.js";

export interface TransformInput {
  source: { table?: string | null; filter?: SourceFilter[] | null; sql?: string | null };
  target: { table: string; mode?: "INSERT" | "UPSERT" | null; key?: string[] | null };
  rules: TransformRule[];
  batchSize?: number | null;
  maxRetries?: number | null;
  continueOnError?: boolean | null;
  idempotencyKey?: string | null;
}

export interface TransformServiceDeps {
  config: Config;
  db: Database;
  engine: JobEngine;
  ingest: IngestService;
  tables: TableSource;
  log: Logger;
  /** The configured chat model for LLM rules, or null when none is configured. */
  chatModel: () => BaseChatModel | null;
  invalidateTables?: (tables: string[]) => Promise<void>;
  refreshCatalog?: (tables: string[]) => Promise<void>;
}

const OPS: Record<FilterOp, string> = { EQ: "=", NE: "<>", LT: "<", LTE: "<=", GT: ">", GTE: ">=", IN: "= ANY", CONTAINS: "ILIKE", IS_NULL: "IS NULL", NOT_NULL: "IS NOT NULL" };
const OUTPUT_TYPES: LlmOutputType[] = ["TEXT", "NUMBER", "INTEGER", "BOOLEAN"];
const MAX_RULES = 200;
const problem = (field: string, message: string) => ({ problems: [{ field, message }] });

function findReadableTable(catalog: Catalog, name: string): CatalogTable {
  const wanted = name.trim().toLowerCase();
  const table = catalog.tables.find((t) => t.name.toLowerCase() === wanted || t.modelName?.toLowerCase() === wanted);
  // The catalog holds user tables only: the gateway's schema is never in it.
  if (!table) {
    const readable = catalog.tables.map((t) => t.name);
    throw new BadUserInputError(`Unknown source table ${JSON.stringify(name)}. Readable tables: ${readable.join(", ")}.`, problem("source.table", "unknown"));
  }
  return table;
}

export class TransformService {
  private readonly log: Logger;

  constructor(private readonly deps: TransformServiceDeps) {
    this.log = deps.log.child({ component: "transform" });
    deps.engine.register(
      batchWriteHandler(
        "TRANSFORM",
        {
          engine: deps.engine,
          tables: deps.tables,
          validate: async (_kind, params) => this.checkStoredParams(params),
          onTablesWritten: async (tables) => {
            await deps.invalidateTables?.(tables).catch((err) => this.log.warn({ err: String(err) }, "cache invalidation failed"));
          },
          onJobWrote: async (tables) => {
            await deps.tables.refresh?.();
            await deps.refreshCatalog?.(tables).catch((err) => this.log.warn({ err: String(err) }, "catalog refresh failed"));
          },
        },
        this.reader,
      ),
    );
  }

  /** Validates a transform completely, then submits it as a TRANSFORM job; returns the job at once. */
  async submit(input: TransformInput): Promise<JobRecord> {
    const params = await this.check(input);
    const source = params.source as TransformSourceSpec;
    const total = await this.countSource(source.sql, source.params);
    return this.deps.engine.submit({ kind: "TRANSFORM", params, idempotencyKey: input.idempotencyKey ?? null, total });
  }

  /**
   * Everything submit() checks (source runs, target and key, rules, a chat model for LLM rules),
   * without running the transform: the TRANSFORM job parameters it would store. Pipelines call it
   * at submission so a bad step is refused before any step runs.
   */
  async check(input: TransformInput): Promise<IngestJobParams> {
    const catalog = await this.catalogWith(input.source?.table);
    const { sql, params, sourceColumns } = await this.buildSource(catalog, input.source ?? {});
    const mode = input.target?.mode ?? "INSERT";
    // Target, key and batch options are checked exactly as ingestion checks them.
    const targetParams = await this.deps.ingest.validate("INGEST", {
      table: input.target?.table,
      mode,
      key: input.target?.key ?? [],
      batchSize: input.batchSize ?? undefined,
      maxRetries: input.maxRetries ?? undefined,
      continueOnError: input.continueOnError ?? false,
      source: { type: "inline", records: [] },
    });
    const target = catalog.tables.find((t) => t.name === targetParams.table)!;
    const rules = this.checkRules(input.rules, target, sourceColumns);
    const source: TransformSourceSpec = { type: "transform", sql, params, rules };
    return { ...targetParams, source };
  }

  /**
   * A transform that copies rows of one table into another: one `from` rule per target column
   * the source also has (or per listed column). With INSERT, a target primary key that has a
   * default (serial, identity) is left out so the target numbers the copies itself.
   */
  async tableCopy(input: {
    source: { table: string; filter?: SourceFilter[] | null };
    target: TransformInput["target"];
    columns?: string[] | null;
    batchSize?: number | null;
    continueOnError?: boolean | null;
  }): Promise<TransformInput> {
    const catalog = await this.catalogWith(input.source?.table);
    const source = findReadableTable(catalog, input.source?.table ?? "");
    const target = await resolveWritableTable(this.deps.tables, input.target?.table);
    const sourceNames = new Set(source.columns.map((c) => c.name));
    const mode = input.target.mode ?? "INSERT";
    let columns: string[];
    if (input.columns?.length) {
      columns = input.columns.map((name, i) => {
        const col = target.column(name);
        if (!col) throw new BadUserInputError(`columns[${i}]: ${target.table.name} has no column ${JSON.stringify(name)} (columns: ${target.table.columns.map((c) => c.name).join(", ")}).`, problem(`columns[${i}]`, "unknown target column"));
        if (!sourceNames.has(col.name)) throw new BadUserInputError(`columns[${i}]: the source table ${source.name} has no column ${col.name} to copy.`, problem(`columns[${i}]`, "not in the source"));
        return col.name;
      });
    } else {
      columns = target.table.columns
        .filter((c) => sourceNames.has(c.name) && !(mode === "INSERT" && c.isPrimaryKey && c.hasDefault))
        .map((c) => c.name);
      if (!columns.length) throw new BadUserInputError(`${source.name} and ${target.table.name} share no column to copy; list columns or use a transform with rules.`, problem("columns", "nothing to copy"));
    }
    return {
      source: { table: source.name, filter: input.source.filter ?? null },
      target: { table: target.table.name, mode, key: input.target.key ?? null },
      rules: columns.map((c) => ({ column: c, from: c })),
      batchSize: input.batchSize ?? null,
      continueOnError: input.continueOnError ?? null,
    };
  }

  /** The catalog, re-read once when it lacks the named table (created since the table list was cached). */
  private async catalogWith(table: string | null | undefined): Promise<Catalog> {
    const catalog = await this.deps.tables.catalog();
    const wanted = table?.trim().toLowerCase();
    if (!wanted || catalog.tables.some((t) => t.name.toLowerCase() === wanted || t.modelName?.toLowerCase() === wanted)) return catalog;
    this.deps.tables.forget?.();
    return this.deps.tables.catalog();
  }

  /** The engine re-validates stored parameters on submission; they were built by submit(). */
  private checkStoredParams(raw: unknown): IngestJobParams {
    const p = raw as IngestJobParams;
    if (p?.source?.type !== "transform") throw new BadUserInputError("Submit transforms through Mutation.transform.");
    if (p.source.rules.some((r) => r.llm) && !this.deps.chatModel()) throw this.llmUnavailable();
    return p;
  }

  private llmUnavailable(): GatewayError {
    return new GatewayError(
      ErrorCode.LLM_UNAVAILABLE,
      "This transform has LLM rules but no chat model is configured: set LLM_PROVIDER (openai, anthropic or ollama) with LLM_MODEL and LLM_API_KEY / LLM_BASE_URL, or replace the llm rules with expressions. Nothing was run.",
    );
  }

  private async buildSource(catalog: Catalog, source: TransformInput["source"]): Promise<{ sql: string; params: unknown[]; sourceColumns: string[] }> {
    const hasTable = !!source.table?.trim();
    const hasSql = !!source.sql?.trim();
    if (hasTable === hasSql) throw new BadUserInputError("source needs exactly one of table (with an optional filter) or sql (a read-only SELECT).", problem("source", "table or sql"));
    if (hasTable) {
      const table = findReadableTable(catalog, source.table!);
      const params: unknown[] = [];
      const where = (source.filter ?? []).map((f, i) => {
        const col = table.columns.find((c) => c.name === f.column || c.fieldName === f.column);
        if (!col) throw new BadUserInputError(`filter[${i}].column ${JSON.stringify(f.column)} is not a column of ${table.name} (columns: ${table.columns.map((c) => c.name).join(", ")}).`, problem(`source.filter[${i}].column`, "unknown"));
        const c = quoteIdent(col.name);
        if (!(f.op in OPS)) throw new BadUserInputError(`filter[${i}].op must be one of ${Object.keys(OPS).join(", ")}.`, problem(`source.filter[${i}].op`, "unknown"));
        if (f.op === "IS_NULL" || f.op === "NOT_NULL") return `${c} ${OPS[f.op]}`;
        if (f.value === undefined || f.value === null) throw new BadUserInputError(`filter[${i}] (${f.op}) needs a value.`, problem(`source.filter[${i}].value`, "missing"));
        if (f.op === "IN") {
          if (!Array.isArray(f.value) || !f.value.length) throw new BadUserInputError(`filter[${i}] (IN) needs a non-empty list value.`, problem(`source.filter[${i}].value`, "not a list"));
          params.push(f.value.map(String));
          return `${c}::text = ANY($${params.length}::text[])`;
        }
        if (f.op === "CONTAINS") {
          params.push(`%${String(f.value).replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
          return `${c}::text ILIKE $${params.length}`;
        }
        params.push(String(f.value));
        // Compare in the column's own type: PostgreSQL casts the text parameter.
        return `${c} ${OPS[f.op]} $${params.length}::${col.kind === "enum" ? quoteIdent(col.sqlType) : col.sqlType}`;
      });
      const order = (table.primaryKey.length ? table.primaryKey : table.columns.slice(0, 1).map((c) => c.name)).map(quoteIdent).join(", ");
      const sql = `SELECT * FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY ${order}`;
      await this.probe(sql, params);
      return { sql, params, sourceColumns: table.columns.map((c) => c.name) };
    }
    await loadGuard();
    const readable = catalog.tables.map((t) => ({ schema: t.schema, name: t.name }));
    const schemas = [...new Set(catalog.tables.map((t) => t.schema))];
    // The guard enforces a LIMIT for answers shown to people; a transform reads the whole source (up to 2e9 rows).
    const guarded = guardSql(source.sql!, { tables: readable, searchPath: schemas, maxRows: 2_000_000_000 });
    const fields = await this.probe(guarded.sql, []);
    return { sql: guarded.sql, params: [], sourceColumns: fields };
  }

  /** Runs the source with no rows to learn its columns and prove it executes. */
  private async probe(sql: string, params: unknown[]): Promise<string[]> {
    try {
      const res = await this.deps.db.query(`SELECT * FROM (${sql}) AS src LIMIT 0`, params);
      return res.fields.map((f) => f.name);
    } catch (err) {
      throw new BadUserInputError(`The source query does not run: ${(err as Error).message.split("\n")[0]}`, problem("source", "invalid"));
    }
  }

  private async countSource(sql: string, params: unknown[]): Promise<number> {
    const res = await this.deps.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM (${sql}) AS src`, params);
    return Number(res.rows[0]?.n ?? 0);
  }

  private checkRules(rules: TransformRule[] | null | undefined, target: CatalogTable, sourceColumns: string[]): TransformRule[] {
    if (!rules?.length) throw new BadUserInputError("rules is empty: give at least one { column, from | expression | llm }.", problem("rules", "empty"));
    if (rules.length > MAX_RULES) throw new BadUserInputError(`At most ${MAX_RULES} rules per transform; got ${rules.length}.`, problem("rules", "too many"));
    const sourceSet = new Set(sourceColumns);
    const seen = new Set<string>();
    const checkSourceColumn = (name: string, field: string) => {
      if (!sourceSet.has(name)) throw new BadUserInputError(`${field}: the source has no column ${JSON.stringify(name)} (source columns: ${sourceColumns.join(", ")}).`, problem(field, "unknown source column"));
    };
    const out = rules.map((r, i) => {
      const field = `rules[${i}]`;
      const col = target.columns.find((c) => c.name === r.column || c.fieldName === r.column);
      if (!col) throw new BadUserInputError(`${field}.column ${JSON.stringify(r.column)} is not a column of ${target.name} (columns: ${target.columns.map((c) => c.name).join(", ")}).`, problem(`${field}.column`, "unknown"));
      if (seen.has(col.name)) throw new BadUserInputError(`${field}: column ${col.name} has two rules; give one per target column.`, problem(`${field}.column`, "duplicate"));
      seen.add(col.name);
      const given = [r.from, r.expression, r.llm].filter((x) => x !== null && x !== undefined).length;
      if (given !== 1) throw new BadUserInputError(`${field} (${col.name}) needs exactly one of from, expression or llm; got ${given}.`, problem(field, "one source"));
      if (r.from) {
        checkSourceColumn(r.from, `${field}.from`);
        return { column: col.name, from: r.from };
      }
      if (r.expression) {
        try {
          compileExpression(r.expression);
          for (const name of referencedColumns(r.expression)) checkSourceColumn(name, `${field}.expression`);
        } catch (err) {
          if (err instanceof ExpressionError) throw new BadUserInputError(`${field}.expression: ${err.message}`, problem(`${field}.expression`, "invalid"));
          throw err;
        }
        return { column: col.name, expression: r.expression };
      }
      const llm = r.llm!;
      if (!llm.instruction?.trim()) throw new BadUserInputError(`${field}.llm.instruction is empty: say what the model should produce.`, problem(`${field}.llm.instruction`, "empty"));
      if (!llm.inputs?.length) throw new BadUserInputError(`${field}.llm.inputs is empty: name the source columns the model sees.`, problem(`${field}.llm.inputs`, "empty"));
      llm.inputs.forEach((c, k) => checkSourceColumn(c, `${field}.llm.inputs[${k}]`));
      const output = "enum" in llm.output ? (llm.output.enum?.length ? { enum: llm.output.enum } : null) : OUTPUT_TYPES.includes(llm.output.type) ? { type: llm.output.type } : null;
      if (!output) throw new BadUserInputError(`${field}.llm.output needs a type (${OUTPUT_TYPES.join(", ")}) or a non-empty list of enum values.`, problem(`${field}.llm.output`, "invalid"));
      return { column: col.name, llm: { instruction: llm.instruction, inputs: llm.inputs, output } };
    });
    if (out.some((r) => r.llm) && !this.deps.chatModel()) throw this.llmUnavailable();
    return out;
  }

  /** Streams the ordered source from `consumed` on and maps it chunk by chunk (LLM rules need whole chunks). */
  private readonly reader: SourceReader = (p, consumed, ctx) => {
    const spec = p.source as TransformSourceSpec;
    const { db, config } = this.deps;
    const mapper = new RecordMapper(spec.rules, spec.rules.some((r) => r.llm) ? this.deps.chatModel() : null, {
      batchSize: config.transform.llmBatchSize,
      concurrency: config.transform.llmConcurrency,
      timeoutMs: config.transform.llmTimeoutMs,
      maxRetries: config.transform.llmMaxRetries,
    });
    return (async function* () {
      let position = consumed;
      const sql = `SELECT * FROM (${spec.sql}) AS src OFFSET ${Math.max(0, Math.floor(consumed))}`;
      for await (const chunk of db.stream<Record<string, unknown>>(sql, spec.params, p.batchSize)) {
        if (!chunk.rows.length) continue;
        const mapped = await mapper.map(chunk.rows, ctx.signal);
        // One batch per chunk: the cursor reads batchSize rows at a time.
        yield chunk.rows.map((row, i) => {
          position++;
          const m = mapped[i]!;
          return m.ok ? { position, record: m.record, fromText: false } : { position, record: row, error: m.reason, fromText: false };
        });
      }
    })();
  };
}
