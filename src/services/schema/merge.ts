/**
 * Joins the gateway's code-first schema (type-graphql) with root fields and
 * types built elsewhere in plain graphql-js (the generated data API) into
 * one GraphQLSchema. Everything of both sides is kept as built: resolvers,
 * subscribe functions, descriptions, deprecations, directives and
 * `extensions` (the result cache reads `extensions.cacheTables`).
 *
 * Nothing is renamed: a root field or a type name that both sides define is
 * an error naming both, because a silent winner would change an API under
 * its callers. `reservedNames(base)` tells a generator what to avoid; a type
 * it takes from the base schema itself (the same object, e.g. a shared
 * scalar) is no clash.
 */
import {
  GraphQLObjectType,
  GraphQLSchema,
  isSpecifiedScalarType,
  isIntrospectionType,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
} from "graphql";

/** Root fields and types to add to a schema, as graphql-js config objects. */
export interface SchemaExtension {
  query?: GraphQLFieldConfigMap<unknown, unknown>;
  mutation?: GraphQLFieldConfigMap<unknown, unknown>;
  subscription?: GraphQLFieldConfigMap<unknown, unknown>;
  /** Types no root field reaches (e.g. implementations of an interface); reachable ones are found on their own. */
  types?: GraphQLNamedType[];
}

export interface MergeOptions {
  /** What the base schema is called in error messages. */
  baseName?: string;
  /** What the extension is called in error messages. */
  extensionName?: string;
}

/** Names a generator must not define: the base schema's root fields per operation and its type names. */
export interface ReservedNames {
  query: string[];
  mutation: string[];
  subscription: string[];
  /** Every named type, root types, built-in scalars and introspection types included. */
  types: string[];
}

export class SchemaMergeError extends Error {
  constructor(readonly clashes: string[]) {
    super(`The schemas cannot be merged: ${clashes.join("; ")}.`);
    this.name = "SchemaMergeError";
  }
}

type Operation = "query" | "mutation" | "subscription";
const OPERATIONS: Operation[] = ["query", "mutation", "subscription"];
const DEFAULT_ROOT_NAMES: Record<Operation, string> = { query: "Query", mutation: "Mutation", subscription: "Subscription" };

function rootOf(schema: GraphQLSchema, op: Operation): GraphQLObjectType | null | undefined {
  return op === "query" ? schema.getQueryType() : op === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
}

export function reservedNames(base: GraphQLSchema): ReservedNames {
  const fields = (op: Operation) => Object.keys(rootOf(base, op)?.getFields() ?? {}).sort();
  return { query: fields("query"), mutation: fields("mutation"), subscription: fields("subscription"), types: Object.keys(base.getTypeMap()).sort() };
}

/** Every named type the extension reaches, found by letting graphql-js walk it as a schema of its own. */
function extensionTypes(extension: SchemaExtension, rootNames: Record<Operation, string>): Map<string, GraphQLNamedType> {
  const root = (op: Operation) => {
    const fields = extension[op];
    return fields && Object.keys(fields).length ? new GraphQLObjectType({ name: rootNames[op], fields }) : undefined;
  };
  const alone = new GraphQLSchema({ query: root("query"), mutation: root("mutation"), subscription: root("subscription"), types: extension.types ?? [] });
  const out = new Map<string, GraphQLNamedType>();
  const roots = new Set(Object.values(rootNames));
  for (const [name, type] of Object.entries(alone.getTypeMap())) {
    if (roots.has(name) || isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    out.set(name, type);
  }
  return out;
}

/**
 * One schema with the base's root fields followed by the extension's, and
 * the types of both. Throws SchemaMergeError listing every clash.
 */
export function mergeSchema(base: GraphQLSchema, extension: SchemaExtension, opts: MergeOptions = {}): GraphQLSchema {
  const baseName = opts.baseName ?? "the gateway schema";
  const extName = opts.extensionName ?? "the generated API";
  const config = base.toConfig();
  const rootNames = Object.fromEntries(OPERATIONS.map((op) => [op, rootOf(base, op)?.name ?? DEFAULT_ROOT_NAMES[op]])) as Record<Operation, string>;

  const clashes: string[] = [];
  const roots: Partial<Record<Operation, GraphQLObjectType>> = {};
  for (const op of OPERATIONS) {
    const baseRoot = rootOf(base, op);
    const added = extension[op] ?? {};
    if (!Object.keys(added).length) {
      if (baseRoot) roots[op] = baseRoot;
      continue;
    }
    const baseFields = baseRoot?.toConfig().fields ?? {};
    for (const name of Object.keys(added)) {
      if (name in baseFields) clashes.push(`${rootNames[op]}.${name} is defined by both ${baseName} and ${extName}`);
    }
    // A new root object: the base's own stays untouched, so the base schema keeps working on its own.
    const rootConfig = baseRoot?.toConfig() ?? { name: rootNames[op], fields: {} };
    roots[op] = new GraphQLObjectType({ ...rootConfig, fields: { ...baseFields, ...added } });
  }

  const baseTypes = base.getTypeMap();
  const added = extensionTypes(extension, rootNames);
  for (const [name, type] of added) {
    const existing = baseTypes[name];
    if (existing && existing !== type) clashes.push(`type ${name} is defined by both ${baseName} and ${extName}`);
  }
  if (clashes.length) throw new SchemaMergeError(clashes);

  const rootSet = new Set(OPERATIONS.map((op) => rootOf(base, op)).filter(Boolean));
  const types = [...config.types.filter((t) => !rootSet.has(t as GraphQLObjectType)), ...[...added.values()].filter((t) => baseTypes[t.name] !== t)];
  return new GraphQLSchema({ ...config, query: roots.query, mutation: roots.mutation, subscription: roots.subscription, types });
}
