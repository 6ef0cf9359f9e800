/** Create, update and delete mutations per writable table (added once the read side is in place). */
import type { GraphQLFieldConfigMap, GraphQLNamedType } from "graphql";
import type { ApiTable } from "./api-model.js";
import type { PageLimits } from "./connection.js";
import type { DataApiContext } from "./resolve.js";

export function buildMutations(_tables: ApiTable[], _limits: PageLimits): { fields: GraphQLFieldConfigMap<unknown, DataApiContext>; types: GraphQLNamedType[] } {
  return { fields: {}, types: [] };
}
