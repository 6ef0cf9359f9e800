/**
 * Relay connection types: nodes, edges { cursor node }, pageInfo, totalCount, and the paging arguments
 * first/after (forward) and last/before (backward) that every list of the gateway takes.
 */
import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { DEFAULT_PAGE_SIZE, type ConnectionShape, type EdgeShape } from "../services/paging/types.js";

@ObjectType({ description: "Where a page sits in the whole list. Pass endCursor as `after` (with `first`) for the next page, startCursor as `before` (with `last`) for the previous one." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when rows follow this page (past endCursor)." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when rows precede this page (before startCursor)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; null on an empty page." })
  endCursor!: string | null;
}

export type Edge<T> = EdgeShape<T>;
export type { ConnectionShape };

/** Builds `<Name>Edge` and an abstract connection base for a node type; extend it as `<Name>Connection`. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String, { description: "Opaque position of this node; pass it as `after` to continue after it, or as `before` to page back from it." })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  // A unique name; never referenced, so never emitted in the schema.
  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionBase {
    @Field(() => [nodeType], { description: "The page's nodes, in list order (the same as edges' nodes, without cursors)." })
    nodes!: T[];

    @Field(() => [EdgeType])
    edges!: Array<Edge<T>>;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many nodes match the filter, over all pages." })
    totalCount!: number;
  }
  return ConnectionBase;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Forward: at most this many nodes after \`after\` (or from the start); 1 to MAX_PAGE_SIZE. Without first and last: API_DEFAULT_PAGE_SIZE (default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "A cursor (pageInfo.endCursor or an edge's cursor): only nodes after it." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "Backward: at most this many nodes before `before` (or at the end), in list order; 1 to MAX_PAGE_SIZE. Not with first." })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "A cursor (pageInfo.startCursor or an edge's cursor): only nodes before it." })
  before?: string | null;
}
