/**
 * How each PostgreSQL type appears in GraphQL and in SQL, exactly: bigint and
 * numeric travel as strings (never through a JS float), date and time types
 * as PostgreSQL writes them in JSON (microseconds and offsets kept), json and
 * jsonb as JSON, enums as GraphQL enums, arrays as lists, domains as their
 * base type. A type not listed here is exposed as its text (`::text`) and
 * said in the report.
 */
import { GraphQLBoolean, GraphQLError, GraphQLFloat, GraphQLInt, GraphQLList, GraphQLScalarType, GraphQLString, Kind, type GraphQLEnumType, type GraphQLInputType, type GraphQLOutputType, type ValueNode } from "graphql";
import { GraphQLJSON } from "graphql-scalars";
import type { PgType } from "./model.js";

export type FilterOp = "eq" | "ne" | "in" | "notIn" | "lt" | "lte" | "gt" | "gte" | "isNull" | "like" | "ilike" | "contains" | "containedBy" | "overlaps";

export interface Codec {
  /** GraphQL type of a value (nullable form; the builder adds non-null). */
  output: GraphQLOutputType;
  input: GraphQLInputType;
  /** Name the shared filter input type is derived from: `IntFilter`, `StringListFilter`, `OrderStatusFilter`. */
  filterName: string;
  ops: readonly FilterOp[];
  /** SQL expression that puts the value into json_build_object without losing anything. */
  read(expr: string): string;
  /** SQL expression compared in filters (unknown types compare by their text). */
  compare(expr: string): string;
  /** A coerced GraphQL input value as a text parameter (PostgreSQL infers the type from the column). */
  param(value: unknown): string | null;
  orderable: boolean;
  /** Why the type is shown as text, when it is not known. */
  unknown?: string;
}

const integer = /^[+-]?\d+$/;
const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^([+-]?Infinity|NaN)$/;

function exactNumberScalar(name: string, description: string, pattern: RegExp, what: string): GraphQLScalarType<string, string> {
  const fromJs = (v: unknown): string => {
    if (typeof v === "string" && pattern.test(v.trim())) return v.trim();
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
    if (typeof v === "number") throw new GraphQLError(`${name} cannot take the JSON number ${v} without losing digits: pass it as a string, e.g. "${v}".`);
    throw new GraphQLError(`${name} expects ${what} as a string, got ${JSON.stringify(v)}.`);
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (v) => (typeof v === "string" ? v : fromJs(v)),
    parseValue: fromJs,
    parseLiteral(ast: ValueNode) {
      // Literals keep their exact text, so any length of digits is fine.
      if (ast.kind === Kind.INT || ast.kind === Kind.STRING || (ast.kind === Kind.FLOAT && pattern === decimal)) {
        if (pattern.test(ast.value)) return ast.value;
      }
      throw new GraphQLError(`${name} expects ${what}, got ${ast.kind === Kind.STRING ? JSON.stringify(ast.value) : "kind" in ast ? ast.kind : "a value"}.`, { nodes: ast });
    },
  });
}

