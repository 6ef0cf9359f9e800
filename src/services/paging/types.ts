/**
 * Shapes of a Relay connection as the services return them; the GraphQL types in
 * `src/schema/connection.type.ts` mirror these.
 */

/** Page size when a list is asked for with neither `first` nor `last` (never more than MAX_PAGE_SIZE). */
export const DEFAULT_PAGE_SIZE = 20;

/** What a caller asks of a list: `first`/`after` pages forward, `last`/`before` backward. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The bound on page sizes (config.api: MAX_PAGE_SIZE). */
export interface PageLimits {
  maxPageSize: number;
}

export interface PageInfoShape {
  hasNextPage: boolean | Promise<boolean>;
  hasPreviousPage: boolean | Promise<boolean>;
  startCursor: string | null;
  endCursor: string | null;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  nodes: T[];
  edges: Array<EdgeShape<T>>;
  pageInfo: PageInfoShape;
  /** Counted only when read: a promise made on first access. */
  readonly totalCount: number | Promise<number>;
}
