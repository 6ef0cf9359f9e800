import { beforeAll, describe, expect, it } from "vitest";
import { createPubSub } from "@graphql-yoga/subscription";
import {
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  execute,
  parse,
  printSchema,
  subscribe,
  validateSchema,
  type GraphQLSchema,
} from "graphql";
import { buildGatewaySchema } from "../../src/app.js";
import { SchemaMergeError, mergeSchema, reservedNames } from "../../src/services/schema/index.js";

let base: GraphQLSchema;
beforeAll(async () => {
  base = await buildGatewaySchema(createPubSub() as never);
});

const Widget = new GraphQLObjectType({
  name: "Widget",
  description: "A widget row.",
  fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, name: { type: GraphQLString, deprecationReason: "use label" } },
});

describe("mergeSchema", () => {
  it("adds query, mutation and subscription fields and keeps both sides as they were built", async () => {
    const merged = mergeSchema(base, {
      query: {
        widget: { type: Widget, description: "One widget.", extensions: { cacheTables: ["widgets"] }, resolve: () => ({ id: 7, name: "seven" }) },
      },
      mutation: { touchWidget: { type: GraphQLInt, resolve: () => 1 } },
      subscription: {
        widgetTicks: {
          type: GraphQLInt,
          subscribe: async function* () {
            yield { widgetTicks: 1 };
            yield { widgetTicks: 2 };
          },
        },
      },
    });
    expect(validateSchema(merged)).toEqual([]);

    const q = merged.getQueryType()!.getFields();
    expect(q.widget!.description).toBe("One widget.");
    expect(q.widget!.extensions).toEqual({ cacheTables: ["widgets"] });
    const baseQ = base.getQueryType()!.getFields();
    // The code-first fields are the very same configs: resolvers, descriptions and extensions untouched.
    for (const name of Object.keys(baseQ)) {
      expect(q[name]!.resolve, name).toBe(baseQ[name]!.resolve);
      expect(q[name]!.description, name).toBe(baseQ[name]!.description);
      expect(q[name]!.extensions, name).toEqual(baseQ[name]!.extensions);
    }
    const s = merged.getSubscriptionType()!.getFields();
    expect(s.jobProgress!.subscribe).toBe(base.getSubscriptionType()!.getFields().jobProgress!.subscribe);
    expect(merged.getType("Job")).toBe(base.getType("Job"));
    expect(merged.getMutationType()!.getFields().refreshSchema).toBeDefined();
    expect(merged.getType("Widget")).toBe(Widget);
    expect((merged.getType("Widget") as GraphQLObjectType).getFields().name!.deprecationReason).toBe("use label");

    // Every other type of the base is the very same object in the merged schema.
    for (const type of Object.values(base.getTypeMap())) {
      if (["Query", "Mutation", "Subscription"].includes(type.name)) continue;
      expect(merged.getType(type.name), type.name).toBe(type);
    }

    const result = await execute({ schema: merged, document: parse(`{ widget { id name } }`) });
    expect(result).toEqual({ data: { widget: { id: 7, name: "seven" } } });
    const ticks = (await subscribe({ schema: merged, document: parse(`subscription { widgetTicks }`) })) as AsyncIterableIterator<unknown>;
    const seen: unknown[] = [];
    for await (const tick of ticks) seen.push(tick);
    expect(seen).toEqual([{ data: { widgetTicks: 1 } }, { data: { widgetTicks: 2 } }]);
  });

  it("leaves the base schema unchanged", () => {
    const before = printSchema(base);
    mergeSchema(base, { query: { widget: { type: Widget } } });
    expect(printSchema(base)).toBe(before);
    expect(base.getQueryType()!.getFields().widget).toBeUndefined();
  });

  it("accepts a type taken from the base schema itself", () => {
    const dateTime = base.getType("DateTimeISO")!;
    const Stamp = new GraphQLObjectType({ name: "Stamp", fields: { at: { type: dateTime as never } } });
    const merged = mergeSchema(base, { query: { stamp: { type: Stamp } } });
    expect(validateSchema(merged)).toEqual([]);
    expect(merged.getType("DateTimeISO")).toBe(dateTime);
  });

  it("refuses clashing root fields and types, naming both sides", () => {
    const Job = new GraphQLObjectType({ name: "Job", fields: { id: { type: GraphQLInt } } });
    let error: unknown;
    try {
      mergeSchema(base, { query: { jobs: { type: GraphQLInt }, job2: { type: Job } }, mutation: { refreshSchema: { type: GraphQLInt } } }, { extensionName: "the data API" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SchemaMergeError);
    expect((error as SchemaMergeError).clashes).toEqual([
      "Query.jobs is defined by both the gateway schema and the data API",
      "Mutation.refreshSchema is defined by both the gateway schema and the data API",
      "type Job is defined by both the gateway schema and the data API",
    ]);
    expect((error as Error).message).toBe(
      "The schemas cannot be merged: Query.jobs is defined by both the gateway schema and the data API; Mutation.refreshSchema is defined by both the gateway schema and the data API; type Job is defined by both the gateway schema and the data API.",
    );
  });

  it("finds a clashing type however deep the extension reaches it", () => {
    const Inner = new GraphQLObjectType({ name: "CacheStats", fields: { n: { type: GraphQLInt } } });
    const Outer = new GraphQLObjectType({ name: "Outer", fields: { inner: { type: Inner } } });
    expect(() => mergeSchema(base, { query: { outer: { type: Outer } } })).toThrow("type CacheStats is defined by both the gateway schema and the generated API");
  });
});

describe("reservedNames", () => {
  it("lists the base schema's root fields per operation and its type names", () => {
    const names = reservedNames(base);
    expect(names.query).toEqual(expect.arrayContaining(["jobs", "gatewayInfo", "cacheStats"]));
    expect(names.mutation).toEqual(expect.arrayContaining(["refreshSchema", "ingest", "invalidateCache"]));
    expect(names.subscription).toEqual(expect.arrayContaining(["jobProgress", "heartbeat"]));
    expect(names.types).toEqual(expect.arrayContaining(["Query", "Mutation", "Job", "DateTimeISO", "String", "__Schema"]));
    expect(names.query).toEqual([...names.query].sort());
    // What it lists is exactly what merging would refuse.
    for (const field of names.query) expect(() => mergeSchema(base, { query: { [field]: { type: GraphQLInt } } })).toThrow(SchemaMergeError);
  });
});
