/**
 * Builds the data API's GraphQL fields and types from a DataModel: names
 * (naming.ts), codecs (scalars.ts), object, connection, filter and orderBy
 * types per table, and the root fields with their resolvers. The result is
 * plain graphql-js config for the host to merge into its schema.
 */
import {
  GraphQLEnumType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  isSpecifiedScalarType,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
} from "graphql";
import type { ApiField, ApiTable } from "./api-model.js";
import { buildConnectionTypes, connectionArgs, type PageLimits } from "./connection.js";
import { buildFilterTypes, ScalarFilterTypes } from "./filter.js";
import type { DataModel, ReportEntry } from "./model.js";
import { nameModel, type NamedTable } from "./naming.js";
import { buildOrderByType } from "./order-by.js";
import { listResolver, lookupResolver, PreparedStatements, relationListResolver, type DataApiContext } from "./resolve.js";
import { codecFor, createScalars, type Codec } from "./scalars.js";
import { isOmitted } from "./smart-tags.js";
import { keyPhrase } from "./inflection.js";
import { quoteIdent } from "./sql.js";
import { buildMutations } from "./mutations.js";

export interface DataApiOptions extends PageLimits {
  /** The host schema's PageInfo (hasNextPage, hasPreviousPage, startCursor, endCursor). */
  pageInfoType: GraphQLObjectType;
  /** Type names the host schema already has: generated names step around them. */
  reservedTypeNames?: Iterable<string>;
  reservedQueryFields?: Iterable<string>;
  reservedMutationFields?: Iterable<string>;
}

export interface DataApi {
  query: GraphQLFieldConfigMap<unknown, DataApiContext>;
  mutation: GraphQLFieldConfigMap<unknown, DataApiContext>;
  types: GraphQLNamedType[];
  /** Everything left out, renamed or shown as text, per table and column. */
  report: ReportEntry[];
}

export function buildDataApi(model: DataModel, options: DataApiOptions): DataApi {
  const limits: PageLimits = { maxPageSize: options.maxPageSize, defaultPageSize: Math.min(options.defaultPageSize, options.maxPageSize) };
  const named = nameModel(model, options);
  const report: ReportEntry[] = [...model.report, ...named.report];
  const scalars = createScalars(named.scalarNames);
  const enums = new Map<number, GraphQLEnumType>();
  for (const e of named.enums) {
    enums.set(
      e.type.oid,
      new GraphQLEnumType({
        name: e.name,
        description: e.type.description ?? `Values of the PostgreSQL enum ${e.type.schema}.${e.type.name}.`,
        values: Object.fromEntries(e.values.map((v) => [v.name, { value: v.label, description: v.name !== v.label ? `PostgreSQL label ${JSON.stringify(v.label)}.` : undefined }])),
      }),
    );
  }

  const tables = named.tables.map((n) => apiTable(n, scalars, enums, report));
  const byNamed = new Map(named.tables.map((n, i) => [n, tables[i]!]));
  for (const t of tables) linkRelations(t, byNamed);
  for (const t of tables) t.reachable = reachableTags(t);

  const scalarFilters = new ScalarFilterTypes(named.filterTypeNames);
  for (const t of tables) {
    t.type = objectType(t, limits);
    const f = buildFilterTypes(t, scalarFilters);
    t.filterType = f.filter;
    t.manyFilterType = f.many;
    t.orderByType = buildOrderByType(t);
    const c = buildConnectionTypes(t, options.pageInfoType);
    t.connectionType = c.connection;
    t.edgeType = c.edge;
  }

  const query: GraphQLFieldConfigMap<unknown, DataApiContext> = {};
  const prepared = new PreparedStatements();
  for (const t of tables) {
    const extensions = { cacheTables: t.reachable };
    for (const l of t.named.lookups) {
      const args: GraphQLFieldConfigArgumentMap = {};
      for (const a of l.args) args[a.fieldName] = { type: new GraphQLNonNull(t.codecs.get(a.column.name)!.input) };
      query[l.fieldName] = {
        type: t.type,
        args,
        description: `One ${t.named.typeName} by ${l.primary ? "primary key" : `its unique ${l.args.map((a) => a.fieldName).join(" and ")}`}; null when there is none.`,
        resolve: lookupResolver(t, l, limits, prepared),
        extensions,
      };
    }
  }
  for (const t of tables) {
    query[t.named.listField] = {
      type: t.connectionType,
      args: connectionArgs(t, limits),
      description: `${t.named.typeName} rows (${t.named.id}), a page at a time.`,
      resolve: listResolver(t, limits, prepared),
      extensions: { cacheTables: t.reachable },
    };
  }

  const mutation = buildMutations(tables, limits);

  return { query, mutation: mutation.fields, types: reachableTypes(query, mutation.fields, options.pageInfoType), report };
}

