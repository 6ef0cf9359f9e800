import { stringify } from "csv-stringify/sync";
import { quoteIdent } from "../db/index.js";
import { BadUserInputError } from "../errors.js";
import { loadExportTables } from "./export-tables.js";
const EXPORT_FORMATS = ["ndjson", "csv"];
const csvCast = { date: (d) => d.toISOString(), boolean: (b) => b ? "true" : "false" };
class ExportService {
  constructor(db, tableSource, batchSize = 2e3) {
    this.db = db;
    this.tableSource = tableSource;
    this.batchSize = batchSize;
  }
  db;
  tableSource;
  batchSize;
  /** Exportable tables and their columns, as the catalog knows them now. */
  tables() {
    return loadExportTables(this.tableSource);
  }
  async findTable(name) {
    const match = (tables2) => tables2.find((t) => t.name === name || t.modelName === name) ?? tables2.find((t) => t.name === name.toLowerCase() || t.modelName.toLowerCase() === name.toLowerCase());
    let tables = await this.tables();
    let table = match(tables);
    if (!table) {
      tables = await loadExportTables(this.tableSource, true);
      table = match(tables);
    }
    return { table, tables };
  }
  /** Checks the request against the exportable tables; BAD_USER_INPUT names what is unknown and lists what is valid. */
  async plan(tableName, columnNames, format) {
    if (!EXPORT_FORMATS.includes(format)) {
      throw new BadUserInputError(`Unknown format "${format}". Use one of: ${EXPORT_FORMATS.join(", ")}.`, { validFormats: EXPORT_FORMATS });
    }
    const { table, tables } = await this.findTable(tableName);
    if (!table) {
      throw new BadUserInputError(
        `Unknown table "${tableName}". Exportable tables: ${tables.map((t) => t.modelName === t.name ? t.name : `${t.name} (${t.modelName})`).join(", ")}.`,
        { unknownTables: [tableName], validTables: tables.map((t) => t.name), validModels: tables.map((t) => t.modelName) }
      );
    }
    let columns = table.columns;
    if (columnNames) {
      const unknown = [];
      const picked = [];
      for (const name of columnNames) {
        const col = table.columns.find((c) => c.name === name || c.fieldName === name);
        if (!col) unknown.push(name);
        else if (!picked.includes(col)) picked.push(col);
      }
      if (unknown.length || picked.length === 0) {
        throw new BadUserInputError(
          `${unknown.length ? `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")} in ${table.name}` : `No columns given for ${table.name}`}. Valid columns: ${table.columns.map((c) => c.name).join(", ")}.`,
          { table: table.name, unknownColumns: unknown, validColumns: table.columns.map((c) => c.name) }
        );
      }
      columns = picked;
    }
    const select = columns.map((c) => `${this.expression(c, format)} AS ${quoteIdent(c.name)}`).join(", ");
    const orderBy = table.columns.some((c) => c.name === "id") ? " ORDER BY id" : "";
    return { table, columns, format, sql: `SELECT ${select} FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)}${orderBy}` };
  }
  /** SQL for one column: names come from pg_catalog, so quoting suffices. */
  expression(c, format) {
    const col = quoteIdent(c.name);
    if (c.sqlType.startsWith("numeric")) return format === "ndjson" ? `${col}::float8` : `${col}::text`;
    if (c.sqlType === "bigint" || c.kind === "date" || c.kind === "enum" || c.kind === "uuid" || c.kind === "other") return `${col}::text`;
    if (c.kind === "timestamp" && c.sqlType.endsWith("with time zone")) return `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    if (c.kind === "timestamp") return `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
    return col;
  }
  /** Text chunks of the export, one per fetched batch. The caller must consume with backpressure. */
  async *chunks(plan) {
    const header = plan.columns.map((c) => c.name);
    let first = true;
    for await (const batch of this.db.stream(plan.sql, [], this.batchSize)) {
      if (plan.format === "ndjson") {
        let out = "";
        for (const row of batch.rows) out += JSON.stringify(row) + "\n";
        yield out;
      } else {
        yield stringify(batch.rows, { header: first, columns: header, cast: csvCast });
      }
      first = false;
    }
    if (first && plan.format === "csv") yield stringify([], { header: true, columns: header });
  }
}
export {
  EXPORT_FORMATS,
  ExportService
};
