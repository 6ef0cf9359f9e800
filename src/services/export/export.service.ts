/**
 * Streams a whole user table as NDJSON or CSV in text chunks, so memory stays flat however large the
 * table: on PostgreSQL as the bytes of a COPY … TO STDOUT that formatted every row, on PGlite from a
 * server-side cursor, one batch per chunk, formatted here.
 */
import { StringDecoder } from "node:string_decoder";
import { stringify } from "csv-stringify/sync";
import { quoteLiteral, type Database } from "../db/index.js";
import { checkPredictionFilter, predictionConditions, type PredictionFilter } from "../ml/index.js";
import { BadUserInputError } from "../errors.js";
import type { TableSource } from "../ingest/tables.js";
import { copySql, selectSql, type ExportFormat } from "./export-sql.js";
import { loadExportTables, type ExportColumn, type ExportTable } from "./export-tables.js";

export type { ExportFormat };
export const EXPORT_FORMATS: ExportFormat[] = ["ndjson", "csv"];

export interface ExportPlan {
  table: ExportTable;
  columns: ExportColumn[];
  format: ExportFormat;
  /** The rows, one column per exported column, for the cursor path. */
  sql: string;
  /** The whole export as one COPY … TO STDOUT, formatted by PostgreSQL. */
  copySql: string;
}

/** The gateway's predictions table as an export sees it (in the gateway's schema). */
const predictionsTable = (gatewaySchema: string): ExportTable => ({
  schema: gatewaySchema,
  name: "predictions",
  modelName: "Prediction",
  columns: [
    { name: "id", fieldName: "id", kind: "integer", sqlType: "bigint" },
    { name: "model_name", fieldName: "modelName", kind: "text", sqlType: "text" },
    { name: "model_version", fieldName: "modelVersion", kind: "integer", sqlType: "integer" },
    { name: "row_key", fieldName: "rowKey", kind: "text", sqlType: "text" },
    { name: "prediction", fieldName: "prediction", kind: "json", sqlType: "jsonb" },
    { name: "job_id", fieldName: "jobId", kind: "text", sqlType: "text" },
    { name: "created_at", fieldName: "createdAt", kind: "timestamp", sqlType: "timestamp with time zone" },
  ],
});

function checkFormat(format: string): void {
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw new BadUserInputError(`Unknown format "${format}". Use one of: ${EXPORT_FORMATS.join(", ")}.`, { validFormats: EXPORT_FORMATS });
  }
}

/** The asked-for columns in the asked order (all when null); BAD_USER_INPUT names the unknown ones and lists the valid ones. */
function pickColumns(table: ExportTable, columnNames: string[] | null): ExportColumn[] {
  if (!columnNames) return table.columns;
  const unknown: string[] = [];
  const picked: ExportColumn[] = [];
  for (const name of columnNames) {
    const col = table.columns.find((c) => c.name === name || c.fieldName === name);
    if (!col) unknown.push(name);
    else if (!picked.includes(col)) picked.push(col);
  }
  if (unknown.length || picked.length === 0) {
    throw new BadUserInputError(
      `${unknown.length ? `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")} in ${table.name}` : `No columns given for ${table.name}`}. Valid columns: ${table.columns.map((c) => c.name).join(", ")}.`,
      { table: table.name, unknownColumns: unknown, validColumns: table.columns.map((c) => c.name) },
    );
  }
  return picked;
}

/** COPY data arrives in socket-sized pieces (often a few KiB); fewer, larger writes cost the route less. */
const COPY_CHUNK_BYTES = 64 * 1024;

export class ExportService {
  constructor(
    private readonly db: Pick<Database, "kind" | "stream" | "copyOut" | "gateway">,
    private readonly tableSource: TableSource,
    private readonly batchSize = 2_000,
  ) {}

  /** Exportable tables and their columns, as the catalog knows them now. */
  tables(): Promise<ExportTable[]> {
    return loadExportTables(this.tableSource);
  }