/** The named types the root fields reach (a filter type no relation uses is left out), without the host's PageInfo. */
function reachableTypes(query: GraphQLFieldConfigMap<unknown, DataApiContext>, mutation: GraphQLFieldConfigMap<unknown, DataApiContext>, pageInfo: GraphQLObjectType): GraphQLNamedType[] {
  const probe = new GraphQLSchema({
    query: new GraphQLObjectType({ name: "DataApiProbeQuery", fields: query }),
    mutation: Object.keys(mutation).length ? new GraphQLObjectType({ name: "DataApiProbeMutation", fields: mutation }) : undefined,
  });
  const own = new Set(["DataApiProbeQuery", "DataApiProbeMutation", pageInfo.name]);
  return Object.values(probe.getTypeMap()).filter((t) => !t.name.startsWith("__") && !own.has(t.name) && !isSpecifiedScalarType(t));
}

function apiTable(n: NamedTable, scalars: ReturnType<typeof createScalars>, enums: Map<number, GraphQLEnumType>, report: ReportEntry[]): ApiTable {
  const codecs = new Map<string, Codec>();
  const fields = new Map<string, ApiField>();
  const filterFields = new Map<string, ApiField>();
  const orderable: string[] = [];
  for (const c of n.columns) {
    const codec = codecFor(c.column.type, scalars, enums);
    if (codec.unknown) report.push({ table: n.id, column: c.column.name, reason: `${codec.unknown}: exposed as String (its text form), filtered by text, not orderable` });
    codecs.set(c.column.name, codec);
    const f: ApiField = { kind: "column", column: c, codec };
    fields.set(c.fieldName, f);
    if (codec.ops.length && !isOmitted(c.column.tags, "filter")) filterFields.set(c.fieldName, f);
    if (codec.orderable && !isOmitted(c.column.tags, "order")) orderable.push(c.column.name);
  }
  return {
    named: n,
    sqlName: `${quoteIdent(n.table.schema)}.${quoteIdent(n.table.name)}`,
    // The result cache tags tables by their SQL name alone, as ingest and transform invalidate them.
    cacheTag: n.table.name,
    codecs,
    fields,
    filterFields,
    orderable,
    reachable: [],
  } as unknown as ApiTable;
}

function linkRelations(t: ApiTable, byNamed: Map<NamedTable, ApiTable>): void {
  for (const r of t.named.relations) {
    const f: ApiField = { kind: "relation", relation: r, target: byNamed.get(r.target)! };
    t.fields.set(r.fieldName, f);
    t.filterFields.set(r.fieldName, f);
  }
}

function reachableTags(t: ApiTable): string[] {
  const seen = new Set<ApiTable>([t]);
  const queue = [t];
  while (queue.length) {
    const cur = queue.pop()!;
    for (const f of cur.fields.values()) {
      if (f.kind === "relation" && !seen.has(f.target)) {
        seen.add(f.target);
        queue.push(f.target);
      }
    }
  }
  return [...new Set([...seen].map((x) => x.cacheTag))].sort();
}

function describeTable(t: ApiTable): string | undefined {
  const n = t.named;
  const notes: string[] = [];
  if (n.description) notes.push(n.description);
  const kind = n.table.kind;
  if (kind === "view" || kind === "materializedView") notes.push(`A ${kind === "view" ? "view" : "materialized view"} (${n.id}): read-only.`);
  else if (kind === "foreignTable") notes.push(`A foreign table (${n.id}): read-only.`);
  if (!n.primaryKey) notes.push("Has no primary key: listed and filtered, but no lookup, update or delete.");
  return notes.length ? notes.join("\n\n") : undefined;
}

function objectType(t: ApiTable, limits: PageLimits): GraphQLObjectType {
  return new GraphQLObjectType({
    name: t.named.typeName,
    description: describeTable(t),
    fields: () => {
      const out: GraphQLFieldConfigMap<unknown, unknown> = {};
      for (const [name, f] of t.fields) {
        if (f.kind === "column") {
          const c = f.column.column;
          out[name] = { type: c.notNull ? new GraphQLNonNull(f.codec.output) : f.codec.output, description: c.description ?? undefined };
          continue;
        }
        const r = f.relation;
        if (r.kind === "backwardMany") {
          out[name] = {
            type: new GraphQLNonNull(f.target.connectionType),
            args: connectionArgs(f.target, limits),
            description: `${f.target.named.typeName} rows whose ${keyPhrase(r.fk.columns)} at this row.`,
            resolve: relationListResolver as never,
          };
        } else {
          out[name] = {
            type: f.target.type,
            description: r.kind === "forward" ? `The ${f.target.named.typeName} that ${keyPhrase(r.fk.columns)} at.` : `The ${f.target.named.typeName} whose ${keyPhrase(r.fk.columns)} at this row.`,
          };
        }
      }
      return out;
    },
  });
}


