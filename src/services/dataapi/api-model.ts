/**
 * What the builders hand the compiler: per exposed table its GraphQL types
 * and, by GraphQL field name, what each field reads (a column through its
 * codec, or a relation to another table). Compilation walks a selection
 * through these maps; it never parses names.
 */
import type { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType } from "graphql";
import type { Codec } from "./scalars.js";
import type { NamedColumn, NamedLookup, NamedRelation, NamedTable } from "./naming.js";

export type ApiField = { kind: "column"; column: NamedColumn; codec: Codec } | { kind: "relation"; relation: NamedRelation; target: ApiTable };

/** One orderBy value: a column and a direction. */
export interface OrderTerm {
  value: string;
  column: string;
  asc: boolean;
}

export interface ApiTable {
  named: NamedTable;
  /** `"schema"."table"`, quoted. */
  sqlName: string;
  /** The name the result cache knows the table by (what ingest passes to invalidateTables). */
  cacheTag: string;
  /** Codec per column SQL name (exposed columns only). */
  codecs: Map<string, Codec>;
  /** By GraphQL field name: what the object type's fields read. */
  fields: Map<string, ApiField>;
  /** By GraphQL field name: what the filter input's fields test (columns with operators, relations). */
  filterFields: Map<string, ApiField>;
  /** Orderable columns in attnum order: the positional cursor's tiebreak. */
  orderable: string[];
  type: GraphQLObjectType;
  connectionType: GraphQLObjectType;
  edgeType: GraphQLObjectType;
  filterType: GraphQLInputObjectType;
  manyFilterType: GraphQLInputObjectType;
  orderByType: GraphQLEnumType | null;
  /** Every table a read of this one can reach through relations (cache tags), itself included. */
  reachable: string[];
}

export interface ApiLookup {
  table: ApiTable;
  lookup: NamedLookup;
}
