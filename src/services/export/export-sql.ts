/**
 * The SQL of an export. Each column has one value expression per format, used by every backend, so
 * PGlite's rows (formatted here in Node) and PostgreSQL's COPY output (formatted by the server) start
 * from the same values. Column names come from pg_catalog, so quoting suffices.
 */
import { quoteIdent, quoteLiteral } from "../db/index.js";
import type { ExportColumn, ExportTable } from "./export-tables.js";

export type ExportFormat = "ndjson" | "csv";

const isNumeric = (c: ExportColumn) => c.sqlType.startsWith("numeric");
const isFloat = (c: ExportColumn) => c.sqlType === "real" || c.sqlType === "double precision";

/**
 * A float as JSON allows it: NaN and ±Infinity (which JSON cannot write) become NULL, as JSON.stringify
 * makes them null; adding zero turns -0 into 0, as JSON.stringify prints it.
 */
const jsonableFloat = (expr: string) => `nullif(nullif(nullif(${expr} + '0', 'NaN'), 'Infinity'), '-Infinity')`;

/** SQL for one column's value in the given format. */
export function valueExpression(c: ExportColumn, format: ExportFormat): string {
  const col = quoteIdent(c.name);
  // ISO 8601 in UTC, formatted by the server: parsing into Date and back costs more than the rest of a row.
  if (c.kind === "timestamp" && c.sqlType.endsWith("with time zone")) return `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  if (c.kind === "timestamp") return `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  // NDJSON gets JSON numbers; CSV keeps the server's exact text (numeric's decimals, a float's shortest round-trip digits).
  if (isNumeric(c)) return format === "ndjson" ? jsonableFloat(`${col}::float8`) : `${col}::text`;
  if (isFloat(c)) return format === "ndjson" ? jsonableFloat(col) : `${col}::text`;
  // As text, CSV reads "true"/"false" and the JSON as PostgreSQL prints it, whether COPY or Node writes the file.
  if (c.kind === "boolean" || c.kind === "json") return format === "csv" ? `${col}::text` : col;
  // Text arrays: JSON arrays in NDJSON, and as JSON text in CSV (what csv-stringify made of the driver's arrays).
  if (c.kind === "text" && c.sqlType.endsWith("[]")) return format === "csv" ? `to_json(${col})::text` : col;
  if (c.sqlType === "bigint" || c.kind === "date" || c.kind === "enum" || c.kind === "uuid" || c.kind === "other") return `${col}::text`;
  return col;
}

/**
 * SQL text of one column's value as JSON, never NULL. Written out rather than left to json_build_object
 * (at most 50 columns, and about twice as slow for orders on PostgreSQL 15) or row_to_json (slower too):
 * both look up each value's type and output function again on every row. None of these texts can hold
 * a raw control character: see `copySql`.
 */
function jsonValue(c: ExportColumn): string {
  const value = valueExpression(c, "ndjson");
  const orNull = (json: string) => `coalesce(${json}, 'null')`;
  // Digits, sign, point and exponent: valid JSON numbers once NaN and infinities are NULL. A boolean's text is true/false.
  if ((c.kind === "integer" && c.sqlType !== "bigint") || isNumeric(c) || isFloat(c) || c.kind === "boolean") return orNull(`(${value})::text`);
  // Valid JSON already; in json's verbatim text CR and LF can only be whitespace between tokens, so spaces do instead.
  if (c.kind === "json") return orNull(`translate((${value})::text, E'\\n\\r', '  ')`);
  // Timestamps, dates, uuids and bigints print only ASCII letters, digits and punctuation that JSON needn't escape.
  if (c.kind === "timestamp" || c.kind === "date" || c.kind === "uuid" || c.sqlType === "bigint") return orNull(`'"' || ${value} || '"'`);
  // to_json escapes quotes, backslashes and every control character; it keeps char(n)'s padding as the driver does.
  return orNull(`to_json(${value})::text`);
}

/** `where`: conditions with literal values (a COPY takes no parameters). A table without a schema is named as the gateway's other SQL names its own tables. */
function fromTable(table: ExportTable, where: string[]): string {
  const name = table.schema ? `${quoteIdent(table.schema)}.${quoteIdent(table.name)}` : quoteIdent(table.name);
  const filter = where.length ? ` WHERE ${where.join(" AND ")}` : "";
  // Qualified: a bare "id" would name the output column, which is text for bigint and uuid keys ("10" before "9").
  const orderBy = table.columns.some((c) => c.name === "id") ? ` ORDER BY ${name}.id` : "";
  return ` FROM ${name}${filter}${orderBy}`;
}

/** The rows as the driver should read them, one column per exported column. */
export function selectSql(table: ExportTable, columns: ExportColumn[], format: ExportFormat, where: string[] = []): string {
  return `SELECT ${columns.map((c) => `${valueExpression(c, format)} AS ${quoteIdent(c.name)}`).join(", ")}${fromTable(table, where)}`;
}

/** One JSON object per row, keys in column order: `{"id":1,"name":"x"}`. */
function ndjsonLineSql(table: ExportTable, columns: ExportColumn[], where: string[]): string {
  const parts = columns.map((c, i) => `${quoteLiteral(`${i === 0 ? "{" : ","}${JSON.stringify(c.name)}:`)} || ${jsonValue(c)}`);
  return `SELECT ${parts.join(" || ")} || '}'${fromTable(table, where)}`;
}

/**
 * The export as one `COPY … TO STDOUT`, formatted by PostgreSQL.
 *
 * NDJSON: each row is one JSON line, and COPY must pass it through unchanged. Text format would double
 * its backslashes; CSV format quotes a value only when it contains the delimiter, the quote character,
 * CR or LF, or equals the NULL string (empty) or `\.`. With \x01 as delimiter and \x02 as quote none of
 * that can happen: JSON escapes every control character inside strings, JSON keys come from
 * JSON.stringify, and the only raw whitespace (from json columns) has CR and LF replaced. So each line
 * arrives as it was built, ended by "\n".
 *
 * CSV: the header and the same value texts as the Node path; COPY quotes a field only when it must.
 */
export function copySql(table: ExportTable, columns: ExportColumn[], format: ExportFormat, where: string[] = []): string {
  if (format === "ndjson") return `COPY (${ndjsonLineSql(table, columns, where)}) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;
  return `COPY (${selectSql(table, columns, "csv", where)}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}