function textScalar(name: string, description: string, check?: { pattern: RegExp; what: string }): GraphQLScalarType<string, string> {
  const fromJs = (v: unknown): string => {
    if (typeof v !== "string") throw new GraphQLError(`${name} expects a string${check ? ` (${check.what})` : ""}, got ${JSON.stringify(v)}.`);
    if (check && !check.pattern.test(v)) throw new GraphQLError(`${name} expects ${check.what}, got ${JSON.stringify(v)}.`);
    return v;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (v) => (typeof v === "string" ? v : String(v)),
    parseValue: fromJs,
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} expects a string${check ? ` (${check.what})` : ""}.`, { nodes: ast });
      return fromJs(ast.value);
    },
  });
}

/** The scalars the data API defines; `names` renames any that the host schema already uses for something else. */
export function createScalars(names: Partial<Record<ScalarKey, string>> = {}) {
  const n = (k: ScalarKey) => names[k] ?? k;
  return {
    BigInt: exactNumberScalar(n("BigInt"), "A 64-bit integer (PostgreSQL bigint) as a string of digits, so no digit is lost. Accepts a string, an integer literal, or a JSON integer up to 2^53.", integer, "a whole number"),
    BigFloat: exactNumberScalar(n("BigFloat"), "An exact decimal (PostgreSQL numeric) as a string, e.g. \"12345678901234.123456\". Accepts a string, a number literal, or a JSON integer up to 2^53.", decimal, "a decimal number"),
    Datetime: textScalar(n("Datetime"), "A timestamp with time zone as PostgreSQL writes it in JSON (ISO 8601 with microseconds and offset, e.g. \"2026-03-01T07:04:56.123456+00:00\"). Accepts any text PostgreSQL accepts."),
    LocalDatetime: textScalar(n("LocalDatetime"), "A timestamp without time zone, ISO 8601 with microseconds (e.g. \"2026-03-01T07:04:56.123456\"). Accepts any text PostgreSQL accepts."),
    Date: textScalar(n("Date"), "A calendar date, \"2026-03-01\"."),
    Time: textScalar(n("Time"), "A time of day with microseconds (and offset for time with time zone), e.g. \"07:04:56.123456\"."),
    Interval: textScalar(n("Interval"), "A PostgreSQL interval in its text form, e.g. \"1 day 02:00:00\"."),
    UUID: textScalar(n("UUID"), "A UUID, e.g. \"7f3e2d1c-0b9a-4c8d-9e6f-5a4b3c2d1e0f\".", { pattern: /^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$|^\{[0-9a-fA-F-]{32,36}\}$/, what: "a UUID" }),
    /** graphql-scalars' instance: the gateway's own schema uses the same one, so the two merge. */
    JSON: GraphQLJSON,
  };
}
/** Base names of every filter type a scalar codec can ask for (each also gets a `List` form). */
export const SCALAR_FILTER_NAMES = ["Int", "Float", "String", "Boolean", "Money", "StringValue", "Xml", "AnyText", "JSON", "JSONPresence"] as const;

export type ScalarKey = "BigInt" | "BigFloat" | "Datetime" | "LocalDatetime" | "Date" | "Time" | "Interval" | "UUID";
export const SCALAR_KEYS: ScalarKey[] = ["BigInt", "BigFloat", "Datetime", "LocalDatetime", "Date", "Time", "Interval", "UUID"];
export type Scalars = ReturnType<typeof createScalars>;

const same = (e: string) => e;
const asText = (e: string) => `(${e})::text`;
const EQ: FilterOp[] = ["eq", "ne", "in", "notIn", "isNull"];
const RANGE: FilterOp[] = [...EQ, "lt", "lte", "gt", "gte"];
const TEXT: FilterOp[] = [...RANGE, "like", "ilike"];
const LIST: FilterOp[] = ["eq", "ne", "contains", "containedBy", "overlaps", "isNull"];

/** A PostgreSQL array literal of text elements: `{"a","b\"c",NULL}`. */
export function arrayLiteral(items: Array<string | null>): string {
  return `{${items.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

const stringParam = (v: unknown) => (v === null || v === undefined ? null : String(v));

function scalarCodec(output: GraphQLScalarType, ops: FilterOp[], opts: Partial<Pick<Codec, "read" | "compare" | "param" | "orderable" | "filterName">> = {}): Codec {
  return {
    output,
    input: output,
    filterName: opts.filterName ?? output.name,
    ops,
    read: opts.read ?? same,
    compare: opts.compare ?? same,
    param: opts.param ?? stringParam,
    orderable: opts.orderable ?? true,
  };
}

/**
 * Chooses the codec of a PostgreSQL type. `enums` gives the GraphQL enum made
 * for each enum type (by oid). Returns the codec; `codec.unknown` says why a
 * type is shown as text.
 */
export function codecFor(type: PgType, scalars: Scalars, enums: ReadonlyMap<number, GraphQLEnumType>): Codec {
  if (type.kind === "domain" && type.base) return codecFor(type.base, scalars, enums);
  if (type.kind === "enum") {
    const e = enums.get(type.oid)!;
    return { output: e, input: e, filterName: e.name, ops: EQ, read: same, compare: same, param: stringParam, orderable: true };
  }
  if (type.kind === "array" && type.element) {
    const el = codecFor(type.element, scalars, enums);
    const elementAsText = el.read("x") !== "x";
    return {
      output: new GraphQLList(el.output),
      input: new GraphQLList(el.input),
      filterName: `${el.filterName}List`,
      ops: el.unknown ? ["isNull"] : LIST,
      read: elementAsText ? (e) => `(${e})::text[]` : same,
      compare: same,
      param: (v) => (v === null || v === undefined ? null : arrayLiteral((v as unknown[]).map((x) => el.param(x)))),
      orderable: false,
      ...(el.unknown ? { unknown: `array of ${el.unknown}` } : {}),
    };
  }
  if (type.schema === "pg_catalog" || type.name === "citext") {
    switch (type.name) {
      case "int2":
      case "int4":
        return scalarCodec(GraphQLInt, RANGE);
      case "int8":
        return scalarCodec(scalars.BigInt, RANGE, { read: asText });
      case "numeric":
        return scalarCodec(scalars.BigFloat, RANGE, { read: asText });
      case "float4":
      case "float8":
        return scalarCodec(GraphQLFloat, RANGE);
      case "money":
        return scalarCodec(GraphQLString, RANGE, { read: asText, filterName: "Money" });
      case "bool":
        return scalarCodec(GraphQLBoolean, ["eq", "ne", "isNull"], { param: (v) => (v === null || v === undefined ? null : v ? "true" : "false") });
      case "text":
      case "varchar":
      case "bpchar":
      case "char":
      case "name":
      case "citext":
        return scalarCodec(GraphQLString, TEXT);
      case "uuid":
        return scalarCodec(scalars.UUID, RANGE);
      case "timestamptz":
        return scalarCodec(scalars.Datetime, RANGE);
      case "timestamp":
        return scalarCodec(scalars.LocalDatetime, RANGE);
      case "date":
        return scalarCodec(scalars.Date, RANGE);
      case "time":
      case "timetz":
        return scalarCodec(scalars.Time, RANGE);
      case "interval":
        return scalarCodec(scalars.Interval, RANGE);
      case "jsonb":
        return scalarCodec(scalars.JSON, ["eq", "ne", "contains", "containedBy", "isNull"], { param: jsonParam, orderable: false });
      case "json":
        // json has no equality operator: only presence can be asked about.
        return scalarCodec(scalars.JSON, ["isNull"], { param: jsonParam, orderable: false, filterName: "JSONPresence" });
      case "bytea":
      case "inet":
      case "cidr":
      case "macaddr":
      case "macaddr8":
      case "bit":
      case "varbit":
        // Compared as their own type (no LIKE): a filter type of their own.
        return scalarCodec(GraphQLString, RANGE, { read: asText, filterName: "StringValue" });
      case "xml":
        return scalarCodec(GraphQLString, ["isNull"], { read: asText, orderable: false, filterName: "Xml" });
    }
  }
  return {
    ...scalarCodec(GraphQLString, EQ, { read: asText, compare: asText, orderable: false, filterName: "AnyText" }),
    unknown: `type ${type.schema}.${type.name} is not known to the data API`,
  };
}

function jsonParam(v: unknown): string | null {
  return v === null || v === undefined ? null : JSON.stringify(v);
}
