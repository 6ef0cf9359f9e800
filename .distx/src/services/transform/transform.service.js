import { quoteIdent } from "../db/index.js";
import { BadUserInputError, ErrorCode, GatewayError } from "../errors.js";
import { batchWriteHandler } from "../ingest/ingest.handler.js";
import { resolveWritableTable } from "../ingest/index.js";
import { guardSql, loadGuard } from "../nlsql/guard.js";
import { compileExpression, ExpressionError, referencedColumns } from "./expression.js";
import { RecordMapper } from "./record-mapper.js";
const OPS = { EQ: "=", NE: "<>", LT: "<", LTE: "<=", GT: ">", GTE: ">=", IN: "= ANY", CONTAINS: "ILIKE", IS_NULL: "IS NULL", NOT_NULL: "IS NOT NULL" };
const OUTPUT_TYPES = ["TEXT", "NUMBER", "INTEGER", "BOOLEAN"];
const MAX_RULES = 200;
const problem = (field, message) => ({ problems: [{ field, message }] });
const isGatewayTable = (name) => name.startsWith("_") || ["jobs", "rejected_records", "query_log", "nl_examples", "ml_models", "predictions", "quality_reports"].includes(name);
function findReadableTable(catalog, name) {
  const wanted = name.trim().toLowerCase();
  const table = catalog.tables.find((t) => t.name.toLowerCase() === wanted || t.modelName?.toLowerCase() === wanted);
  if (!table || isGatewayTable(table.name)) {
    const readable = catalog.tables.filter((t) => !isGatewayTable(t.name)).map((t) => t.name);
    throw new BadUserInputError(`Unknown source table ${JSON.stringify(name)}. Readable tables: ${readable.join(", ")}.`, problem("source.table", "unknown"));
  }
  return table;
}
class TransformService {
  constructor(deps) {
    this.deps = deps;
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
          }
        },
        this.reader
      )
    );
  }
  deps;
  log;
  /** Validates a transform completely, then submits it as a TRANSFORM job; returns the job at once. */
  async submit(input) {
    const params = await this.check(input);
    const source = params.source;
    const total = await this.countSource(source.sql, source.params);
    return this.deps.engine.submit({ kind: "TRANSFORM", params, idempotencyKey: input.idempotencyKey ?? null, total });
  }
  /**
   * Everything submit() checks (source runs, target and key, rules, a chat model for LLM rules),
   * without running the transform: the TRANSFORM job parameters it would store. Pipelines call it
   * at submission so a bad step is refused before any step runs.
   */
  async check(input) {
    const catalog = await this.catalogWith(input.source?.table);
    const { sql, params, sourceColumns } = await this.buildSource(catalog, input.source ?? {});
    const mode = input.target?.mode ?? "INSERT";
    const targetParams = await this.deps.ingest.validate("INGEST", {
      table: input.target?.table,
      mode,
      key: input.target?.key ?? [],
      batchSize: input.batchSize ?? void 0,
      maxRetries: input.maxRetries ?? void 0,
      continueOnError: input.continueOnError ?? false,
      source: { type: "inline", records: [] }
    });
    const target = catalog.tables.find((t) => t.name === targetParams.table);
    const rules = this.checkRules(input.rules, target, sourceColumns);
    const source = { type: "transform", sql, params, rules };
    return { ...targetParams, source };
  }
  /**
   * A transform that copies rows of one table into another: one `from` rule per target column
   * the source also has (or per listed column). With INSERT, a target primary key that has a
   * default (serial, identity) is left out so the target numbers the copies itself.
   */
  async tableCopy(input) {
    const catalog = await this.catalogWith(input.source?.table);
    const source = findReadableTable(catalog, input.source?.table ?? "");
    const target = await resolveWritableTable(this.deps.tables, input.target?.table);
    const sourceNames = new Set(source.columns.map((c) => c.name));
    const mode = input.target.mode ?? "INSERT";
    let columns;
    if (input.columns?.length) {
      columns = input.columns.map((name, i) => {
        const col = target.column(name);
        if (!col) throw new BadUserInputError(`columns[${i}]: ${target.table.name} has no column ${JSON.stringify(name)} (columns: ${target.table.columns.map((c) => c.name).join(", ")}).`, problem(`columns[${i}]`, "unknown target column"));
        if (!sourceNames.has(col.name)) throw new BadUserInputError(`columns[${i}]: the source table ${source.name} has no column ${col.name} to copy.`, problem(`columns[${i}]`, "not in the source"));
        return col.name;
      });
    } else {
      columns = target.table.columns.filter((c) => sourceNames.has(c.name) && !(mode === "INSERT" && c.isPrimaryKey && c.hasDefault)).map((c) => c.name);
      if (!columns.length) throw new BadUserInputError(`${source.name} and ${target.table.name} share no column to copy; list columns or use a transform with rules.`, problem("columns", "nothing to copy"));
    }
    return {
      source: { table: source.name, filter: input.source.filter ?? null },
      target: { table: target.table.name, mode, key: input.target.key ?? null },
      rules: columns.map((c) => ({ column: c, from: c })),
      batchSize: input.batchSize ?? null,
      continueOnError: input.continueOnError ?? null
    };
  }
  /** The catalog, re-read once when it lacks the named table (created since the table list was cached). */
  async catalogWith(table) {
    const catalog = await this.deps.tables.catalog();
    const wanted = table?.trim().toLowerCase();
    if (!wanted || catalog.tables.some((t) => t.name.toLowerCase() === wanted || t.modelName?.toLowerCase() === wanted)) return catalog;
    this.deps.tables.forget?.();
    return this.deps.tables.catalog();
  }
  /** The engine re-validates stored parameters on submission; they were built by submit(). */
  checkStoredParams(raw) {
    const p = raw;
    if (p?.source?.type !== "transform") throw new BadUserInputError("Submit transforms through Mutation.transform.");
    if (p.source.rules.some((r) => r.llm) && !this.deps.chatModel()) throw this.llmUnavailable();
    return p;
  }
  llmUnavailable() {
    return new GatewayError(
      ErrorCode.LLM_UNAVAILABLE,
      "This transform has LLM rules but no chat model is configured: set LLM_PROVIDER (openai, anthropic or ollama) with LLM_MODEL and LLM_API_KEY / LLM_BASE_URL, or replace the llm rules with expressions. Nothing was run."
    );
  }
  async buildSource(catalog, source) {
    const hasTable = !!source.table?.trim();
    const hasSql = !!source.sql?.trim();
    if (hasTable === hasSql) throw new BadUserInputError("source needs exactly one of table (with an optional filter) or sql (a read-only SELECT).", problem("source", "table or sql"));
    if (hasTable) {
      const table = findReadableTable(catalog, source.table);
      const params = [];
      const where = (source.filter ?? []).map((f, i) => {
        const col = table.columns.find((c2) => c2.name === f.column || c2.fieldName === f.column);
        if (!col) throw new BadUserInputError(`filter[${i}].column ${JSON.stringify(f.column)} is not a column of ${table.name} (columns: ${table.columns.map((c2) => c2.name).join(", ")}).`, problem(`source.filter[${i}].column`, "unknown"));
        const c = quoteIdent(col.name);
        if (!(f.op in OPS)) throw new BadUserInputError(`filter[${i}].op must be one of ${Object.keys(OPS).join(", ")}.`, problem(`source.filter[${i}].op`, "unknown"));
        if (f.op === "IS_NULL" || f.op === "NOT_NULL") return `${c} ${OPS[f.op]}`;
        if (f.value === void 0 || f.value === null) throw new BadUserInputError(`filter[${i}] (${f.op}) needs a value.`, problem(`source.filter[${i}].value`, "missing"));
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
        return `${c} ${OPS[f.op]} $${params.length}::${col.kind === "enum" ? quoteIdent(col.sqlType) : col.sqlType}`;
      });
      const order = (table.primaryKey.length ? table.primaryKey : table.columns.slice(0, 1).map((c) => c.name)).map(quoteIdent).join(", ");
      const sql = `SELECT * FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY ${order}`;
      await this.probe(sql, params);
      return { sql, params, sourceColumns: table.columns.map((c) => c.name) };
    }
    await loadGuard();
    const readable = catalog.tables.filter((t) => !isGatewayTable(t.name)).map((t) => ({ schema: t.schema, name: t.name }));
    const schemas = [...new Set(catalog.tables.map((t) => t.schema))];
    const guarded = guardSql(source.sql, { tables: readable, searchPath: schemas, maxRows: 2e9 });
    const fields = await this.probe(guarded.sql, []);
    return { sql: guarded.sql, params: [], sourceColumns: fields };
  }
  /** Runs the source with no rows to learn its columns and prove it executes. */
  async probe(sql, params) {
    try {
      const res = await this.deps.db.query(`SELECT * FROM (${sql}) AS src LIMIT 0`, params);
      return res.fields.map((f) => f.name);
    } catch (err) {
      throw new BadUserInputError(`The source query does not run: ${err.message.split("\n")[0]}`, problem("source", "invalid"));
    }
  }
  async countSource(sql, params) {
    const res = await this.deps.db.query(`SELECT count(*)::text AS n FROM (${sql}) AS src`, params);
    return Number(res.rows[0]?.n ?? 0);
  }
  checkRules(rules, target, sourceColumns) {
    if (!rules?.length) throw new BadUserInputError("rules is empty: give at least one { column, from | expression | llm }.", problem("rules", "empty"));
    if (rules.length > MAX_RULES) throw new BadUserInputError(`At most ${MAX_RULES} rules per transform; got ${rules.length}.`, problem("rules", "too many"));
    const sourceSet = new Set(sourceColumns);
    const seen = /* @__PURE__ */ new Set();
    const checkSourceColumn = (name, field) => {
      if (!sourceSet.has(name)) throw new BadUserInputError(`${field}: the source has no column ${JSON.stringify(name)} (source columns: ${sourceColumns.join(", ")}).`, problem(field, "unknown source column"));
    };
    const out = rules.map((r, i) => {
      const field = `rules[${i}]`;
      const col = target.columns.find((c) => c.name === r.column || c.fieldName === r.column);
      if (!col) throw new BadUserInputError(`${field}.column ${JSON.stringify(r.column)} is not a column of ${target.name} (columns: ${target.columns.map((c) => c.name).join(", ")}).`, problem(`${field}.column`, "unknown"));
      if (seen.has(col.name)) throw new BadUserInputError(`${field}: column ${col.name} has two rules; give one per target column.`, problem(`${field}.column`, "duplicate"));
      seen.add(col.name);
      const given = [r.from, r.expression, r.llm].filter((x) => x !== null && x !== void 0).length;
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
      const llm = r.llm;
      if (!llm.instruction?.trim()) throw new BadUserInputError(`${field}.llm.instruction is empty: say what the model should produce.`, problem(`${field}.llm.instruction`, "empty"));
      if (!llm.inputs?.length) throw new BadUserInputError(`${field}.llm.inputs is empty: name the source columns the model sees.`, problem(`${field}.llm.inputs`, "empty"));
      llm.inputs.forEach((c, k) => checkSourceColumn(c, `${field}.llm.inputs[${k}]`));
      const output = "enum" in llm.output ? llm.output.enum?.length ? { enum: llm.output.enum } : null : OUTPUT_TYPES.includes(llm.output.type) ? { type: llm.output.type } : null;
      if (!output) throw new BadUserInputError(`${field}.llm.output needs a type (${OUTPUT_TYPES.join(", ")}) or a non-empty list of enum values.`, problem(`${field}.llm.output`, "invalid"));
      return { column: col.name, llm: { instruction: llm.instruction, inputs: llm.inputs, output } };
    });
    if (out.some((r) => r.llm) && !this.deps.chatModel()) throw this.llmUnavailable();
    return out;
  }
  /** Streams the ordered source from `consumed` on and maps it chunk by chunk (LLM rules need whole chunks). */
  reader = (p, consumed, ctx) => {
    const spec = p.source;
    const { db, config } = this.deps;
    const mapper = new RecordMapper(spec.rules, spec.rules.some((r) => r.llm) ? this.deps.chatModel() : null, {
      batchSize: config.transform.llmBatchSize,
      concurrency: config.transform.llmConcurrency,
      timeoutMs: config.transform.llmTimeoutMs,
      maxRetries: config.transform.llmMaxRetries
    });
    return (async function* () {
      let position = consumed;
      const sql = `SELECT * FROM (${spec.sql}) AS src OFFSET ${Math.max(0, Math.floor(consumed))}`;
      for await (const chunk of db.stream(sql, spec.params, p.batchSize)) {
        if (!chunk.rows.length) continue;
        const mapped = await mapper.map(chunk.rows, ctx.signal);
        yield chunk.rows.map((row, i) => {
          position++;
          const m = mapped[i];
          return m.ok ? { position, record: m.record, fromText: false } : { position, record: row, error: m.reason, fromText: false };
        });
      }
    })();
  };
}
export {
  TransformService
};
