/**
 * The API schema the gateway serves: the code-first operations (jobs, NL,
 * ML, …) plus the data API generated from the exposed schemas. Runs on
 * start and on every reload; what the generator left out or renamed is
 * logged per table, so a database that cannot be exposed whole still starts.
 */
import type { GraphQLObjectType, GraphQLSchema } from "graphql";
import type { SqlRunner } from "../db/index.js";
import type { Logger } from "../log.js";
import { mergeSchema, reservedNames } from "../schema/index.js";
import { buildDataApi } from "./build.js";
import { introspectDataModel } from "./introspect.js";

export interface DataApiSchemaOptions {
  db: SqlRunner;
  log: Logger;
  gatewaySchema: string;
  api: { schemas: string[]; tables: string[] | null; tablesDeny: string[]; maxPageSize: number; defaultPageSize: number };
}

export async function buildDataApiSchema(base: GraphQLSchema, o: DataApiSchemaOptions): Promise<GraphQLSchema> {
  const model = await introspectDataModel(o.db, { schemas: o.api.schemas, allow: o.api.tables, deny: o.api.tablesDeny, gatewaySchema: o.gatewaySchema });
  const reserved = reservedNames(base);
  const api = buildDataApi(model, {
    pageInfoType: base.getType("PageInfo") as GraphQLObjectType,
    reservedTypeNames: reserved.types,
    reservedQueryFields: reserved.query,
    reservedMutationFields: reserved.mutation,
    maxPageSize: o.api.maxPageSize,
    defaultPageSize: o.api.defaultPageSize,
  });
  for (const entry of api.report) o.log.info({ table: entry.table, column: entry.column, reason: entry.reason }, "data API: left out, renamed or shown as text");
  o.log.info({ schemas: model.schemas, tables: model.tables.length }, "data API built");
  return mergeSchema(base, { query: api.query, mutation: api.mutation, types: api.types } as Parameters<typeof mergeSchema>[1], { extensionName: "the generated data API" });
}
