/**
 * The PostgreSQL schema that holds every table the gateway owns (GATEWAY_SCHEMA,
 * default `kaizen`). Prisma qualifies its own queries through the driver
 * adapter; raw SQL on a gateway table names it through `table()`, so nothing
 * depends on a connection's search_path and a user's table of the same name
 * (a `jobs` in public) is never touched.
 */
import { quoteIdent, quoteLiteral } from "./sql.js";

export const DEFAULT_GATEWAY_SCHEMA = "kaizen";

/** Every table the gateway's migrations create, its migration record included. */
export const GATEWAY_TABLES = ["_prisma_migrations", "jobs", "rejected_records", "query_log", "nl_examples", "ml_models", "quality_reports", "predictions"] as const;
export type GatewayTable = (typeof GATEWAY_TABLES)[number];

/** A plain lower-case identifier: needs no quoting anywhere (connection options, search_path, SQL). */
export const GATEWAY_SCHEMA_SHAPE = /^[a-z_][a-z0-9_]{0,62}$/;

/** Why `name` cannot be the gateway's schema, or null when it can. */
export function gatewaySchemaProblem(name: string): string | null {
  if (!GATEWAY_SCHEMA_SHAPE.test(name)) return "expected a plain lower-case identifier (letters a-z, digits, _; at most 63, not starting with a digit), e.g. kaizen";
  if (name === "public") return "public holds the database's own tables; the gateway keeps its tables in a schema of their own (e.g. kaizen)";
  if (name.startsWith("pg_") || name === "information_schema") return `${name} is a PostgreSQL system schema`;
  return null;
}

/**
 * Schemas no caller-facing feature ever reads or lists: PostgreSQL's own, and the gateway's.
 * `nspname` is the SQL expression of the schema name to test (e.g. `n.nspname`).
 */
export function userSchemaCondition(nspname: string, gatewaySchema: string): string {
  return `${nspname} NOT IN ('pg_catalog', 'information_schema', 'pg_toast', ${quoteLiteral(gatewaySchema)}) AND ${nspname} !~ '^pg_(toast_)?temp_'`;
}

export const isSystemSchema = (name: string): boolean => name === "pg_catalog" || name === "information_schema" || name === "pg_toast" || /^pg_(toast_)?temp_/.test(name);

export class GatewaySchema {
  readonly quoted: string;

  constructor(readonly name: string = DEFAULT_GATEWAY_SCHEMA) {
    const problem = gatewaySchemaProblem(name);
    if (problem) throw new Error(`GATEWAY_SCHEMA ${JSON.stringify(name)}: ${problem}`);
    this.quoted = quoteIdent(name);
  }

  /** A gateway table qualified with the gateway schema for raw SQL: `"kaizen"."jobs"`. */
  table(name: GatewayTable): string {
    return `${this.quoted}.${quoteIdent(name)}`;
  }

  /** True for the gateway's schema and PostgreSQL's system schemas: never introspected, listed or written for a caller. */
  isHidden(schema: string): boolean {
    return schema === this.name || isSystemSchema(schema);
  }

  /** SQL condition keeping only user schemas (see userSchemaCondition). */
  userSchemas(nspname: string): string {
    return userSchemaCondition(nspname, this.name);
  }
}
