/** Relay-style connection types: edges { cursor node }, pageInfo, totalCount. */
import { Field, Int, ObjectType, type ClassType } from "type-graphql";

@ObjectType({ description: "Where a page sits in the whole list. Pass endCursor as `after` to get the next page." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when this page was asked for with `after`." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; null on an empty page." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
  /** May be a promise: it is only counted when asked for. */
  totalCount: number | Promise<number>;
}

/** Builds `<Name>Edge` and an abstract connection base for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String, { description: "Opaque position of this node; pass it as `after` to continue after it." })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  // A unique name; never referenced, so never emitted in the schema.
  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionBase {
    @Field(() => [EdgeType])
    edges!: Array<Edge<T>>;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many nodes match the filter, over all pages." })
    totalCount!: number;
  }
  return ConnectionBase;
}
