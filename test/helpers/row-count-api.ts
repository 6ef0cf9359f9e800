/**
 * A small schema factory for tests that really derives its fields from the
 * database, as the generated data API does: one root Query field per base
 * table of the `public` schema, `rows_<table>: String!`, answering the
 * table's `count(*)` (as text: it is a bigint) with a real query, and
 * declaring the table it reads in `extensions.cacheTables`.
 *
 * It is naive on purpose in one way: it does not check the names it makes,
 * so a table whose name is no GraphQL name (`"bad name"`) makes the build
 * fail the way a generator bug would.
 */
import { GraphQLNonNull, GraphQLString, type GraphQLFieldConfigMap } from "graphql";
import type { SchemaFactory } from "../../src/app.js";
import type { GatewayContext } from "../../src/context.js";
import { quoteIdent } from "../../src/services/db/index.js";
import { mergeSchema } from "../../src/services/schema/index.js";

export const rowCountApi: SchemaFactory = async (base, services) => {
  const { rows } = await services.db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  const query: GraphQLFieldConfigMap<unknown, GatewayContext> = {};
  for (const { name } of rows) {
    query[`rows_${name}`] = {
      type: new GraphQLNonNull(GraphQLString),
      description: `Rows in ${name} (count(*), as text).`,
      extensions: { cacheTables: [name] },
      resolve: async (_root, _args, ctx) => (await ctx.services.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${quoteIdent(name)}`)).rows[0]!.n,
    };
  }
  return mergeSchema(base, { query: query as GraphQLFieldConfigMap<unknown, unknown> }, { extensionName: "the row-count API" });
};