  private async findTable(name: string): Promise<{ table: ExportTable | undefined; tables: ExportTable[] }> {
    const match = (tables: ExportTable[]) =>
      tables.find((t) => t.name === name || t.modelName === name) ??
      tables.find((t) => t.name === name.toLowerCase() || t.modelName.toLowerCase() === name.toLowerCase());
    let tables = await this.tables();
    let table = match(tables);
    if (!table) {
      // Maybe created since the catalog was read: look once more, afresh.
      tables = await loadExportTables(this.tableSource, true);
      table = match(tables);
    }
    return { table, tables };
  }

  /** Checks the request against the exportable tables; BAD_USER_INPUT names what is unknown and lists what is valid. */
  async plan(tableName: string, columnNames: string[] | null, format: string): Promise<ExportPlan> {
    checkFormat(format);
    const { table, tables } = await this.findTable(tableName);
    if (!table) {
      throw new BadUserInputError(
        `Unknown table "${tableName}". Exportable tables: ${tables.map((t) => (t.modelName === t.name ? t.name : `${t.name} (${t.modelName})`)).join(", ")}.`,
        { unknownTables: [tableName], validTables: tables.map((t) => t.name), validModels: tables.map((t) => t.modelName) },
      );
    }
    const fmt = format as ExportFormat;
    const columns = pickColumns(table, columnNames);
    return { table, columns, format: fmt, sql: selectSql(table, columns, fmt), copySql: copySql(table, columns, fmt) };
  }

  /**
   * The predictions batch inference wrote for one model (optionally of one version, job or row key), in the
   * order they were written: the one gateway table that can be exported, at its own route, never by name.
   */
  planPredictions(filter: PredictionFilter, columnNames: string[] | null, format: string): ExportPlan {
    checkFormat(format);
    checkPredictionFilter(filter);
    const fmt = format as ExportFormat;
    const table = predictionsTable(this.db.gateway.name);
    const columns = pickColumns(table, columnNames);
    const where = predictionConditions(filter, (v) => (typeof v === "number" ? String(v) : quoteLiteral(v)));
    return { table, columns, format: fmt, sql: selectSql(table, columns, fmt, where), copySql: copySql(table, columns, fmt, where) };
  }

  /** Text chunks of the export. The caller must consume with backpressure. */
  chunks(plan: ExportPlan): AsyncGenerator<string> {
    return this.db.kind === "postgres" ? this.copiedChunks(plan) : this.cursorChunks(plan);
  }

  /** PostgreSQL formatted every row: the bytes are only passed on, in pieces of about COPY_CHUNK_BYTES. */
  private async *copiedChunks(plan: ExportPlan): AsyncGenerator<string> {
    // The route writes strings, and a UTF-8 character may straddle two pieces.
    const utf8 = new StringDecoder("utf8");
    let pending: Buffer[] = [];
    let size = 0;
    for await (const piece of this.db.copyOut(plan.copySql)) {
      pending.push(piece);
      size += piece.length;
      if (size < COPY_CHUNK_BYTES) continue;
      yield utf8.write(Buffer.concat(pending, size));
      pending = [];
      size = 0;
    }
    const rest = utf8.write(Buffer.concat(pending, size)) + utf8.end();
    if (rest) yield rest;
  }

  /** One chunk per fetched batch, formatted here. */
  private async *cursorChunks(plan: ExportPlan): AsyncGenerator<string> {
    const header = plan.columns.map((c) => c.name);
    let first = true;
    for await (const batch of this.db.stream(plan.sql, [], this.batchSize)) {
      if (plan.format === "ndjson") {
        let out = "";
        for (const row of batch.rows) out += JSON.stringify(row) + "\n";
        yield out;
      } else {
        yield stringify(batch.rows as Array<Record<string, unknown>>, { header: first, columns: header });
      }
      first = false;
    }
    if (first && plan.format === "csv") yield stringify([], { header: true, columns: header });
  }
}
