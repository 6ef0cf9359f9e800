/** selectionOf over real graphql-js executions of one parsed document, as Apollo reuses documents. */
import { buildSchema, execute, parse, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { selectionOf, type SelectionTree } from "../../src/resolvers/selection.js";

const schema = buildSchema(`
  type Product { id: Int sku: String }
  type Item { id: Int product: Product }
  type Customer { id: Int name: String }
  type Order { id: Int customer: Customer items: [Item] }
  type Query { order(id: Int): Order }
`);

function selectionsOf(source: string, runs: number): Array<Readonly<SelectionTree>> {
  const document = parse(source);
  const seen: Array<Readonly<SelectionTree>> = [];
  const rootValue = {
    order: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      seen.push(selectionOf(info));
      return null;
    },
  };
  for (let i = 0; i < runs; i++) execute({ schema, document, rootValue });
  return seen;
}

describe("selectionOf", () => {
  it("resolves aliases, fragments and repeated fields into one tree of field names", () => {
    const [tree] = selectionsOf(
      `query { order(id: 1) { id ...Who items { product { id } } items { id product { sku } } } }
       fragment Who on Order { buyer: customer { name } ... on Order { customer { id } } }`,
      1,
    );
    expect(tree).toEqual({ id: {}, customer: { name: {}, id: {} }, items: { product: { id: {}, sku: {} }, id: {} } });
  });

  it("walks a document once and hands every later request the same read-only tree", () => {
    const trees = selectionsOf(`{ order(id: 1) { id customer { name } } }`, 3);
    expect(trees).toHaveLength(3);
    expect(trees[1]).toBe(trees[0]);
    expect(trees[2]).toBe(trees[0]);
    expect(Object.isFrozen(trees[0])).toBe(true);
    expect(Object.isFrozen(trees[0]!.customer)).toBe(true);
  });

  it("gives another document its own tree", () => {
    const [a] = selectionsOf(`{ order(id: 1) { id } }`, 1);
    const [b] = selectionsOf(`{ order(id: 1) { items { id } } }`, 1);
    expect(a).toEqual({ id: {} });
    expect(b).toEqual({ items: { id: {} } });
  });
});
