/** The JIT executor leaves operations whose variables have recursive input types to graphql-js (graphql-jit never finishes compiling them). */
import { describe, expect, it } from "vitest";
import { GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, Kind, parse, type OperationDefinitionNode } from "graphql";
import { hasRecursiveInputVariable, JitGateway } from "../../src/http/jit-executor.js";

const Filter: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: "Filter",
  fields: () => ({ name: { type: GraphQLString }, and: { type: new GraphQLList(new GraphQLNonNull(Filter)) }, other: { type: Other } }),
});
const Other: GraphQLInputObjectType = new GraphQLInputObjectType({ name: "Other", fields: () => ({ back: { type: Filter }, n: { type: GraphQLInt } }) });
const Wrapper = new GraphQLInputObjectType({ name: "Wrapper", fields: { inner: { type: Filter } } });
const Plain = new GraphQLInputObjectType({ name: "Plain", fields: { n: { type: GraphQLInt } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      f: { type: GraphQLString, args: { filter: { type: Filter }, wrapper: { type: Wrapper }, plain: { type: Plain } }, resolve: (_s, a) => JSON.stringify(a) },
    },
  }),
});
const op = (q: string) => parse(q).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

describe("JIT executor and recursive input types", () => {
  it("recognises variables whose type contains itself, directly or through another type", () => {
    expect(hasRecursiveInputVariable(schema, op(`query($f: Filter) { f(filter: $f) }`))).toBe(true);
    expect(hasRecursiveInputVariable(schema, op(`query($w: Wrapper!) { f(wrapper: $w) }`))).toBe(true);
    expect(hasRecursiveInputVariable(schema, op(`query($p: Plain, $n: Int) { f(plain: $p) }`))).toBe(false);
    expect(hasRecursiveInputVariable(schema, op(`{ f(filter: { and: [{ name: "x" }] }) }`))).toBe(false);
  });

  it("runs such an operation through graphql-js and answers it", async () => {
    const gateway = new JitGateway({ current: schema, onChange: () => () => {} });
    const { executor } = await gateway.load();
    const document = parse(`query($f: Filter) { f(filter: $f) }`);
    const result = await executor({ schema, document, operationName: null, operation: document.definitions[0], context: {}, request: { variables: { f: { name: "a", other: { back: { name: "b" } } } } } } as never);
    expect(result).toEqual({ data: { f: JSON.stringify({ filter: { name: "a", other: { back: { name: "b" } } } }) } });
  });
});
