/**
 * Streams a whole user table as NDJSON or CSV from a server-side cursor, in
 * text chunks of one batch each, so memory stays flat however large the table.
 */
import { stringify } from "csv-stringify/sync";
import { quoteIdent, type Database } from "../db/index.js";
import { BadUserInputError } from "../errors.js";
import type { TableSource } from "../ingest/tables.js";
import { loadExportTables, type ExportColumn, type ExportTable } from "./export-tables.js";

export type ExportFormat = "ndjson" | "csv";
export const EXPORT_FORMATS: ExportFormat[] = ["ndjson", "csv"];

export interface ExportPlan {
  table: ExportTable;
  columns: ExportColumn[];
  format: ExportFormat;
  sql: string;
}

// Dates as ISO 8601 and booleans as words: csv-stringify's defaults are epoch ms and "1"/"".
const csvCast = { date: (d: Date) => d.toISOString(), boolean: (b: boolean) => (b ? "true" : "false") };

export class ExportService {
  constructor(
    private readonly db: Pick<Database, "stream">,
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
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
      throw new BadUserInputError(`Unknown format "${format}". Use one of: ${EXPORT_FORMATS.join(", ")}.`, { validFormats: EXPORT_FORMATS });
    }
    const { table, tables } = await this.findTable(tableName);
    if (!table) {
      throw new BadUserInputError(
        `Unknown table "${tableName}". Exportable tables: ${tables.map((t) => (t.modelName === t.name ? t.name : `${t.name} (${t.modelName})`)).join(", ")}.`,
        { unknownTables: [tableName], validTables: tables.map((t) => t.name), validModels: tables.map((t) => t.modelName) },
      );
    }
    let columns = table.columns;
    if (columnNames) {
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
      columns = picked;
    }
    const select = columns.map((c) => `${this.expression(c, format as ExportFormat)} AS ${quoteIdent(c.name)}`).join(", ");
    const orderBy = table.columns.some((c) => c.name === "id") ? " ORDER BY id" : "";
    return { table, columns, format: format as ExportFormat, sql: `SELECT ${select} FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)}${orderBy}` };
  }

  /** SQL for one column: names come from pg_catalog, so quoting suffices. */
  private expression(c: ExportColumn, format: ExportFormat): string {
    const col = quoteIdent(c.name);
    // NDJSON gets JSON numbers; CSV keeps numeric's exact decimal text.
    if (c.sqlType.startsWith("numeric")) return format === "ndjson" ? `${col}::float8` : `${col}::text`;
    if (c.sqlType === "bigint" || c.kind === "date" || c.kind === "enum" || c.kind === "uuid" || c.kind === "other") return `${col}::text`;
    // ISO 8601 in UTC, formatted by the server: parsing into Date and back costs more than the rest of a row.
    if (c.kind === "timestamp" && c.sqlType.endsWith("with time zone")) return `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    if (c.kind === "timestamp") return `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
    return col;
  }

  /** Text chunks of the export, one per fetched batch. The caller must consume with backpressure. */
  async *chunks(plan: ExportPlan): AsyncGenerator<string> {
    const header = plan.columns.map((c) => c.name);
    let first = true;
    for await (const batch of this.db.stream(plan.sql, [], this.batchSize)) {
      if (plan.format === "ndjson") {
        let out = "";
        for (const row of batch.rows) out += JSON.stringify(row) + "\n";
        yield out;
      } else {
        yield stringify(batch.rows as Array<Record<string, unknown>>, { header: first, columns: header, cast: csvCast });
      }
      first = false;
    }
    if (first && plan.format === "csv") yield stringify([], { header: true, columns: header });
  }
}
